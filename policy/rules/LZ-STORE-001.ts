import type { PolicyRule, TerraformResource } from '../types';
import { blocks, type Block } from '../values';

/** The algorithms S3 accepts as default encryption (CKV_AWS_19); anything else is not encryption. */
export const S3_ENCRYPTION_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'] as const;

export const s3BucketEncrypted: PolicyRule = {
  id: 'LZ-STORE-001',
  checkov: 'CKV_AWS_19',
  title: 'Every S3 bucket has default server-side encryption configured with AES256, aws:kms or aws:kms:dsse',
  severity: 'error',
  resourceTypes: ['aws_s3_bucket'],
  evaluate: (resource, context) => {
    const inline = blocks(resource.values.server_side_encryption_configuration);
    const configurations = context.referencing(resource, ['aws_s3_bucket_server_side_encryption_configuration'], 'bucket');
    if (inline.length === 0 && configurations.length === 0)
      return [{ detail: 'has no aws_s3_bucket_server_side_encryption_configuration' }];
    const inlineBad = badAlgorithms(inline).map((algorithm) => ({ detail: unknownAlgorithm(algorithm) }));
    const separateBad = configurations.flatMap((configuration: TerraformResource) =>
      badAlgorithms([configuration.values]).map((algorithm) => ({ address: configuration.address, detail: unknownAlgorithm(algorithm) })),
    );
    return [...inlineBad, ...separateBad];
  },
  fix: 'add an aws_s3_bucket_server_side_encryption_configuration for the bucket with sse_algorithm AES256, aws:kms or aws:kms:dsse (aws:kms with a customer key for logs and state)',
};

/** sse_algorithm values of every rule that are literal and not one S3 accepts (unknown values pass). */
function badAlgorithms(configurations: readonly Block[]): string[] {
  return configurations
    .flatMap((configuration) => blocks(configuration.rule))
    .flatMap((rule) => blocks(rule.apply_server_side_encryption_by_default))
    .map((defaults) => defaults.sse_algorithm)
    .filter((algorithm): algorithm is string => typeof algorithm === 'string' && !algorithm.includes('${'))
    .filter((algorithm) => !(S3_ENCRYPTION_ALGORITHMS as readonly string[]).includes(algorithm));
}

function unknownAlgorithm(algorithm: string): string {
  return `sets sse_algorithm ${JSON.stringify(algorithm)}, which is not ${S3_ENCRYPTION_ALGORITHMS.join(', ')}: the bucket is not encrypted`;
}
