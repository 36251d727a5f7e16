import { EcrRegistryScanning } from '../../../modules/containers/ecr-registry-scanning';
import { EcrRepository } from '../../../modules/containers/ecr-repository';
import { EcsCluster } from '../../../modules/containers/ecs-cluster';
import { EcsService } from '../../../modules/containers/ecs-service';
import type { ValidateCase } from '../../support/terraform-validate-cases';
import { ACCOUNT, apiProps, REGION } from './fixtures';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const containersCase: ValidateCase = {
  name: 'containers',
  title: 'container modules: accept a cluster, a Lattice service scaling on a queue, a CI-owned worker, a repository and registry scanning',
  build: (stack) => {
    const repository = new EcrRepository(stack, 'repository', {
      name: 'orders-api',
      pullAccountIds: { 'orders-prod': '444444444444' },
    });
    new EcrRegistryScanning(stack, 'registry-scanning');
    const cluster = new EcsCluster(stack, 'cluster', { name: 'orders', accountId: ACCOUNT, region: REGION });
    new EcsService(stack, 'service-orders-api', {
      ...apiProps,
      cluster,
      ecrRepositoryArns: [repository.repositoryArn],
      secretKmsKeyArns: [`arn:aws:kms:${REGION}:${ACCOUNT}:key/1111-2222`],
      enableExecuteCommand: true,
      ephemeralStorageGiB: 30,
      autoscaling: { minCapacity: 1, maxCapacity: 8, metric: { type: 'sqs', queueName: 'orders-work', messagesPerTask: 10 } },
      lattice: {
        serviceNetworkIdentifier: 'arn:aws:vpc-lattice:eu-west-1:333333333333:servicenetwork/sn-0123456789abcdef0',
        portName: 'http',
        invokers: { organizationId: 'o-a1b2c3d4e5', principals: ['555555555555'] },
      },
    });
    new EcsService(stack, 'service-orders-worker', {
      ...apiProps,
      name: 'orders-worker',
      cluster,
      imageOwner: 'ci',
      cpu: 512,
      memory: 1024,
      cpuArchitecture: 'ARM64',
      containers: {
        worker: {
          image: `${repository.repositoryUrl}:bootstrap`,
          environment: { QUEUE_NAME: 'orders-work' },
          healthCheck: { command: ['CMD-SHELL', 'test -f /tmp/healthy'] },
        },
      },
      callers: {},
      egress: { https: { cidrIpv4: '0.0.0.0/0', protocol: 'tcp', fromPort: 443, toPort: 443 } },
      capacityProviderStrategy: { FARGATE_SPOT: { weight: 1 } },
      autoscaling: { minCapacity: 1, maxCapacity: 4 },
    });
  },
};
