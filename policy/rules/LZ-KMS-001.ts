import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

export const kmsKeyRotationEnabled: PolicyRule = {
  id: 'LZ-KMS-001',
  checkov: 'CKV_AWS_7',
  title: 'Every symmetric KMS key has automatic rotation enabled',
  severity: 'error',
  resourceTypes: ['aws_kms_key'],
  evaluate: (resource) => {
    // Asymmetric and HMAC keys cannot rotate automatically.
    const spec = resource.values.customer_master_key_spec ?? 'SYMMETRIC_DEFAULT';
    if (spec !== 'SYMMETRIC_DEFAULT') return [];
    return asBoolean(resource.values.enable_key_rotation) === true ? [] : [{ detail: 'has enable_key_rotation unset or false' }];
  },
  fix: 'set enable_key_rotation = true',
};
