import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Testing } from 'cdktf';
import { FlowLogs, type FlowLogsProps } from '../../modules/network/flow-logs';
import { referenceTo, resourceAt } from './synthesized';
import { toCloudWatch, toS3 } from './flow-logs.validate';

function synth(props: FlowLogsProps): string {
  return Testing.synthScope((scope) => void new FlowLogs(scope, 'flow-logs', props));
}

describe('flow logs', () => {
  describe('to S3', () => {
    const synthesized = synth(toS3);

    it('logs accepted and rejected traffic every minute to the bucket', () => {
      expect(synthesized).toHaveResourceWithProperties(FlowLog, {
        vpc_id: 'vpc-1',
        traffic_type: 'ALL',
        max_aggregation_interval: 60,
        log_destination_type: 's3',
        log_destination: 'arn:aws:s3:::acme-flow-logs',
      });
    });

    it('writes hourly Hive-compatible Parquet partitions', () => {
      expect(synthesized).toHaveResourceWithProperties(FlowLog, {
        destination_options: { file_format: 'parquet', per_hour_partition: true, hive_compatible_partitions: true },
      });
    });

    it('creates no log group and no role', () => {
      expect(synthesized).not.toHaveResource(CloudwatchLogGroup);
      expect(synthesized).not.toHaveResource(IamRole);
    });

    it('refuses a bucket ARN with a key prefix', () => {
      expect(() => synth({ ...toS3, destination: { type: 's3', bucketArn: 'arn:aws:s3:::acme-flow-logs/vpc' } })).toThrow(
        'FlowLogs payments: destination.bucketArn arn:aws:s3:::acme-flow-logs/vpc is not a bucket ARN (arn:aws:s3:::<bucket>, without a key prefix)',
      );
    });
  });

  describe('to CloudWatch Logs', () => {
    const kmsKeyArn = 'arn:aws:kms:eu-west-1:111111111111:key/1';
    const synthesized = synth({ ...toCloudWatch, destination: { type: 'cloud-watch-logs', accountId: '111111111111', kmsKeyArn } });

    it('creates the log group with a year of retention and the KMS key', () => {
      expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: '/aws/vpc-flow-logs/payments',
        retention_in_days: 365,
        kms_key_id: kmsKeyArn,
      });
    });

    it('delivers through a role that only the flow-logs service of the account can assume', () => {
      const trust = JSON.parse(resourceAt(synthesized, 'aws_iam_role', 'flow-logs_delivery-role').assume_role_policy);
      expect(trust.Statement).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
        }),
      ]);
    });

    it('lets the role write to its own log group only', () => {
      const policy = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'flow-logs_delivery-policy').policy);
      const group = referenceTo(synthesized, 'aws_cloudwatch_log_group', 'flow-logs_log-group');
      expect(policy.Statement[0]).toMatchObject({
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [`\${${group}.arn}`, `\${${group}.arn}:*`],
      });
    });

    it('logs all traffic to the group through the role', () => {
      const role = referenceTo(synthesized, 'aws_iam_role', 'flow-logs_delivery-role');
      expect(resourceAt(synthesized, 'aws_flow_log', 'flow-logs_flow-log')).toMatchObject({
        traffic_type: 'ALL',
        log_destination_type: 'cloud-watch-logs',
        iam_role_arn: `\${${role}.arn}`,
      });
    });

    it('refuses a retention CloudWatch Logs does not offer', () => {
      expect(() =>
        synth({ ...toCloudWatch, destination: { type: 'cloud-watch-logs', accountId: '111111111111', retentionInDays: 100 } }),
      ).toThrow('FlowLogs payments: destination.retentionInDays 100 is not accepted by CloudWatch Logs');
    });

    it('refuses an account id that is not 12 digits', () => {
      expect(() => synth({ ...toCloudWatch, destination: { type: 'cloud-watch-logs', accountId: '1234' } })).toThrow(
        'destination.accountId 1234 is not a 12-digit account id',
      );
    });
  });

  it('refuses an aggregation interval other than 60 or 600', () => {
    expect(() => synth({ ...toS3, maxAggregationInterval: 120 })).toThrow('maxAggregationInterval must be 60 or 600 seconds, got 120');
  });
});
