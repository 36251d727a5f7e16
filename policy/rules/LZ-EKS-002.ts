import type { PolicyRule } from '../types';
import { asStrings, blocks } from '../values';

export const eksSecretsEncrypted: PolicyRule = {
  id: 'LZ-EKS-002',
  checkov: 'CKV_AWS_58',
  title: 'EKS clusters encrypt Kubernetes secrets with a KMS key',
  severity: 'error',
  resourceTypes: ['aws_eks_cluster'],
  evaluate: (cluster) => {
    const encrypted = blocks(cluster.values.encryption_config).some((config) => asStrings(config.resources).includes('secrets'));
    return encrypted ? [] : [{ detail: 'has no encryption_config for resources ["secrets"]' }];
  },
  fix: 'add encryption_config { resources = ["secrets"], provider { key_arn = <a KMS key of the cluster> } } (EksCluster creates the key)',
};
