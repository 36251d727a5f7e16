import { Testing } from 'cdktf';
import { MessagingKey } from '../../../modules/messaging/messaging-key';
import { Topic } from '../../../modules/messaging/topic';
import { CountingRule } from '../../../modules/monitoring/counting-rule';
import { MetricAlarm, type MetricAlarmProps } from '../../../modules/monitoring/metric-alarm';
import { resourceAt } from '../synthesized';

const ACCOUNT = '510000000002';
const TOPIC = `arn:aws:sns:eu-west-1:${ACCOUNT}:acme-alarms`;
const ALARMS = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:acme-dev-orders-dev/*`;

const errors: MetricAlarmProps = {
  name: 'acme-dev-orders-dev/function/order-status/errors',
  description: 'function/order-status/errors: Errors (Sum) ≥ 1',
  metric: { namespace: 'AWS/Lambda', metricName: 'Errors', statistic: 'Sum', dimensions: { FunctionName: 'acme-order-status' } },
  periodSeconds: 60,
  evaluationPeriods: 5,
  datapointsToAlarm: 1,
  threshold: 1,
  comparison: 'GreaterThanOrEqualToThreshold',
  notificationTopicArns: [TOPIC],
};

const synth = (props: Partial<MetricAlarmProps> = {}) =>
  Testing.synthScope((scope) => void new MetricAlarm(scope, 'alarm', { ...errors, ...props }));
const alarmOf = (synthesized: string) => resourceAt(synthesized, 'aws_cloudwatch_metric_alarm', 'alarm');

describe('metric alarm', () => {
  describe('on one metric', () => {
    const alarm = alarmOf(synth());

    it('notifies the topic when it fires and when it recovers', () => {
      expect(alarm).toMatchObject({ alarm_actions: [TOPIC], ok_actions: [TOPIC], actions_enabled: true });
    });

    it('compares the metric with the threshold over the window, a quiet metric not breaching', () => {
      expect(alarm).toMatchObject({
        alarm_name: errors.name,
        namespace: 'AWS/Lambda',
        metric_name: 'Errors',
        statistic: 'Sum',
        dimensions: { FunctionName: 'acme-order-status' },
        period: 60,
        evaluation_periods: 5,
        datapoints_to_alarm: 1,
        threshold: 1,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        treat_missing_data: 'notBreaching',
      });
      expect(alarm.metric_query).toBeUndefined();
    });
  });

  describe('with a percentile statistic', () => {
    it('reads it as an extended statistic', () => {
      const alarm = alarmOf(synth({ metric: { namespace: 'AWS/ApiGateway', metricName: 'Latency', statistic: 'p99' } }));
      expect(alarm).toMatchObject({ extended_statistic: 'p99' });
      expect(alarm.statistic).toBeUndefined();
    });
  });

  describe('with a metric-math expression', () => {
    const alarm = alarmOf(
      synth({
        metric: undefined,
        expression: {
          expression: 'desired - running',
          label: 'tasks short of the desired count',
          metrics: {
            desired: {
              namespace: 'ECS/ContainerInsights',
              metricName: 'DesiredTaskCount',
              statistic: 'Average',
              dimensions: { ServiceName: 's' },
            },
            running: {
              namespace: 'ECS/ContainerInsights',
              metricName: 'RunningTaskCount',
              statistic: 'Average',
              dimensions: { ServiceName: 's' },
            },
          },
        },
      }),
    );

    it('returns only the expression, over metrics of the same period', () => {
      expect(alarm.metric_query).toEqual([
        { id: 'alarm', expression: 'desired - running', label: 'tasks short of the desired count', return_data: true },
        {
          id: 'desired',
          return_data: false,
          metric: {
            namespace: 'ECS/ContainerInsights',
            metric_name: 'DesiredTaskCount',
            period: 60,
            stat: 'Average',
            dimensions: { ServiceName: 's' },
          },
        },
        {
          id: 'running',
          return_data: false,
          metric: {
            namespace: 'ECS/ContainerInsights',
            metric_name: 'RunningTaskCount',
            period: 60,
            stat: 'Average',
            dimensions: { ServiceName: 's' },
          },
        },
      ]);
      expect(alarm.metric_name).toBeUndefined();
    });
  });

  describe('with its actions disabled', () => {
    it('keeps its topics but notifies nobody', () => {
      expect(alarmOf(synth({ actionsEnabled: false }))).toMatchObject({ actions_enabled: false, alarm_actions: [TOPIC] });
    });
  });

  describe('validation', () => {
    it.each([
      [{ notificationTopicArns: [] }, 'notificationTopicArns is empty'],
      [{ expression: { expression: 'm', label: 'm', metrics: {} } }, 'give exactly one of metric and expression'],
      [{ periodSeconds: 90 }, 'periodSeconds is 90; use 10, 20, 30 or a multiple of 60'],
      [{ datapointsToAlarm: 6 }, 'datapointsToAlarm is 6; give 1 to evaluationPeriods (5)'],
      [
        { periodSeconds: 3600, evaluationPeriods: 25, datapointsToAlarm: 1 },
        'evaluationPeriods × periodSeconds must be 1 period to one day',
      ],
      [{ metric: { ...errors.metric!, statistic: 'Median' } }, 'statistic "Median" is none of'],
      [{ name: 'x'.repeat(256) }, 'name must be 1–255 characters'],
    ])('refuses %j', (props, message) => {
      expect(() => synth(props as Partial<MetricAlarmProps>)).toThrow(message);
    });
  });
});

describe('counting rule', () => {
  it('matches its pattern on the default bus, without targets', () => {
    const synthesized = Testing.synthScope(
      (scope) =>
        void new CountingRule(scope, 'failed-jobs', {
          name: 'acme-dev-payments-dev-nightly-failed-jobs',
          eventPattern: { source: ['aws.batch'], detail: { status: ['FAILED'] } },
        }),
    );
    const rule = resourceAt(synthesized, 'aws_cloudwatch_event_rule', 'failed-jobs_rule');
    expect(rule).toMatchObject({ name: 'acme-dev-payments-dev-nightly-failed-jobs', state: 'ENABLED' });
    expect(rule.event_bus_name).toBeUndefined();
    expect(JSON.parse(rule.event_pattern)).toEqual({ source: ['aws.batch'], detail: { status: ['FAILED'] } });
    expect(JSON.parse(synthesized).resource.aws_cloudwatch_event_target).toBeUndefined();
  });

  it('refuses a name EventBridge does not accept', () => {
    expect(() => Testing.synthScope((scope) => void new CountingRule(scope, 'rule', { name: 'x'.repeat(65), eventPattern: {} }))).toThrow(
      'name must be 1–64 letters',
    );
  });
});

describe('alarm topic', () => {
  const synthesized = Testing.synthScope((scope) => {
    const key = new MessagingKey(scope, 'key', {
      alias: 'acme-dev-orders-dev-messaging',
      accountId: ACCOUNT,
      region: 'eu-west-1',
      cloudWatchAlarmArn: ALARMS,
    });
    new Topic(scope, 'topic', { name: 'acme-alarms', accountId: ACCOUNT, kmsKeyArn: key.keyArn, alarmSourceArn: ALARMS });
  });
  const condition = { ArnLike: { 'aws:SourceArn': ALARMS }, StringEquals: { 'aws:SourceAccount': ACCOUNT } };

  it("lets CloudWatch publish for exactly the stack's alarms", () => {
    const statements = JSON.parse(resourceAt(synthesized, 'aws_sns_topic_policy', 'topic_policy').policy).Statement;
    expect(statements.find((statement: any) => statement.Sid === 'CloudWatchAlarmsPublish')).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'SNS:Publish',
      Condition: condition,
    });
  });

  it('lets CloudWatch use the key for them, which it needs to publish to an encrypted topic', () => {
    const statements = JSON.parse(resourceAt(synthesized, 'aws_kms_key', 'key').policy).Statement;
    expect(statements.find((statement: any) => statement.Sid === 'CloudWatchAlarmsEncrypt')).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Condition: condition,
    });
  });

  it('refuses a FIFO alarm topic: CloudWatch publishes only to standard topics', () => {
    expect(() =>
      Testing.synthScope(
        (scope) =>
          void new Topic(scope, 'topic', {
            name: 'acme-alarms.fifo',
            fifo: true,
            accountId: ACCOUNT,
            kmsKeyArn: 'arn:aws:kms:eu-west-1:510000000002:key/k',
            alarmSourceArn: ALARMS,
          }),
      ),
    ).toThrow('CloudWatch alarms publish only to standard topics');
  });
});
