import type { PolicyRule, TerraformResource } from '../types';

/** True when the mapping reads an SQS queue: an SQS ARN, or a reference to a queue of the same stack. */
function readsQueue(mapping: TerraformResource): boolean {
  const source = mapping.values.event_source_arn;
  if (typeof source === 'string' && /^arn:aws[a-z-]*:sqs:/.test(source)) return true;
  return (mapping.references.event_source_arn ?? []).some((address) => /(^|\.)aws_sqs_queue\.[^.]+/.test(address));
}

/**
 * A function invoked by a queue reports which messages of a batch failed: without it one bad
 * message sends the whole batch back, and the good ones are processed again.
 */
export const lambdaQueueSourcePartialBatch: PolicyRule = {
  id: 'LZ-LAMBDA-005',
  title: 'Every SQS event source mapping reports batch item failures (partial batch responses)',
  severity: 'error',
  resourceTypes: ['aws_lambda_event_source_mapping'],
  evaluate: (mapping) => {
    if (!readsQueue(mapping)) return [];
    const types = mapping.values.function_response_types;
    const reports = Array.isArray(types) && types.includes('ReportBatchItemFailures');
    return reports ? [] : [{ detail: 'reads an SQS queue without function_response_types = ["ReportBatchItemFailures"]' }];
  },
  fix: 'set function_response_types = ["ReportBatchItemFailures"] and return the failed message ids; the LambdaFunction queueSources do',
};
