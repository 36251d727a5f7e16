import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { BatchJobQueue } from '../../modules/batch/job-queue';
import type { KubernetesCluster } from '../../modules/kubernetes/kubernetes-cluster';
import type { Topic } from '../../modules/messaging/topic';
import { CountingRule } from '../../modules/monitoring/counting-rule';
import { MetricAlarm, type AlarmMetricSpec } from '../../modules/monitoring/metric-alarm';
import type { HttpApi } from '../../modules/serverless/http-api';
import type { AlarmMetric, AlarmPlan, DeployedRef, DimensionValue } from '../../model/workloads/alarms/types';
import type { WorkloadsPlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';

/** The constructs of the stack whose deployed values alarms read (an API id, an Auto Scaling group, a job queue ARN). */
export interface AlarmInputs {
  /** Topics of the stack by config name; the plan's notification topic is among them. */
  readonly topics: ReadonlyMap<string, Topic>;
  readonly httpApis?: ReadonlyMap<string, HttpApi>;
  readonly clusters?: ReadonlyMap<string, KubernetesCluster>;
  readonly batchQueues?: ReadonlyMap<string, BatchJobQueue>;
}

/**
 * The stack's alarms, after every platform is placed: each notifies the plan's topic on ALARM and
 * on OK. Returns the alarms by key (`<kind>/<name>/<signal>`), e.g. for FIS stop conditions.
 */
export function placeAlarms(stack: LandingZoneStack, plan: WorkloadsPlan, inputs: AlarmInputs): ReadonlyMap<string, CloudwatchMetricAlarm> {
  const { alarms, notificationTopic } = plan.alarms;
  if (alarms.length === 0) return new Map();
  const topic = notificationTopic ? inputs.topics.get(notificationTopic) : undefined;
  if (!topic) throw new Error(`internal: the alarms of ${plan.name} notify topic ${notificationTopic}, which the stack has not placed`);
  const resolve = (value: DimensionValue) => (typeof value === 'string' ? value : deployed(value, inputs));
  return new Map(alarms.map((alarm) => [alarm.key, placeAlarm(stack, alarm, topic.topicArn, resolve).alarm] as const));
}

function placeAlarm(stack: LandingZoneStack, alarm: AlarmPlan, topicArn: string, resolve: (value: DimensionValue) => string): MetricAlarm {
  if (alarm.countingRule) {
    const rule = alarm.countingRule;
    new CountingRule(stack, `counting-rule-${alarm.key}`, {
      name: rule.ruleName,
      description: rule.description,
      eventPattern: {
        source: ['aws.batch'],
        'detail-type': ['Batch Job State Change'],
        detail: { status: ['FAILED'], jobQueue: [resolve(rule.jobQueue)] },
      },
    });
  }
  const spec = (metric: AlarmMetric): AlarmMetricSpec => ({
    namespace: metric.namespace,
    metricName: metric.metricName,
    statistic: metric.statistic,
    dimensions: Object.fromEntries(Object.entries(metric.dimensions).map(([name, value]) => [name, resolve(value)])),
  });
  const { query } = alarm;
  return new MetricAlarm(stack, `alarm-${alarm.key}`, {
    name: alarm.alarmName,
    description: alarm.description,
    ...(query.kind === 'metric'
      ? { metric: spec(query.metric) }
      : {
          expression: {
            expression: query.expression,
            label: query.label,
            metrics: Object.fromEntries(Object.entries(query.metrics).map(([id, metric]) => [id, spec(metric)])),
          },
        }),
    periodSeconds: alarm.periodSeconds,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.datapointsToAlarm,
    threshold: alarm.threshold,
    comparison: alarm.comparison,
    treatMissingData: alarm.treatMissingData,
    actionsEnabled: alarm.actionsEnabled,
    notificationTopicArns: [topicArn],
    tags: { AlarmKey: alarm.key },
  });
}

/** A value known after apply, from the construct the stack placed for that config name. */
function deployed(ref: DeployedRef, inputs: AlarmInputs): string {
  const missing = (what: string) => new Error(`internal: an alarm reads ${what}, which the stack has not placed`);
  switch (ref.ref) {
    case 'http-api-id': {
      const api = inputs.httpApis?.get(ref.api);
      if (!api) throw missing(`HTTP API ${ref.api}`);
      return api.api.id;
    }
    case 'node-group-autoscaling-group': {
      const group = inputs.clusters?.get(ref.cluster)?.nodeGroups.get(ref.nodeGroup);
      if (!group) throw missing(`node group ${ref.cluster}.${ref.nodeGroup}`);
      return group.autoScalingGroupName;
    }
    case 'batch-job-queue-arn': {
      const queue = inputs.batchQueues?.get(ref.queue);
      if (!queue) throw missing(`Batch job queue ${ref.queue}`);
      return queue.queueArn;
    }
  }
}
