import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const bucket = { logs: { bucket: 'acme-logs' } };
const allBlocked = {
  bucket: '${aws_s3_bucket.logs.id}',
  block_public_acls: true,
  block_public_policy: true,
  ignore_public_acls: true,
  restrict_public_buckets: true,
};

describe('LZ-STORE-001 (CKV_AWS_19): S3 buckets are encrypted', () => {
  it('passes a bucket with an aws_s3_bucket_server_side_encryption_configuration', () => {
    const stack = cdktfStack({
      aws_s3_bucket: bucket,
      aws_s3_bucket_server_side_encryption_configuration: {
        logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }] },
      },
    });
    expect(findingsOf('LZ-STORE-001', stack)).toEqual([]);
  });

  it('passes a bucket with the legacy inline encryption block', () => {
    const stack = cdktfStack({ aws_s3_bucket: { logs: { bucket: 'acme-logs', server_side_encryption_configuration: { rule: {} } } } });
    expect(findingsOf('LZ-STORE-001', stack)).toEqual([]);
  });

  it('fails a bucket without encryption configuration', () => {
    expect(summarize(findingsOf('LZ-STORE-001', cdktfStack({ aws_s3_bucket: bucket })))).toEqual([
      'aws_s3_bucket.logs: has no aws_s3_bucket_server_side_encryption_configuration',
    ]);
  });

  it('passes each algorithm S3 accepts: AES256, aws:kms and aws:kms:dsse', () => {
    for (const algorithm of ['AES256', 'aws:kms', 'aws:kms:dsse']) {
      const stack = cdktfStack({
        aws_s3_bucket: bucket,
        aws_s3_bucket_server_side_encryption_configuration: {
          logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: algorithm } }] },
        },
      });
      expect(findingsOf('LZ-STORE-001', stack)).toEqual([]);
    }
  });

  it('fails an encryption configuration that names another algorithm, like checkov', () => {
    const stack = cdktfStack({
      aws_s3_bucket: bucket,
      aws_s3_bucket_server_side_encryption_configuration: {
        logs: { bucket: '${aws_s3_bucket.logs.id}', rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'DES' } }] },
      },
    });
    expect(summarize(findingsOf('LZ-STORE-001', stack))).toEqual([
      'aws_s3_bucket_server_side_encryption_configuration.logs: sets sse_algorithm "DES", which is not AES256, aws:kms, aws:kms:dsse: the bucket is not encrypted',
    ]);
  });

  it('fails a legacy inline encryption block with another algorithm, in a plan', () => {
    const values = {
      bucket: 'acme-logs',
      server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'none' }] }] }],
    };
    expect(findingsOf('LZ-STORE-001', planStack([{ type: 'aws_s3_bucket', name: 'logs', values }]))).toHaveLength(1);
  });

  it('fails an unencrypted bucket in a plan', () => {
    expect(findingsOf('LZ-STORE-001', planStack([{ type: 'aws_s3_bucket', name: 'logs', values: { bucket: 'acme-logs' } }]))).toHaveLength(
      1,
    );
  });
});

describe('LZ-STORE-002 (CKV2_AWS_6): S3 buckets block public access', () => {
  it('passes a bucket with all four public access settings on', () => {
    const stack = cdktfStack({ aws_s3_bucket: bucket, aws_s3_bucket_public_access_block: { logs: allBlocked } });
    expect(findingsOf('LZ-STORE-002', stack)).toEqual([]);
  });

  it('passes a bucket whose public access block refers to it by name in a plan', () => {
    const stack = planStack([
      { type: 'aws_s3_bucket', name: 'logs', values: { bucket: 'acme-logs', id: 'acme-logs' } },
      { type: 'aws_s3_bucket_public_access_block', name: 'logs', values: { ...allBlocked, bucket: 'acme-logs' } },
    ]);
    expect(findingsOf('LZ-STORE-002', stack)).toEqual([]);
  });

  it('fails a bucket without a public access block', () => {
    expect(summarize(findingsOf('LZ-STORE-002', cdktfStack({ aws_s3_bucket: bucket })))).toEqual([
      'aws_s3_bucket.logs: has no aws_s3_bucket_public_access_block',
    ]);
  });

  it('fails a public access block with a setting off, naming it', () => {
    const stack = cdktfStack({
      aws_s3_bucket: bucket,
      aws_s3_bucket_public_access_block: { logs: { ...allBlocked, restrict_public_buckets: false } },
    });
    expect(summarize(findingsOf('LZ-STORE-002', stack))).toEqual([
      'aws_s3_bucket_public_access_block.logs: does not set restrict_public_buckets to true',
    ]);
  });
});

describe('LZ-KMS-001 (CKV_AWS_7): KMS keys rotate', () => {
  it('passes a symmetric key with rotation on', () => {
    expect(findingsOf('LZ-KMS-001', cdktfStack({ aws_kms_key: { logs: { enable_key_rotation: true } } }))).toEqual([]);
  });

  it('passes an asymmetric key, which cannot rotate', () => {
    const stack = cdktfStack({ aws_kms_key: { signing: { customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' } } });
    expect(findingsOf('LZ-KMS-001', stack)).toEqual([]);
  });

  it('fails a symmetric key without rotation', () => {
    expect(summarize(findingsOf('LZ-KMS-001', cdktfStack({ aws_kms_key: { logs: { description: 'logs' } } })))).toEqual([
      'aws_kms_key.logs: has enable_key_rotation unset or false',
    ]);
  });

  it('fails a key with rotation off in a plan', () => {
    expect(
      findingsOf('LZ-KMS-001', planStack([{ type: 'aws_kms_key', name: 'logs', values: { enable_key_rotation: false } }])),
    ).toHaveLength(1);
  });
});
