import type { PolicyRule } from '../types';

const REDRIVE = ['aws_sqs_queue_redrive_policy'];

/**
 * A queue that consumers read has a dead-letter queue: a poison message otherwise comes back
 * forever. Dead-letter queues themselves (named by a redrive policy, or given a redrive-allow
 * policy) are what the rule is satisfied with, not what it checks.
 */
export const queuesHaveDeadLetterQueues: PolicyRule = {
  id: 'LZ-MSG-003',
  title: 'Every SQS queue (other than a dead-letter queue) has a dead-letter queue',
  severity: 'error',
  resourceTypes: ['aws_sqs_queue'],
  evaluate: (queue, context) => {
    const hasRedrive =
      queue.values.redrive_policy !== undefined ||
      (queue.references.redrive_policy ?? []).length > 0 ||
      context.referencing(queue, REDRIVE, 'queue_url').length > 0;
    if (hasRedrive) return [];
    const isDeadLetterQueue =
      context.referencing(queue, REDRIVE, 'redrive_policy').length > 0 ||
      context.referencing(queue, ['aws_sqs_queue'], 'redrive_policy').length > 0 ||
      context.referencing(queue, ['aws_sqs_queue_redrive_allow_policy'], 'queue_url').length > 0;
    return isDeadLetterQueue ? [] : [{ detail: 'has no redrive policy to a dead-letter queue' }];
  },
  fix: 'add an aws_sqs_queue_redrive_policy to a dead-letter queue (the Queue module creates both, maxReceiveCount 5)',
};
