import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Testing } from 'cdktf';
import { FlowLogBucket, type FlowLogBucketProps } from '../../modules/logging/flow-log-bucket';
import { referenceTo, resourceAt } from './synthesized';
import { props } from './flow-log-bucket.validate';

function synth(overrides: Partial<FlowLogBucketProps> = {}): string {
  return Testing.synthScope((scope) => void new FlowLogBucket(scope, 'flow-logs', { ...props, ...overrides }));
}

describe('flow-log bucket', () => {
  const synthesized = synth();
  const bucketArn = `\${${referenceTo(synthesized, 'aws_s3_bucket', 'flow-logs_bucket')}.arn}`;
  const policy = () => JSON.parse(resourceAt(synthesized, 'aws_s3_bucket_policy', 'flow-logs_policy').policy);
  const statement = (sid: string) => policy().Statement.find((candidate: { Sid: string }) => candidate.Sid === sid);

  it('blocks all public access and disables ACLs', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(synthesized).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: 'BucketOwnerEnforced' } });
  });

  it('turns versioning on', () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
  });

  describe('with SSE-KMS (the default)', () => {
    it('encrypts with its own key, rotation on', () => {
      expect(synthesized).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, deletion_window_in_days: 30 });
      const key = referenceTo(synthesized, 'aws_kms_key', 'flow-logs_kms-key');
      expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
        rule: [
          {
            apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: `\${${key}.arn}` },
            bucket_key_enabled: true,
          },
        ],
      });
    });

    it('lets log delivery use the key for the organization only', () => {
      const keyPolicy = JSON.parse(resourceAt(synthesized, 'aws_kms_key', 'flow-logs_kms-key').policy);
      expect(keyPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } },
        }),
      );
      expect(keyPolicy.Statement).toContainEqual(expect.objectContaining({ Principal: { AWS: 'arn:aws:iam::222222222222:root' } }));
    });
  });

  describe('with SSE-S3', () => {
    const sseS3 = synth({ encryption: 'sse-s3', accountId: undefined });

    it('uses S3-managed keys and creates no KMS key', () => {
      expect(sseS3).not.toHaveResource(KmsKey);
      expect(sseS3).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
      });
    });
  });

  it('lets log delivery write under AWSLogs/ with bucket-owner-full-control, for the organization only', () => {
    expect(statement('AWSLogDeliveryWrite')).toEqual({
      Sid: 'AWSLogDeliveryWrite',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${bucketArn}/AWSLogs/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceOrgID': 'o-a1b2c3d4e5' } },
    });
    expect(statement('AWSLogDeliveryAclCheck')).toMatchObject({
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: bucketArn,
      Condition: { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } },
    });
  });

  it('denies requests without TLS', () => {
    expect(statement('DenyInsecureTransport')).toMatchObject({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('moves logs to Standard-IA and Glacier, then expires them, by the configured days', () => {
    const lifecycle = resourceAt(
      synth({ transitionToInfrequentAccessDays: 30, transitionToGlacierDays: 180, expirationDays: 400 }),
      'aws_s3_bucket_lifecycle_configuration',
      'flow-logs_lifecycle',
    );
    expect(lifecycle.rule[0]).toMatchObject({
      status: 'Enabled',
      filter: [{ prefix: 'AWSLogs/' }],
      transition: [
        { days: 30, storage_class: 'STANDARD_IA' },
        { days: 180, storage_class: 'GLACIER' },
      ],
      expiration: [{ days: 400 }],
      noncurrent_version_expiration: [{ noncurrent_days: 30 }],
    });
  });

  describe('refuses', () => {
    it('SSE-KMS without the owning account', () => {
      expect(() => synth({ accountId: undefined })).toThrow(
        'FlowLogBucket acme-flow-logs: sse-kms needs accountId (the bucket owner) for the key policy; set it or use sse-s3',
      );
    });

    it('an organization id that is not one', () => {
      expect(() => synth({ organizationId: 'r-abcd' })).toThrow('organizationId r-abcd is not an organization id (o-xxxxxxxxxx)');
    });

    it('transitions out of order', () => {
      expect(() => synth({ transitionToGlacierDays: 60 })).toThrow(
        'transitionToGlacierDays (60) must come after transitionToInfrequentAccessDays (90)',
      );
    });

    it('Standard-IA before 30 days', () => {
      expect(() => synth({ transitionToInfrequentAccessDays: 7 })).toThrow('transitionToInfrequentAccessDays must be at least 30');
    });
  });
});
