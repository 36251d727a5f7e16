import type { PolicyRule, TerraformResource, Violation } from '../types';
import { blocks } from '../values';

export const imdsV2Required: PolicyRule = {
  id: 'LZ-COMPUTE-001',
  checkov: 'CKV_AWS_79',
  title: 'Instances, launch templates and EKS managed node groups require IMDSv2 (http_tokens = required)',
  severity: 'error',
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_eks_node_group'],
  evaluate: (resource) => (resource.type === 'aws_eks_node_group' ? nodeGroupViolations(resource) : metadataViolations(resource)),
  fix: 'set metadata_options { http_tokens = "required" } (and http_put_response_hop_limit = 2 for containers); give EKS node groups such a launch template',
};

function metadataViolations(resource: TerraformResource): Violation[] {
  const options = blocks(resource.values.metadata_options);
  const compliant = options.some((option) => option.http_tokens === 'required' || option.http_endpoint === 'disabled');
  if (compliant) return [];
  const tokens = options[0]?.http_tokens;
  return [
    {
      detail: tokens ? `has metadata_options.http_tokens = "${String(tokens)}"` : 'has no metadata_options.http_tokens (IMDSv1 stays on)',
    },
  ];
}

/** A managed node group's metadata options live in its launch template; without one EKS picks them. */
function nodeGroupViolations(resource: TerraformResource): Violation[] {
  if (blocks(resource.values.launch_template).length > 0 || (resource.references.launch_template ?? []).length > 0) return [];
  return [{ detail: 'has no launch_template, so its nodes get EKS’s default metadata options instead of a required IMDSv2' }];
}
