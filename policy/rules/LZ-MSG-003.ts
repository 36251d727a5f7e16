import type { PolicyRule } from '../types';

const REDRIVE = ['aws_sqs_queue_redrive_policy'];

/** Where a queue is named as the place failed deliveries go: then it is a dead-letter queue itself. */
const DEAD_LETTER_USES: readonly (readonly [string, string])[] = [
  ['aws_sqs_queue_redrive_policy', 'redrive_policy'],
  ['aws_sqs_queue', 'redrive_policy'],
  ['aws_sqs_queue_redrive_allow_policy', 'queue_url'],
  ['aws_lambda_function', 'dead_letter_config'],
  ['aws_lambda_function_event_invoke_config', 'destination_config'],
  ['aws_sns_topic_subscription', 'redrive_policy'],
  ['aws_cloudwatch_event_target', 'dead_letter_config'],
];

/** Where a queue is read by a consumer Terraform knows of: a function's event source mapping. */
const CONSUMER_USES: readonly (readonly [string, string])[] = [['aws_lambda_event_source_mapping', 'event_source_arn']];

/**
 * A queue that consumers read has a dead-letter queue: a poison message otherwise comes back
 * forever. Dead-letter queues themselves (named by a redrive policy, given a redrive-allow policy,
 * or the failure destination of a function, subscription or event target) are not checked —
 * unless a function consumes them: an event source mapping retries a failing message until its
 * queue's redrive moves it away, so every queue a mapping reads needs one.
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
    const uses = (list: typeof DEAD_LETTER_USES) =>
      list.some(([type, argument]) => context.referencing(queue, [type], argument).length > 0);
    if (uses(CONSUMER_USES))
      return [{ detail: 'is read by a Lambda event source mapping but has no redrive policy to a dead-letter queue' }];
    return uses(DEAD_LETTER_USES) ? [] : [{ detail: 'has no redrive policy to a dead-letter queue' }];
  },
  fix: 'add an aws_sqs_queue_redrive_policy to a dead-letter queue (the Queue module creates both, maxReceiveCount 5)',
};
