import { FlowLogBucket, type FlowLogBucketProps } from '../../modules/logging/flow-log-bucket';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of flow-log-bucket.test.ts, with the fixtures the two share. */

export const props: FlowLogBucketProps = { bucketName: 'acme-flow-logs', organizationId: 'o-a1b2c3d4e5', accountId: '222222222222' };

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const flowLogBucketCase: ValidateCase = {
  name: 'flow-log-bucket',
  title: 'flow-log bucket: accepts SSE-KMS and SSE-S3',
  build: (stack) => {
    new FlowLogBucket(stack, 'kms', props);
    new FlowLogBucket(stack, 's3', { ...props, bucketName: 'acme-flow-logs-s3', encryption: 'sse-s3' });
  },
};
