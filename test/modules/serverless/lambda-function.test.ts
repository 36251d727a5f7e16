import { Testing } from 'cdktf';
import { LambdaFunction, type LambdaFunctionProps } from '../../../modules/serverless/lambda-function';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, functionProps } from './fixtures';

function synth(overrides: Partial<LambdaFunctionProps> = {}): string {
  return Testing.synthScope((scope) => void new LambdaFunction(scope, 'fn', { ...functionProps, ...overrides }));
}

describe('lambda function', () => {
  const synthesized = synth();
  const fn = resourceAt(synthesized, 'aws_lambda_function', 'fn_function');
  const ref = (type: string, path: string, attribute: string) => `\${${referenceTo(synthesized, type, path)}.${attribute}}`;

  it('deploys the S3 artifact CI built, never a package made by Terraform', () => {
    expect(fn).toMatchObject({
      s3_bucket: 'acme-artifacts',
      s3_key: 'orders/list/1.2.0.zip',
      source_code_hash: functionProps.code.sourceCodeHash,
    });
    expect(fn.filename).toBeUndefined();
  });

  it('runs on arm64 with active tracing, reserved concurrency and JSON logs into its own log group', () => {
    expect(fn).toMatchObject({
      architectures: ['arm64'],
      tracing_config: { mode: 'Active' },
      reserved_concurrent_executions: 20,
      memory_size: 128,
      timeout: 30,
      logging_config: { log_format: 'JSON', log_group: ref('aws_cloudwatch_log_group', 'fn_logs', 'name') },
    });
    expect(fn.depends_on).toEqual([referenceTo(synthesized, 'aws_cloudwatch_log_group', 'fn_logs')]);
    expect(resourceAt(synthesized, 'aws_cloudwatch_log_group', 'fn_logs')).toMatchObject({
      name: '/aws/lambda/orders-list',
      retention_in_days: 30,
    });
  });

  describe('without a failure queue', () => {
    it('creates one and sends failed asynchronous invocations there, as DLQ and on-failure destination', () => {
      const queueArn = ref('aws_sqs_queue', 'fn_failures', 'arn');
      expect(resourceAt(synthesized, 'aws_sqs_queue', 'fn_failures')).toMatchObject({
        name: 'orders-list-failures',
        sqs_managed_sse_enabled: true,
      });
      expect(fn.dead_letter_config).toEqual({ target_arn: queueArn });
      expect(resourceAt(synthesized, 'aws_lambda_function_event_invoke_config', 'fn_invoke-config')).toMatchObject({
        destination_config: { on_failure: { destination: queueArn } },
      });
    });
  });

  describe('with a failure queue from messaging', () => {
    it('creates no queue of its own', () => {
      const withQueue = synth({ failureQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:acme-order-failures' });
      expect(resourcesOf(withQueue, 'aws_sqs_queue')).toEqual({});
      expect(resourceAt(withQueue, 'aws_lambda_function', 'fn_function').dead_letter_config).toEqual({
        target_arn: 'arn:aws:sqs:eu-west-1:111111111111:acme-order-failures',
      });
    });
  });

  it('gives the role only its log group, tracing and failure queue, trusted by Lambda of this account only', () => {
    const role = resourceAt(synthesized, 'aws_iam_role', 'fn_role');
    expect(JSON.parse(role.assume_role_policy).Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': ACCOUNT } });
    const policy = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'fn_role_policy').policy);
    expect(policy.Statement.map((statement: any) => statement.Sid)).toEqual(['Logs', 'Tracing', 'Failures']);
    expect(resourcesOf(synthesized, 'aws_iam_role_policy_attachment')).toEqual({});
  });

  describe('in a VPC', () => {
    const inVpc = synth({ vpc: { vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'] } });

    it('runs in the subnets with its own security group, swapped out on destroy', () => {
      const placed = resourceAt(inVpc, 'aws_lambda_function', 'fn_function');
      expect(placed.vpc_config.subnet_ids).toEqual(['subnet-a', 'subnet-b']);
      expect(placed.replace_security_groups_on_destroy).toBe(true);
      expect(resourceAt(inVpc, 'aws_security_group', 'fn_security-group').timeouts).toEqual({ delete: '45m' });
      expect(resourceAt(inVpc, 'aws_vpc_security_group_egress_rule', 'fn_egress-https-ipv4')).toMatchObject({
        from_port: 443,
        cidr_ipv4: '0.0.0.0/0',
      });
    });

    it('attaches the VPC access policy for its ENIs', () => {
      expect(resourceAt(inVpc, 'aws_iam_role_policy_attachment', 'fn_role_attachment-vpc-access').policy_arn).toContain(
        'AWSLambdaVPCAccessExecutionRole',
      );
    });
  });

  describe('with limits Lambda does not have', () => {
    it.each([
      [{ timeoutSeconds: 901 }, 'timeoutSeconds 901 is not 1–900'],
      [{ memorySizeMb: 64 }, 'memorySizeMb 64 is not 128–10,240'],
      [{ ephemeralStorageMb: 20000 }, 'ephemeralStorageMb 20000 is not 512–10,240'],
    ])('refuses %j', (overrides, message) => {
      expect(() => synth(overrides)).toThrow(message);
    });
  });
});
