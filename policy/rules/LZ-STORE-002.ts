import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

export const s3BucketBlocksPublicAccess: PolicyRule = {
  id: 'LZ-STORE-002',
  checkov: 'CKV2_AWS_6',
  title: 'Every S3 bucket has a public access block with all four settings on',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  evaluate: (resource, context) => {
    const accessBlocks = context.referencing(resource, ['aws_s3_bucket_public_access_block'], 'bucket');
    if (accessBlocks.length === 0) return [{ detail: 'has no aws_s3_bucket_public_access_block' }];
    return accessBlocks.flatMap((accessBlock) => {
      const off = FLAGS.filter((flag) => asBoolean(accessBlock.values[flag]) !== true);
      return off.length === 0 ? [] : [{ address: accessBlock.address, detail: `does not set ${off.join(', ')} to true` }];
    });
  },
  fix: 'add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets = true',
};
