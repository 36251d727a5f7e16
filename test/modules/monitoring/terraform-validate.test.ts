import { MessagingKey } from '../../../modules/messaging/messaging-key';
import { Topic } from '../../../modules/messaging/topic';
import { CountingRule } from '../../../modules/monitoring/counting-rule';
import { MetricAlarm } from '../../../modules/monitoring/metric-alarm';
import { terraformValidate } from '../../support/terraform-validate';

const ACCOUNT = '510000000002';
const ALARMS = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:acme-dev-orders-dev/*`;

describe('monitoring modules under terraform validate', () => {
  it('accepts an alarm topic, a single-metric, a percentile and a metric-math alarm, and a counting rule', async () => {
    await expect(
      terraformValidate((stack) => {
        const key = new MessagingKey(stack, 'key', {
          alias: 'acme-dev-orders-dev-messaging',
          accountId: ACCOUNT,
          region: 'eu-west-1',
          cloudWatchAlarmArn: ALARMS,
        });
        const topic = new Topic(stack, 'topic', { name: 'acme-alarms', accountId: ACCOUNT, kmsKeyArn: key.keyArn, alarmSourceArn: ALARMS });
        const common = { periodSeconds: 300, evaluationPeriods: 2, datapointsToAlarm: 2, notificationTopicArns: [topic.topicArn] };
        const rule = new CountingRule(stack, 'rule', {
          name: 'acme-dev-orders-dev-nightly-failed-jobs',
          eventPattern: { source: ['aws.batch'] },
        });
        new MetricAlarm(stack, 'failed-jobs', {
          ...common,
          name: 'acme-dev-orders-dev/batch-queue/nightly/failed-jobs',
          metric: { namespace: 'AWS/Events', metricName: 'TriggeredRules', statistic: 'Sum', dimensions: { RuleName: rule.ruleName } },
          threshold: 1,
          comparison: 'GreaterThanOrEqualToThreshold',
        });
        new MetricAlarm(stack, 'latency', {
          ...common,
          name: 'acme-dev-orders-dev/rest-api/payments/p99-latency',
          metric: {
            namespace: 'AWS/ApiGateway',
            metricName: 'Latency',
            statistic: 'p99',
            dimensions: { ApiName: 'acme-payments', Stage: 'live' },
          },
          threshold: 5000,
          comparison: 'GreaterThanOrEqualToThreshold',
          actionsEnabled: false,
        });
        const dimensions = { ApiId: 'a1b2c3', Stage: '$default' };
        new MetricAlarm(stack, 'rate', {
          ...common,
          name: 'acme-dev-orders-dev/http-api/order-status/5xx-rate',
          expression: {
            expression: 'IF(requests > 0, 100 * errors / requests, 0)',
            label: '5xx share of requests (%)',
            metrics: {
              errors: { namespace: 'AWS/ApiGateway', metricName: '5xx', statistic: 'Sum', dimensions },
              requests: { namespace: 'AWS/ApiGateway', metricName: 'Count', statistic: 'Sum', dimensions },
            },
          },
          threshold: 1,
          comparison: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
        });
      }),
    ).resolves.toBeUndefined();
  });
});
