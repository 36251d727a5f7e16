import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { PolicyDocument } from '../shared/policy-document';

export type FlowLogBucketEncryption = 'sse-kms' | 'sse-s3';

export interface FlowLogBucketProps {
  /** CAUTION: changing it replaces the bucket, which fails while it holds logs. */
  readonly bucketName: string;
  /** Organization whose accounts may deliver flow logs here (`aws:SourceOrgID`), e.g. `o-a1b2c3d4e5`. */
  readonly organizationId: string;
  /**
   * Account that owns the bucket (log archive); its IAM administers the KMS key. Required with `sse-kms`.
   * @default - none
   */
  readonly accountId?: string;
  /** `sse-kms`: a customer managed key with rotation on, created here; `sse-s3`: S3-managed keys. @default 'sse-kms' */
  readonly encryption?: FlowLogBucketEncryption;
  /** Days before logs move to Standard-IA (at least 30). @default 90 */
  readonly transitionToInfrequentAccessDays?: number;
  /** Days before logs move to Glacier Flexible Retrieval; after the Standard-IA transition. @default 365 */
  readonly transitionToGlacierDays?: number;
  /** Days before logs are deleted; after the Glacier transition. @default 730 */
  readonly expirationDays?: number;
  /** Days a replaced or deleted log version is kept. @default 30 */
  readonly noncurrentVersionExpirationDays?: number;
}

/** Where the log delivery service writes: `AWSLogs/<account id>/vpcflowlogs/…`. */
const LOG_PREFIX = 'AWSLogs/';

/**
 * The central flow-log bucket of the log-archive account: encrypted, versioned, public access
 * blocked, ACLs disabled, TLS only, with a lifecycle. The log delivery service may write under
 * `AWSLogs/` for any account of the organization, and no one else.
 */
export class FlowLogBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly kmsKey?: KmsKey;

  constructor(scope: Construct, id: string, props: FlowLogBucketProps) {
    super(scope, id);
    validate(props);
    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName, forceDestroy: false, tags: { Name: props.bucketName } });
    const bucket = this.bucket.id;
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership-controls', { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    new S3BucketVersioningA(this, 'versioning', { bucket, versioningConfiguration: { status: 'Enabled' } });

    if ((props.encryption ?? 'sse-kms') === 'sse-kms') {
      this.kmsKey = new KmsKey(this, 'kms-key', {
        description: `Encrypts the flow logs in ${props.bucketName}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(flowLogKeyPolicy(props.accountId!, props.organizationId)),
        tags: { Name: props.bucketName },
      });
      new KmsAlias(this, 'kms-alias', { name: `alias/${props.bucketName.replace(/\./g, '-')}`, targetKeyId: this.kmsKey.keyId });
    }
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: this.kmsKey
            ? { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.kmsKey.arn }
            : { sseAlgorithm: 'AES256' },
          bucketKeyEnabled: this.kmsKey ? true : undefined,
        },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [
        {
          id: 'flow-logs',
          status: 'Enabled',
          filter: [{ prefix: LOG_PREFIX }],
          transition: [
            { days: props.transitionToInfrequentAccessDays ?? 90, storageClass: 'STANDARD_IA' },
            { days: props.transitionToGlacierDays ?? 365, storageClass: 'GLACIER' },
          ],
          expiration: [{ days: props.expirationDays ?? 730 }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionExpirationDays ?? 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: JSON.stringify(flowLogBucketPolicy(this.bucket.arn, props.organizationId)),
      dependsOn: [publicAccessBlock],
    });
  }

  get bucketArn(): string {
    return this.bucket.arn;
  }

  get bucketName(): string {
    return this.bucket.bucket;
  }

  /** The bucket's KMS key; undefined with `sse-s3`. */
  get kmsKeyArn(): string | undefined {
    return this.kmsKey?.arn;
  }
}

/** Log delivery may write under `AWSLogs/` for the organization's accounts only; every request must use TLS. */
export function flowLogBucketPolicy(bucketArn: string, organizationId: string): PolicyDocument {
  const fromOrganization = { 'aws:SourceOrgID': organizationId };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSLogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${bucketArn}/${LOG_PREFIX}*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', ...fromOrganization } },
      },
      {
        Sid: 'AWSLogDeliveryAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: bucketArn,
        Condition: { StringEquals: fromOrganization },
      },
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}

/** The account administers the key through IAM; log delivery may use it for the organization's accounts only. */
export function flowLogKeyPolicy(accountId: string, organizationId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AdministerThroughIam',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'AWSLogDeliveryEncrypt',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceOrgID': organizationId } },
      },
    ],
  };
}

function validate(props: FlowLogBucketProps): void {
  const owner = `FlowLogBucket ${props.bucketName}`;
  const literal = (value: string) => !Token.isUnresolved(value);
  if (literal(props.bucketName) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.bucketName))
    throw new Error(`${owner}: bucketName must be 3–63 lowercase letters, digits, dots and hyphens`);
  if (literal(props.organizationId) && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId))
    throw new Error(`${owner}: organizationId ${props.organizationId} is not an organization id (o-xxxxxxxxxx)`);
  if ((props.encryption ?? 'sse-kms') === 'sse-kms') {
    if (props.accountId === undefined)
      throw new Error(`${owner}: sse-kms needs accountId (the bucket owner) for the key policy; set it or use sse-s3`);
    if (literal(props.accountId) && !/^\d{12}$/.test(props.accountId))
      throw new Error(`${owner}: accountId ${props.accountId} is not a 12-digit account id`);
  }
  const infrequent = props.transitionToInfrequentAccessDays ?? 90;
  const glacier = props.transitionToGlacierDays ?? 365;
  const expiration = props.expirationDays ?? 730;
  const noncurrent = props.noncurrentVersionExpirationDays ?? 30;
  for (const [prop, days] of Object.entries({
    transitionToInfrequentAccessDays: infrequent,
    transitionToGlacierDays: glacier,
    expirationDays: expiration,
    noncurrentVersionExpirationDays: noncurrent,
  })) {
    if (!Number.isInteger(days) || days < 1) throw new Error(`${owner}: ${prop} must be a whole number of days, at least 1; got ${days}`);
  }
  if (infrequent < 30) throw new Error(`${owner}: transitionToInfrequentAccessDays must be at least 30 (an S3 rule); got ${infrequent}`);
  if (glacier <= infrequent)
    throw new Error(`${owner}: transitionToGlacierDays (${glacier}) must come after transitionToInfrequentAccessDays (${infrequent})`);
  if (expiration <= glacier)
    throw new Error(`${owner}: expirationDays (${expiration}) must come after transitionToGlacierDays (${glacier})`);
}
