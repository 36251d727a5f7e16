import { deadLetterQueueName, queueName } from '../../naming';
import type { QueueConfig } from './schema';
import type { QueuePlan } from './types';

/** A dead-letter queue keeps messages this much longer than its source (capped at SQS's 14 days). */
const DEAD_LETTER_EXTRA_SECONDS = 7 * 24 * 3600;
const MAX_RETENTION_SECONDS = 14 * 24 * 3600;

/** Queues in name order, each with its dead-letter queue. */
export function planQueues(organization: string, queues: Readonly<Record<string, QueueConfig>>): QueuePlan[] {
  return Object.entries(queues)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, queue]) => planQueue(organization, name, queue));
}

function planQueue(organization: string, name: string, queue: QueueConfig): QueuePlan {
  return {
    name,
    queueName: queueName(organization, name),
    deadLetterQueueName: deadLetterQueueName(organization, name),
    visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
    maxReceiveCount: queue.maxReceiveCount,
    retentionSeconds: queue.retentionSeconds,
    deadLetterRetentionSeconds: Math.min(queue.retentionSeconds + DEAD_LETTER_EXTRA_SECONDS, MAX_RETENTION_SECONDS),
  };
}
