import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

export const sqsQueueEncrypted: PolicyRule = {
  id: 'LZ-MSG-001',
  checkov: 'CKV_AWS_27',
  title: 'Every SQS queue is encrypted at rest',
  severity: 'error',
  resourceTypes: ['aws_sqs_queue'],
  evaluate: (queue) => {
    const managed = asBoolean(queue.values.sqs_managed_sse_enabled) === true;
    const kms = typeof queue.values.kms_master_key_id === 'string' || (queue.references.kms_master_key_id ?? []).length > 0;
    return managed || kms ? [] : [{ detail: 'has neither sqs_managed_sse_enabled = true nor kms_master_key_id' }];
  },
  fix: 'set sqs_managed_sse_enabled = true, or kms_master_key_id to a customer managed key (the Queue module does one of them)',
};
