import type { PolicyRule } from '../types';
import { asBoolean, blocks } from '../values';

export const eksEndpointNotPublic: PolicyRule = {
  id: 'LZ-EKS-001',
  checkov: 'CKV_AWS_39',
  title: 'EKS cluster API endpoints are not public',
  severity: 'error',
  resourceTypes: ['aws_eks_cluster'],
  evaluate: (cluster) => {
    const vpc = blocks(cluster.values.vpc_config)[0] ?? {};
    // The provider's default for endpoint_public_access is true.
    const isPublic = asBoolean(vpc.endpoint_public_access) ?? true;
    return isPublic
      ? [{ detail: `has vpc_config.endpoint_public_access ${vpc.endpoint_public_access === undefined ? 'unset (true)' : '= true'}` }]
      : [];
  },
  fix: 'set vpc_config { endpoint_private_access = true, endpoint_public_access = false } and reach the API from the VPC (EksCluster does this by default)',
};
