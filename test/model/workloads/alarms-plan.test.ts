import { landingZoneFromTexts } from '../../../model/load';
import { fitName } from '../../../model/workloads/alarms/plan';
import { alarmKeys } from '../../../model/workloads/alarms/subjects';
import type { AlarmPlan, WorkloadsPlan } from '../../../model/workloads/types';
import { sampleModel, sampleTexts } from '../../support/config';
import { append } from '../validate/fixtures';

const model = sampleModel();
const workloadsPlans = (zone = model) => zone.stacks.filter((plan): plan is WorkloadsPlan => plan.kind === 'workloads');
const workloads = (name: string, zone = model) => {
  const plan = workloadsPlans(zone).find((candidate) => candidate.name === name);
  if (!plan) throw new Error(`no workloads plan ${name}`);
  return plan;
};
const alarm = (plan: WorkloadsPlan, key: string): AlarmPlan => {
  const found = plan.alarms.alarms.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no alarm ${key} in ${plan.name}`);
  return found;
};
const keys = (plan: WorkloadsPlan) => plan.alarms.alarms.map((candidate) => candidate.key);

describe('alarms plan', () => {
  const ordersProd = workloads('prod-workloads-orders-prod');
  const ordersDev = workloads('dev-workloads-orders-dev');
  const paymentsDev = workloads('dev-workloads-payments-dev');
  const analytics = workloads('prod-workloads-analytics-prod');

  it('gives every workload account of the sample alarms, without any config', () => {
    for (const plan of workloadsPlans())
      expect({ stack: plan.name, alarms: plan.alarms.alarms.length > 0 }).toEqual({ stack: plan.name, alarms: true });
  });

  it('keys each alarm <kind>/<config name>/<signal>, in key order, with exactly the keys config may override', () => {
    expect(keys(analytics)).toEqual([
      'batch-queue/nightly/failed-jobs',
      'eks-node-group/platform.batch-spot/status-check-failed',
      'eks-node-group/platform.general/status-check-failed',
    ]);
    const files = model.environments.flatMap((environment) => environment.workloads);
    for (const file of files) {
      const plan = workloadsPlans().find((candidate) => candidate.accountName === file.accountName)!;
      const { defaults = {}, overrides = {} } = file.config.alarms ?? {};
      const off = (key: string) => {
        const [kind, , signal] = key.split('/');
        return (overrides[key]?.enabled ?? defaults[`${kind}/${signal}`]?.enabled) === false;
      };
      expect(keys(plan)).toEqual(alarmKeys(file.config).filter((key) => !off(key)));
    }
  });

  it('names alarms <org>-<env>-<account>/<key>, and their descriptions say what breaches', () => {
    const errors = alarm(ordersProd, 'function/order-status/errors');
    expect(errors.alarmName).toBe('acme-prod-orders-prod/function/order-status/errors');
    expect(errors.description).toBe('function/order-status/errors: Errors (Sum) ≥ 1 errors per minute, 1 of 5 periods of 60 s');
  });

  it('alarms on a REST API 5XXError average of 1 % (0.01) and p99 Latency of 5 s, by API name and stage', () => {
    expect(alarm(paymentsDev, 'rest-api/payments/5xx-rate')).toMatchObject({
      query: {
        kind: 'metric',
        metric: {
          namespace: 'AWS/ApiGateway',
          metricName: '5XXError',
          statistic: 'Average',
          dimensions: { ApiName: 'acme-payments', Stage: 'live' },
        },
      },
      threshold: 0.01,
      comparison: 'GreaterThanOrEqualToThreshold',
      periodSeconds: 300,
    });
    expect(alarm(workloads('prod-workloads-payments-prod'), 'rest-api/payments/p99-latency')).toMatchObject({
      query: { metric: { metricName: 'Latency', statistic: 'p99' } },
      threshold: 5000,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
    });
  });

  it('computes an HTTP API 5xx rate with metric math over 5xx and Count, by the API id the stack resolves', () => {
    const dimensions = { ApiId: { ref: 'http-api-id', api: 'order-status' }, Stage: '$default' };
    expect(alarm(ordersDev, 'http-api/order-status/5xx-rate').query).toEqual({
      kind: 'expression',
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      label: '5xx share of requests (%)',
      metrics: {
        errors: { namespace: 'AWS/ApiGateway', metricName: '5xx', statistic: 'Sum', dimensions },
        requests: { namespace: 'AWS/ApiGateway', metricName: 'Count', statistic: 'Sum', dimensions },
      },
    });
  });

  it('watches Lambda errors and throttles per minute, alarming on one bad minute in five', () => {
    expect(alarm(workloads('prod-workloads-payments-prod'), 'function/payments-api/throttles')).toMatchObject({
      query: {
        metric: { namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', dimensions: { FunctionName: 'acme-payments-api' } },
      },
      periodSeconds: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 1,
      threshold: 1,
      treatMissingData: 'notBreaching',
    });
  });

  it('alarms when a dead-letter queue holds any message, and watches no function failure queue (nothing invokes functions asynchronously)', () => {
    expect(keys(ordersProd).filter((key) => key.startsWith('function/'))).toEqual([
      'function/order-status/errors',
      'function/order-status/throttles',
    ]);
    expect(alarm(ordersProd, 'queue/order-events/dlq-depth')).toMatchObject({
      query: {
        metric: {
          namespace: 'AWS/SQS',
          metricName: 'ApproximateNumberOfMessagesVisible',
          statistic: 'Maximum',
          dimensions: { QueueName: 'acme-order-events-dlq' },
        },
      },
      threshold: 0,
      comparison: 'GreaterThanThreshold',
    });
  });

  it('counts failed Batch jobs with a target-less rule on the default bus, named within 64 characters', () => {
    expect(alarm(analytics, 'batch-queue/nightly/failed-jobs')).toMatchObject({
      query: {
        metric: {
          namespace: 'AWS/Events',
          metricName: 'TriggeredRules',
          statistic: 'Sum',
          dimensions: { RuleName: 'acme-prod-analytics-prod-nightly-failed-jobs' },
        },
      },
      countingRule: {
        ruleName: 'acme-prod-analytics-prod-nightly-failed-jobs',
        jobQueue: { ref: 'batch-job-queue-arn', queue: 'nightly' },
      },
    });
  });

  it('alarms when an ECS service runs fewer tasks than desired for five minutes (Container Insights)', () => {
    const dimensions = { ClusterName: 'acme-prod-orders-prod', ServiceName: 'acme-prod-orders-prod-orders-api' };
    expect(alarm(ordersProd, 'ecs-service/orders-api/running-tasks')).toMatchObject({
      query: {
        kind: 'expression',
        expression: 'desired - running',
        metrics: {
          desired: { namespace: 'ECS/ContainerInsights', metricName: 'DesiredTaskCount', dimensions },
          running: { namespace: 'ECS/ContainerInsights', metricName: 'RunningTaskCount', dimensions },
        },
      },
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      threshold: 1,
    });
  });

  it("alarms on failed EC2 status checks of a node group's Auto Scaling group: period 300 s, 2 periods, ≥ 1", () => {
    expect(alarm(analytics, 'eks-node-group/platform.general/status-check-failed')).toMatchObject({
      query: {
        metric: {
          namespace: 'AWS/EC2',
          metricName: 'StatusCheckFailed',
          statistic: 'Maximum',
          dimensions: { AutoScalingGroupName: { ref: 'node-group-autoscaling-group', cluster: 'platform', nodeGroup: 'general' } },
        },
      },
      periodSeconds: 300,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      threshold: 1,
      comparison: 'GreaterThanOrEqualToThreshold',
    });
  });

  describe('notifications', () => {
    it("notify the file's named topic, which CloudWatch may publish to and encrypt for", () => {
      const source = {
        service: 'cloudwatch',
        region: 'eu-west-1',
        account: { name: 'orders-prod', id: '530000000002' },
        resource: 'alarm:acme-prod-orders-prod/*',
      };
      expect(ordersProd.alarms.notificationTopic).toBe('alerts');
      expect(ordersProd.messaging?.topics.map((topic) => [topic.name, topic.alarmSources])).toEqual([
        ['alerts', source],
        ['orders', undefined],
      ]);
      expect(ordersProd.messaging?.key?.alarmSources).toEqual(source);
    });

    it('notify a topic alarms of the account when the file names none, created with the messaging key', () => {
      expect(analytics.alarms.notificationTopic).toBe('alarms');
      expect(analytics.messaging?.topics).toEqual([
        expect.objectContaining({ name: 'alarms', topicName: 'acme-alarms', fifo: false, publishers: [], subscribers: [] }),
      ]);
      expect(analytics.messaging?.key?.alias).toBe('acme-prod-analytics-prod-messaging');
    });
  });

  describe('tuning', () => {
    it("applies the file's defaults per signal and overrides per alarm, overrides winning", () => {
      expect(alarm(ordersProd, 'http-api/order-status/p99-latency').threshold).toBe(1000);
      const texts = append(
        sampleTexts(),
        'environments/prod/orders-prod.yaml',
        '  overrides:\n    http-api/order-status/p99-latency: { threshold: 800, evaluationPeriods: 3 }\n',
      );
      expect(
        alarm(workloads('prod-workloads-orders-prod', landingZoneFromTexts(texts)), 'http-api/order-status/p99-latency'),
      ).toMatchObject({
        threshold: 800,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
      });
    });

    it('leaves a disabled alarm out outside prod, and every alarm of a signal disabled in defaults', () => {
      expect(keys(ordersDev)).not.toContain('function/order-status/throttles');
      expect(keys(ordersDev)).toContain('function/order-status/errors');
      expect(keys(paymentsDev).filter((key) => key.endsWith('/throttles') || key.includes('latency'))).toEqual([]);
    });

    it('keeps a disabled prod alarm (a stop condition still), with its actions off, under its waiver', () => {
      let texts = append(
        sampleTexts(),
        'environments/prod/orders-prod.yaml',
        '  overrides:\n    queue/undelivered-events/dlq-depth: { enabled: false }\n',
      );
      texts = append(
        texts,
        'environments/org.yaml',
        'policyWaivers:\n  - rule: LZ-ALARM-001\n    stack: prod-workloads-orders-prod\n    resource: "*"\n    reason: the bus dead-letter queue is replayed by hand this quarter\n    expires: 2099-12-31\n',
      );
      const plan = workloads('prod-workloads-orders-prod', landingZoneFromTexts(texts));
      expect(alarm(plan, 'queue/undelivered-events/dlq-depth').actionsEnabled).toBe(false);
      expect(alarm(plan, 'queue/order-events/dlq-depth').actionsEnabled).toBe(true);
    });
  });

  it('fits a name too long for AWS into its limit with a hash of the whole', () => {
    expect(fitName('short', 64)).toBe('short');
    const long = fitName(`acme-prod-a-very-long-account-name-${'x'.repeat(40)}-failed-jobs`, 64);
    expect(long).toHaveLength(64);
    expect(long).toMatch(/-[0-9a-f]{8}$/);
  });
});
