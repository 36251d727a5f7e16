import type { PolicyRule } from '../types';

export const cloudTrailEncryptedWithKms: PolicyRule = {
  id: 'LZ-LOG-003',
  checkov: 'CKV_AWS_35',
  title: 'CloudTrail trails encrypt their logs with a KMS key',
  severity: 'error',
  resourceTypes: ['aws_cloudtrail'],
  evaluate: (resource) => {
    const keyId = resource.values.kms_key_id;
    // In a plan, a key created in the same run is unknown until apply; the reference proves it is set.
    const set = (typeof keyId === 'string' && keyId !== '') || (resource.references.kms_key_id ?? []).length > 0;
    return set ? [] : [{ detail: 'has no kms_key_id' }];
  },
  fix: 'set kms_key_id to the ARN of a customer-managed KMS key whose policy lets CloudTrail use it',
};
