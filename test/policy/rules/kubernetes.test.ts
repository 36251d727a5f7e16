import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const goodCluster = {
  name: 'analytics',
  vpc_config: { endpoint_private_access: true, endpoint_public_access: false, subnet_ids: ['subnet-a', 'subnet-b'] },
  encryption_config: { resources: ['secrets'], provider: { key_arn: '${aws_kms_key.eks.arn}' } },
  enabled_cluster_log_types: ['api', 'audit', 'authenticator'],
};
const clusterStack = (overrides: Record<string, unknown>) =>
  cdktfStack({ aws_eks_cluster: { analytics: { ...goodCluster, ...overrides } } });

describe('LZ-EKS-001 (CKV_AWS_39): EKS endpoints are not public', () => {
  it('passes a private-only cluster', () => {
    expect(findingsOf('LZ-EKS-001', clusterStack({}))).toEqual([]);
  });

  it('fails a cluster with the public endpoint on, even restricted to CIDRs', () => {
    const stack = clusterStack({
      vpc_config: { ...goodCluster.vpc_config, endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] },
    });
    expect(summarize(findingsOf('LZ-EKS-001', stack))).toEqual(['aws_eks_cluster.analytics: has vpc_config.endpoint_public_access = true']);
  });

  it('fails a planned cluster that leaves the flag to the provider default', () => {
    const stack = planStack([{ type: 'aws_eks_cluster', name: 'analytics', values: { vpc_config: [{ subnet_ids: ['subnet-a'] }] } }]);
    expect(summarize(findingsOf('LZ-EKS-001', stack))).toEqual([
      'aws_eks_cluster.analytics: has vpc_config.endpoint_public_access unset (true)',
    ]);
  });
});

describe('LZ-EKS-002 (CKV_AWS_58): EKS secrets are encrypted', () => {
  it('passes a cluster with secrets encryption (plans write the block as a list)', () => {
    const stack = planStack([
      { type: 'aws_eks_cluster', name: 'analytics', values: { ...goodCluster, encryption_config: [{ resources: ['secrets'] }] } },
    ]);
    expect(findingsOf('LZ-EKS-002', stack)).toEqual([]);
  });

  it('fails a cluster without encryption_config', () => {
    expect(summarize(findingsOf('LZ-EKS-002', clusterStack({ encryption_config: undefined })))).toEqual([
      'aws_eks_cluster.analytics: has no encryption_config for resources ["secrets"]',
    ]);
  });
});

describe('LZ-EKS-003 (CKV_AWS_37): EKS control-plane logs', () => {
  it('passes a cluster logging api, audit and authenticator', () => {
    expect(findingsOf('LZ-EKS-003', clusterStack({}))).toEqual([]);
  });

  it('fails a cluster that logs only the API server', () => {
    expect(summarize(findingsOf('LZ-EKS-003', clusterStack({ enabled_cluster_log_types: ['api'] })))).toEqual([
      'aws_eks_cluster.analytics: has enabled_cluster_log_types without audit, authenticator',
    ]);
  });
});

describe('LZ-COMPUTE-001 (CKV_AWS_79) on EKS managed node groups', () => {
  it('passes a node group with a launch template', () => {
    const stack = cdktfStack({
      aws_launch_template: { nodes: { metadata_options: { http_tokens: 'required' } } },
      aws_eks_node_group: { general: { launch_template: { id: '${aws_launch_template.nodes.id}', version: '1' } } },
    });
    expect(findingsOf('LZ-COMPUTE-001', stack)).toEqual([]);
  });

  it('fails a node group without a launch template', () => {
    const stack = cdktfStack({ aws_eks_node_group: { general: { cluster_name: 'analytics', instance_types: ['m5.large'] } } });
    expect(summarize(findingsOf('LZ-COMPUTE-001', stack))).toEqual([
      'aws_eks_node_group.general: has no launch_template, so its nodes get EKS’s default metadata options instead of a required IMDSv2',
    ]);
  });
});
