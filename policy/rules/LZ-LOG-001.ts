import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

export const cloudTrailMultiRegion: PolicyRule = {
  id: 'LZ-LOG-001',
  checkov: 'CKV_AWS_67',
  title: 'CloudTrail trails log every region',
  severity: 'error',
  resourceTypes: ['aws_cloudtrail'],
  evaluate: (resource) =>
    asBoolean(resource.values.is_multi_region_trail) === true ? [] : [{ detail: 'has is_multi_region_trail unset or false' }],
  fix: 'set is_multi_region_trail = true (an organization trail should also set is_organization_trail = true)',
};
