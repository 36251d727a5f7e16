import type { PolicyRule } from '../types';
import { blocks } from '../values';

export const imdsV2Required: PolicyRule = {
  id: 'LZ-COMPUTE-001',
  checkov: 'CKV_AWS_79',
  title: 'Instances and launch templates require IMDSv2 (http_tokens = required)',
  severity: 'error',
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  evaluate: (resource) => {
    const options = blocks(resource.values.metadata_options);
    const compliant = options.some((option) => option.http_tokens === 'required' || option.http_endpoint === 'disabled');
    if (compliant) return [];
    const tokens = options[0]?.http_tokens;
    return [
      {
        detail: tokens ? `has metadata_options.http_tokens = "${String(tokens)}"` : 'has no metadata_options.http_tokens (IMDSv1 stays on)',
      },
    ];
  },
  fix: 'set metadata_options { http_tokens = "required" } (and http_put_response_hop_limit = 2 for containers)',
};
