import type { PolicyRule } from '../types';
import { blocks } from '../values';

export const s3BucketEncrypted: PolicyRule = {
  id: 'LZ-STORE-001',
  checkov: 'CKV_AWS_19',
  title: 'Every S3 bucket has default server-side encryption configured',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  evaluate: (resource, context) => {
    if (blocks(resource.values.server_side_encryption_configuration).length > 0) return [];
    const configured = context.referencing(resource, ['aws_s3_bucket_server_side_encryption_configuration'], 'bucket');
    return configured.length > 0 ? [] : [{ detail: 'has no aws_s3_bucket_server_side_encryption_configuration' }];
  },
  fix: 'add an aws_s3_bucket_server_side_encryption_configuration for the bucket (aws:kms with a customer key for logs and state)',
};
