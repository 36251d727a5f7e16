import { defineContract, output } from './contract';

/** The `log-archive` stack: the central flow-log bucket. */
export const logArchiveContract = defineContract('log-archive', {
  flowLogBucketArn: output.string(
    'flow_log_bucket_arn',
    'ARN of the central VPC flow-log bucket',
    () => 'arn:aws:s3:::offline-placeholder-flow-logs',
  ),
});
