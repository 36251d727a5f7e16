import type { PolicyRule } from '../types';
import { asStrings } from '../values';

const REQUIRED = ['api', 'audit', 'authenticator'];

export const eksControlPlaneLogging: PolicyRule = {
  id: 'LZ-EKS-003',
  checkov: 'CKV_AWS_37',
  title: 'EKS clusters send api, audit and authenticator control-plane logs to CloudWatch',
  severity: 'error',
  resourceTypes: ['aws_eks_cluster'],
  evaluate: (cluster) => {
    const enabled = asStrings(cluster.values.enabled_cluster_log_types);
    const missing = REQUIRED.filter((type) => !enabled.includes(type));
    return missing.length === 0 ? [] : [{ detail: `has enabled_cluster_log_types without ${missing.join(', ')}` }];
  },
  fix: 'set enabled_cluster_log_types to at least ["api", "audit", "authenticator"] with a pre-created log group (EksCluster does this)',
};
