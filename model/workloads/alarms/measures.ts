import type { BatchJobQueuePlan } from '../batch/types';
import type { EcsServicePlan } from '../containers/types';
import type { EksClusterPlan, NodeGroupPlan } from '../kubernetes/types';
import type { QueuePlan } from '../messaging/types';
import type { HttpApiPlan, LambdaFunctionPlan, RestApiPlan } from '../serverless/types';
import type { AlarmSignal } from './signals';
import type { AlarmSubject } from './subjects';
import type { AlarmComparison, AlarmMetric, AlarmQuery, CountingRulePlan, DimensionValue } from './types';

/*
 * What each alarm measures, from the plans of the other platforms (names the model already
 * computed). Thresholds and windows come later, from the signal table and config.
 */

export interface Measure {
  readonly subject: AlarmSubject;
  readonly signal: AlarmSignal;
  readonly query: AlarmQuery;
  readonly comparison: AlarmComparison;
  /** Config threshold × scale = the metric's threshold (a percentage becomes a fraction). @default 1 */
  readonly thresholdScale?: number;
  readonly countingRule?: CountingRulePlan;
}

/** An HTTP API's only stage: auto-deployed `$default` (modules/serverless/http-api.ts). */
export const HTTP_API_STAGE = '$default';

const metric = (
  namespace: string,
  metricName: string,
  statistic: string,
  dimensions: Readonly<Record<string, DimensionValue>>,
): AlarmMetric => ({ namespace, metricName, statistic, dimensions });

const single = (value: AlarmMetric): AlarmQuery => ({ kind: 'metric', metric: value });

const atLeast = 'GreaterThanOrEqualToThreshold' as const;

export function restApiMeasures(api: RestApiPlan): Measure[] {
  const subject = { kind: 'rest-api' as const, name: api.name };
  const dimensions = { ApiName: api.apiName, Stage: api.stage.name };
  return [
    {
      subject,
      signal: '5xx-rate',
      // 5XXError is 1 for a request answered 5xx, 0 otherwise: its average is the error rate.
      query: single(metric('AWS/ApiGateway', '5XXError', 'Average', dimensions)),
      comparison: atLeast,
      thresholdScale: 0.01,
    },
    { subject, signal: 'p99-latency', query: single(metric('AWS/ApiGateway', 'Latency', 'p99', dimensions)), comparison: atLeast },
  ];
}

export function httpApiMeasures(api: HttpApiPlan): Measure[] {
  const subject = { kind: 'http-api' as const, name: api.name };
  const dimensions = { ApiId: { ref: 'http-api-id' as const, api: api.name }, Stage: HTTP_API_STAGE };
  return [
    {
      subject,
      signal: '5xx-rate',
      query: {
        kind: 'expression',
        // No request in a period: 0 %, not a division by zero.
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        label: '5xx share of requests (%)',
        metrics: {
          errors: metric('AWS/ApiGateway', '5xx', 'Sum', dimensions),
          requests: metric('AWS/ApiGateway', 'Count', 'Sum', dimensions),
        },
      },
      comparison: atLeast,
    },
    { subject, signal: 'p99-latency', query: single(metric('AWS/ApiGateway', 'Latency', 'p99', dimensions)), comparison: atLeast },
  ];
}

const queueDepth = (queueName: string) =>
  single(metric('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'Maximum', { QueueName: queueName }));

export function functionMeasures(fn: LambdaFunctionPlan): Measure[] {
  const subject = { kind: 'function' as const, name: fn.name };
  const dimensions = { FunctionName: fn.functionName };
  return [
    { subject, signal: 'errors', query: single(metric('AWS/Lambda', 'Errors', 'Sum', dimensions)), comparison: atLeast },
    { subject, signal: 'throttles', query: single(metric('AWS/Lambda', 'Throttles', 'Sum', dimensions)), comparison: atLeast },
  ];
}

export function queueMeasures(queue: QueuePlan): Measure[] {
  return [
    {
      subject: { kind: 'queue', name: queue.name },
      signal: 'dlq-depth',
      query: queueDepth(queue.deadLetterQueueName),
      comparison: 'GreaterThanThreshold',
    },
  ];
}

/**
 * Batch publishes no metric of failed jobs, only Batch Job State Change events on the default bus.
 * A rule without targets matches those of the queue that reach FAILED; EventBridge counts its
 * matches as TriggeredRules (RuleName dimension: the default bus), which the alarm sums.
 */
export function batchQueueMeasures(queue: BatchJobQueuePlan, ruleName: string): Measure[] {
  return [
    {
      subject: { kind: 'batch-queue', name: queue.name },
      signal: 'failed-jobs',
      query: single(metric('AWS/Events', 'TriggeredRules', 'Sum', { RuleName: ruleName })),
      comparison: atLeast,
      countingRule: {
        ruleName,
        description: `Counts jobs of ${queue.queueName} that fail (for their alarm)`,
        jobQueue: { ref: 'batch-job-queue-arn', queue: queue.name },
      },
    },
  ];
}

/** Container Insights (on for every cluster) publishes both counts per service. */
export function ecsServiceMeasures(clusterName: string, service: EcsServicePlan): Measure[] {
  const dimensions = { ClusterName: clusterName, ServiceName: service.family };
  return [
    {
      subject: { kind: 'ecs-service', name: service.name },
      signal: 'running-tasks',
      query: {
        kind: 'expression',
        expression: 'desired - running',
        label: 'tasks short of the desired count',
        metrics: {
          desired: metric('ECS/ContainerInsights', 'DesiredTaskCount', 'Average', dimensions),
          running: metric('ECS/ContainerInsights', 'RunningTaskCount', 'Average', dimensions),
        },
      },
      comparison: atLeast,
    },
  ];
}

/** EC2 status checks of the node group's instances, by the Auto Scaling group EKS creates for it. */
export function nodeGroupMeasures(cluster: EksClusterPlan, group: NodeGroupPlan): Measure[] {
  const autoScalingGroup = { ref: 'node-group-autoscaling-group' as const, cluster: cluster.name, nodeGroup: group.name };
  return [
    {
      subject: { kind: 'eks-node-group', name: `${cluster.name}.${group.name}` },
      signal: 'status-check-failed',
      query: single(metric('AWS/EC2', 'StatusCheckFailed', 'Maximum', { AutoScalingGroupName: autoScalingGroup })),
      comparison: atLeast,
    },
  ];
}
