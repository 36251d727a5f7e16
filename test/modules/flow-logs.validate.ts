import { FlowLogs, type FlowLogsProps } from '../../modules/network/flow-logs';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of flow-logs.test.ts, with the fixtures the two share. */

export const toS3: FlowLogsProps = {
  name: 'payments',
  vpcId: 'vpc-1',
  destination: { type: 's3', bucketArn: 'arn:aws:s3:::acme-flow-logs' },
};

export const toCloudWatch: FlowLogsProps = {
  name: 'payments',
  vpcId: 'vpc-1',
  destination: { type: 'cloud-watch-logs', accountId: '111111111111' },
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const flowLogsCase: ValidateCase = {
  name: 'flow-logs',
  title: 'flow logs: accept both destinations, S3 and CloudWatch Logs',
  build: (stack) => {
    new FlowLogs(stack, 'to-s3', toS3);
    new FlowLogs(stack, 'to-cloudwatch', { ...toCloudWatch, name: 'orders' });
  },
};
