import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { Construct } from 'constructs';
import { checkIntegerRange, isKnown } from './checks';

export interface CpuScaling {
  readonly type: 'cpu';
  /** Average CPU utilization (%) to hold. @default 70 */
  readonly targetPercent?: number;
}

export interface QueueScaling {
  readonly type: 'sqs';
  /** Name of the SQS queue the service consumes (same account and region). */
  readonly queueName: string;
  /** Visible messages per running task to hold, e.g. what one task works off in an acceptable latency. */
  readonly messagesPerTask: number;
}

export interface EcsServiceAutoscaling {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** What to track. @default { type: 'cpu', targetPercent: 70 } */
  readonly metric?: CpuScaling | QueueScaling;
  /** @default 300 */
  readonly scaleInCooldownSeconds?: number;
  /** @default 60 */
  readonly scaleOutCooldownSeconds?: number;
}

export interface ServiceAutoscalingProps extends EcsServiceAutoscaling {
  readonly clusterName: string;
  readonly serviceName: string;
  readonly tags: Readonly<Record<string, string>>;
}

export const DEFAULT_CPU_TARGET_PERCENT = 70;

/** Target tracking on a service's desired count, on CPU or on the backlog of a queue per running task. */
export class ServiceAutoscaling extends Construct {
  readonly target: AppautoscalingTarget;
  readonly policy: AppautoscalingPolicy;

  constructor(scope: Construct, id: string, props: ServiceAutoscalingProps) {
    super(scope, id);
    this.target = new AppautoscalingTarget(this, 'target', {
      serviceNamespace: 'ecs',
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.clusterName}/${props.serviceName}`,
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
      tags: props.tags,
    });
    const metric = props.metric ?? { type: 'cpu' };
    const cooldowns = { scaleInCooldown: props.scaleInCooldownSeconds ?? 300, scaleOutCooldown: props.scaleOutCooldownSeconds ?? 60 };
    this.policy = new AppautoscalingPolicy(this, 'policy', {
      name: metric.type === 'cpu' ? `${props.serviceName}-cpu` : `${props.serviceName}-queue-backlog`,
      policyType: 'TargetTrackingScaling',
      serviceNamespace: this.target.serviceNamespace,
      scalableDimension: this.target.scalableDimension,
      resourceId: this.target.resourceId,
      targetTrackingScalingPolicyConfiguration:
        metric.type === 'cpu'
          ? {
              ...cooldowns,
              targetValue: metric.targetPercent ?? DEFAULT_CPU_TARGET_PERCENT,
              predefinedMetricSpecification: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' },
            }
          : { ...cooldowns, targetValue: metric.messagesPerTask, customizedMetricSpecification: backlogPerTask(metric, props) },
    });
  }
}

/** Visible messages divided by running tasks (Container Insights); with no task running, the whole backlog counts, so the service scales out from zero. */
function backlogPerTask(metric: QueueScaling, props: ServiceAutoscalingProps) {
  return {
    metrics: [
      {
        id: 'visible',
        returnData: false,
        metricStat: {
          stat: 'Sum',
          metric: {
            namespace: 'AWS/SQS',
            metricName: 'ApproximateNumberOfMessagesVisible',
            dimensions: [{ name: 'QueueName', value: metric.queueName }],
          },
        },
      },
      {
        id: 'tasks',
        returnData: false,
        metricStat: {
          stat: 'Average',
          metric: {
            namespace: 'ECS/ContainerInsights',
            metricName: 'RunningTaskCount',
            dimensions: [
              { name: 'ClusterName', value: props.clusterName },
              { name: 'ServiceName', value: props.serviceName },
            ],
          },
        },
      },
      {
        id: 'backlog',
        label: 'Visible messages per running task',
        returnData: true,
        expression: 'IF(tasks > 0, visible / tasks, visible)',
      },
    ],
  };
}

export function checkAutoscaling(where: string, scaling: EcsServiceAutoscaling): void {
  checkIntegerRange(where, 'autoscaling.minCapacity', scaling.minCapacity, 0, 5000);
  checkIntegerRange(where, 'autoscaling.maxCapacity', scaling.maxCapacity, 1, 5000);
  if (scaling.maxCapacity < scaling.minCapacity) {
    throw new Error(
      `${where}: autoscaling.maxCapacity ${scaling.maxCapacity} is below minCapacity ${scaling.minCapacity}; raise maxCapacity`,
    );
  }
  const metric = scaling.metric;
  if (metric?.type === 'cpu') checkIntegerRange(where, 'autoscaling.metric.targetPercent', metric.targetPercent, 10, 95);
  if (metric?.type === 'sqs') {
    if (isKnown(metric.queueName) && !/^[A-Za-z0-9_-]{1,80}(\.fifo)?$/.test(metric.queueName)) {
      throw new Error(`${where}: autoscaling.metric.queueName "${metric.queueName}" is not an SQS queue name (a name, not a URL or ARN)`);
    }
    if (!(metric.messagesPerTask > 0)) throw new Error(`${where}: autoscaling.metric.messagesPerTask must be above 0`);
  }
}
