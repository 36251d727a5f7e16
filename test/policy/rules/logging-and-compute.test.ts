import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const goodTrail = {
  name: 'organization',
  s3_bucket_name: 'acme-trail',
  is_multi_region_trail: true,
  enable_log_file_validation: true,
  kms_key_id: '${aws_kms_key.trail.arn}',
};
const trailStack = (overrides: Record<string, unknown>) => cdktfStack({ aws_cloudtrail: { organization: { ...goodTrail, ...overrides } } });

describe('CloudTrail rules fire only when a trail exists', () => {
  it('finds nothing in a stack without trails', () => {
    const stack = cdktfStack({ aws_vpc: { main: { cidr_block: '10.0.0.0/16' } } });
    expect(['LZ-LOG-001', 'LZ-LOG-002', 'LZ-LOG-003'].flatMap((rule) => findingsOf(rule, stack))).toEqual([]);
  });
});

describe('LZ-LOG-001 (CKV_AWS_67): trails log every region', () => {
  it('passes a multi-region trail', () => {
    expect(findingsOf('LZ-LOG-001', trailStack({}))).toEqual([]);
  });

  it('fails a single-region trail', () => {
    expect(summarize(findingsOf('LZ-LOG-001', trailStack({ is_multi_region_trail: false })))).toEqual([
      'aws_cloudtrail.organization: has is_multi_region_trail unset or false',
    ]);
  });
});

describe('LZ-LOG-002 (CKV_AWS_36): trails validate log files', () => {
  it('passes a trail with log file validation', () => {
    expect(findingsOf('LZ-LOG-002', trailStack({}))).toEqual([]);
  });

  it('fails a trail without log file validation', () => {
    expect(findingsOf('LZ-LOG-002', trailStack({ enable_log_file_validation: undefined }))).toHaveLength(1);
  });
});

describe('LZ-LOG-003 (CKV_AWS_35): trails are encrypted with KMS', () => {
  it('passes a trail whose key is created in the same plan (unknown until apply, but referenced)', () => {
    const stack = planStack([
      {
        type: 'aws_cloudtrail',
        name: 'organization',
        values: { ...goodTrail, kms_key_id: undefined },
        references: { kms_key_id: ['aws_kms_key.trail'] },
      },
    ]);
    expect(findingsOf('LZ-LOG-003', stack)).toEqual([]);
  });

  it('fails a trail without a KMS key', () => {
    expect(summarize(findingsOf('LZ-LOG-003', trailStack({ kms_key_id: undefined })))).toEqual([
      'aws_cloudtrail.organization: has no kms_key_id',
    ]);
  });
});

describe('LZ-COMPUTE-001 (CKV_AWS_79): IMDSv2 is required', () => {
  it('passes a launch template that requires tokens (cdk.tf.json writes the block as an object)', () => {
    const stack = cdktfStack({
      aws_launch_template: { nodes: { metadata_options: { http_tokens: 'required', http_endpoint: 'enabled' } } },
    });
    expect(findingsOf('LZ-COMPUTE-001', stack)).toEqual([]);
  });

  it('passes an instance with the metadata endpoint disabled (plans write blocks as lists)', () => {
    const stack = planStack([
      { type: 'aws_instance', name: 'bastion', values: { metadata_options: [{ http_endpoint: 'disabled', http_tokens: 'optional' }] } },
    ]);
    expect(findingsOf('LZ-COMPUTE-001', stack)).toEqual([]);
  });

  it('fails an instance without metadata options', () => {
    expect(summarize(findingsOf('LZ-COMPUTE-001', cdktfStack({ aws_instance: { bastion: { instance_type: 't3.micro' } } })))).toEqual([
      'aws_instance.bastion: has no metadata_options.http_tokens (IMDSv1 stays on)',
    ]);
  });

  it('fails a launch template with optional tokens in a plan', () => {
    const stack = planStack([{ type: 'aws_launch_template', name: 'nodes', values: { metadata_options: [{ http_tokens: 'optional' }] } }]);
    expect(summarize(findingsOf('LZ-COMPUTE-001', stack))).toEqual([
      'aws_launch_template.nodes: has metadata_options.http_tokens = "optional"',
    ]);
  });
});
