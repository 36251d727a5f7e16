import type { KubernetesClusterProps } from '../../../modules/kubernetes/kubernetes-cluster';

/** Shared inputs of the Kubernetes module tests: a cluster in an account's app tier. */

export const ACCOUNT = '222222222222';
export const REGION = 'eu-west-1';
export const DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/lz-deploy`;
export const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/platform-admins`;

export const ADDONS: KubernetesClusterProps['addons'] = {
  'vpc-cni': { version: 'v1.19.2-eksbuild.1' },
  'kube-proxy': { version: 'v1.31.3-eksbuild.2' },
  coredns: { version: 'v1.11.4-eksbuild.2' },
  'eks-pod-identity-agent': { version: 'v1.3.4-eksbuild.1' },
};

export const clusterProps: KubernetesClusterProps = {
  name: 'analytics',
  version: '1.31',
  accountId: ACCOUNT,
  region: REGION,
  vpcId: 'vpc-1',
  subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
  keyAdministratorArns: [DEPLOY_ROLE, ADMIN_ROLE],
  apiCallers: { securityGroupIds: { 'tier-app': 'sg-app' } },
  access: {
    deploy: { principalArn: DEPLOY_ROLE, level: 'admin' },
    'platform-admins': { principalArn: ADMIN_ROLE, level: 'admin' },
  },
  nodeGroups: {
    general: { instanceTypes: ['m6i.large', 'm5.large'], minSize: 2, maxSize: 10 },
  },
  addons: ADDONS,
};
