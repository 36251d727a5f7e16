import type { PolicyRule } from '../types';
import { blocks } from '../values';

/**
 * An experiment leaves a record of what it did, to which resources, and why it stopped: a
 * log_configuration delivering to CloudWatch Logs or S3. A log group created in the same run is
 * unknown in a plan; the reference proves the destination is set.
 */
export const fisExperimentLogs: PolicyRule = {
  id: 'LZ-FIS-002',
  title: 'Every FIS experiment template logs its experiments to CloudWatch Logs or S3',
  severity: 'error',
  resourceTypes: ['aws_fis_experiment_template'],
  evaluate: (template) => {
    const logging = blocks(template.values.log_configuration)[0];
    if (!logging) return [{ detail: 'has no log_configuration' }];
    const cloudWatch = blocks(logging.cloudwatch_logs_configuration)[0];
    const s3 = blocks(logging.s3_configuration)[0];
    const set = (value: unknown) => typeof value === 'string' && value !== '';
    const referenced = (template.references.log_configuration ?? []).length > 0;
    if (set(cloudWatch?.log_group_arn) || set(s3?.bucket_name) || (referenced && (cloudWatch || s3))) return [];
    return [{ detail: 'has a log_configuration with no CloudWatch log group and no S3 bucket' }];
  },
  fix: 'set log_configuration { log_schema_version = 2, cloudwatch_logs_configuration { log_group_arn = "<log group ARN>:*" } }; FisExperiment does this',
};
