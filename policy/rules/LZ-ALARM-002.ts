import type { PolicyRule } from '../types';
import { asStrings } from '../values';

/**
 * An alarm that fires into nothing goes unseen: every alarm has at least one alarm action (the
 * workload stack's alarm topic). A literal ARN or a reference to a resource of the plan counts; a
 * value unknown until apply without a reference cannot be checked and is noted.
 */
export const alarmsNotify: PolicyRule = {
  id: 'LZ-ALARM-002',
  title: 'Every CloudWatch alarm notifies someone (at least one alarm action)',
  severity: 'error',
  resourceTypes: ['aws_cloudwatch_metric_alarm'],
  evaluate: (alarm, context) => {
    if (asStrings(alarm.values.alarm_actions).length > 0 || (alarm.references.alarm_actions ?? []).length > 0) return [];
    if (context.source === 'plan' && !('alarm_actions' in alarm.values)) {
      context.note(`${alarm.address}: alarm_actions is not known in this plan; not checked`);
      return [];
    }
    return [{ detail: 'has no alarm_actions' }];
  },
  fix: "give the alarm an SNS topic in alarm_actions (MetricAlarm notifies the workloads file's alarm topic)",
};
