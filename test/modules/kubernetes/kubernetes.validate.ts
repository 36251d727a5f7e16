import { KubernetesCluster } from '../../../modules/kubernetes/kubernetes-cluster';
import type { ValidateCase } from '../../support/terraform-validate-cases';
import { ADDONS, clusterProps } from './fixtures';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const kubernetesCase: ValidateCase = {
  name: 'kubernetes',
  title:
    'kubernetes modules: accept an IPv4 cluster with a public endpoint, Spot nodes, max pods, Fargate and EFS via IRSA, and an IPv6 Fargate-only cluster',
  build: (stack) => {
    new KubernetesCluster(stack, 'eks-analytics', {
      ...clusterProps,
      endpointPublicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
      extraLogTypes: ['scheduler'],
      apiCallers: { securityGroupIds: { 'tier-app': 'sg-app' }, ipv4Cidrs: { ci: '10.16.0.0/20' } },
      access: {
        ...clusterProps.access,
        readers: { principalArn: 'arn:aws:iam::222222222222:role/readers', level: 'view', namespaces: ['apps'] },
      },
      nodeGroups: {
        general: { instanceTypes: ['m6i.large'], minSize: 2, maxSize: 10, maxPods: 29, metadataHopLimit: 2 },
        spot: {
          instanceTypes: ['m6g.large'],
          amiType: 'AL2023_ARM_64_STANDARD',
          capacityType: 'SPOT',
          minSize: 0,
          maxSize: 20,
          labels: { spot: 'true' },
        },
      },
      fargateProfiles: { batch: [{ namespace: 'batch', labels: { fargate: 'true' } }] },
      addons: { ...ADDONS, 'aws-efs-csi-driver': { version: 'v2.1.4-eksbuild.1', identity: 'irsa' } },
    });
    new KubernetesCluster(stack, 'eks-edge', {
      ...clusterProps,
      name: 'edge',
      ipFamily: 'ipv6',
      nodeGroups: {},
      fargateProfiles: { default: [{ namespace: 'default' }, { namespace: 'kube-system' }] },
      addons: { ...ADDONS, 'aws-efs-csi-driver': { version: 'v2.1.4-eksbuild.1', identity: 'pod-identity' } },
    });
  },
};
