import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const alarm = (extra: Record<string, unknown> = {}) => ({
  alarm_name: 'acme-dev-orders-dev/function/order-status/errors',
  comparison_operator: 'GreaterThanOrEqualToThreshold',
  evaluation_periods: 5,
  ...extra,
});

describe('LZ-ALARM-001 (CKV_AWS_319): alarm actions enabled', () => {
  it('passes an alarm with actions enabled, and one that leaves them at the default', () => {
    const stack = cdktfStack({ aws_cloudwatch_metric_alarm: { on: alarm({ actions_enabled: true }), unset: alarm() } });
    expect(findingsOf('LZ-ALARM-001', stack)).toEqual([]);
  });

  it('fails an alarm whose actions are disabled, in a plan', () => {
    const plan = planStack([{ type: 'aws_cloudwatch_metric_alarm', name: 'muted', values: alarm({ actions_enabled: false }) }]);
    expect(summarize(findingsOf('LZ-ALARM-001', plan))).toEqual(['aws_cloudwatch_metric_alarm.muted: has actions_enabled = false']);
  });
});

describe('LZ-ALARM-002: every alarm notifies someone', () => {
  it('passes an alarm notifying a topic of the stack (a reference) and one notifying a literal topic ARN', () => {
    const stack = cdktfStack({
      aws_sns_topic: { alarms: { name: 'acme-alarms' } },
      aws_cloudwatch_metric_alarm: {
        referenced: alarm({ alarm_actions: ['${aws_sns_topic.alarms.arn}'] }),
        literal: alarm({ alarm_actions: ['arn:aws:sns:eu-west-1:510000000002:acme-alarms'] }),
      },
    });
    expect(findingsOf('LZ-ALARM-002', stack)).toEqual([]);
    const plan = planStack([
      { type: 'aws_sns_topic', name: 'alarms', values: { name: 'acme-alarms' } },
      { type: 'aws_cloudwatch_metric_alarm', name: 'referenced', values: alarm(), references: { alarm_actions: ['aws_sns_topic.alarms'] } },
    ]);
    expect(findingsOf('LZ-ALARM-002', plan)).toEqual([]);
  });

  it('fails an alarm without alarm actions, and one with an empty list', () => {
    const stack = cdktfStack({ aws_cloudwatch_metric_alarm: { silent: alarm(), empty: alarm({ alarm_actions: [] }) } });
    expect(summarize(findingsOf('LZ-ALARM-002', stack)).sort()).toEqual([
      'aws_cloudwatch_metric_alarm.empty: has no alarm_actions',
      'aws_cloudwatch_metric_alarm.silent: has no alarm_actions',
    ]);
  });
});
