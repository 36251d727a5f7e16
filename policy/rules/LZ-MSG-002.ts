import type { PolicyRule } from '../types';

export const snsTopicEncrypted: PolicyRule = {
  id: 'LZ-MSG-002',
  checkov: 'CKV_AWS_26',
  title: 'Every SNS topic is encrypted with KMS',
  severity: 'error',
  resourceTypes: ['aws_sns_topic'],
  evaluate: (topic) => {
    const key = topic.values.kms_master_key_id;
    const encrypted = (typeof key === 'string' && key !== '') || (topic.references.kms_master_key_id ?? []).length > 0;
    return encrypted ? [] : [{ detail: 'has no kms_master_key_id' }];
  },
  fix: 'set kms_master_key_id to a customer managed key whose policy lets publishers use it through SNS (MessagingKey)',
};
