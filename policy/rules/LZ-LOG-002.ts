import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

export const cloudTrailLogFileValidation: PolicyRule = {
  id: 'LZ-LOG-002',
  checkov: 'CKV_AWS_36',
  title: 'CloudTrail trails validate their log files',
  severity: 'error',
  resourceTypes: ['aws_cloudtrail'],
  evaluate: (resource) =>
    asBoolean(resource.values.enable_log_file_validation) === true ? [] : [{ detail: 'has enable_log_file_validation unset or false' }],
  fix: 'set enable_log_file_validation = true',
};
