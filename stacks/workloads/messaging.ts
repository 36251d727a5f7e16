import { Queue } from '../../modules/messaging/queue';
import type { QueuePlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';

/** The account's queues, each with its dead-letter queue, by queue name. */
export function placeQueues(stack: LandingZoneStack, queues: readonly QueuePlan[]): Map<string, Queue> {
  return new Map(
    queues.map((queue) => [
      queue.queueName,
      new Queue(stack, `queue-${queue.name}`, {
        name: queue.queueName,
        visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
        maxReceiveCount: queue.maxReceiveCount,
        retentionSeconds: queue.retentionSeconds,
        deadLetterRetentionSeconds: queue.deadLetterRetentionSeconds,
      }),
    ]),
  );
}
