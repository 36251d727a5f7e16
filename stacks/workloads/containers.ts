import { Lazy } from 'cdktf';
import type { CapacityProviderStrategy } from '../../modules/containers/capacity';
import { EcrRegistryScanning } from '../../modules/containers/ecr-registry-scanning';
import { EcrRepository } from '../../modules/containers/ecr-repository';
import { EcsCluster } from '../../modules/containers/ecs-cluster';
import { EcsService } from '../../modules/containers/ecs-service';
import type { Queue } from '../../modules/messaging/queue';
import { ecrImageUri, ecrRepositoryArn } from '../../model/naming';
import type { CapacityStrategy, ContainersPlan, EcsServicePlan, WorkloadsPlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import type { ContractReader } from '../contracts/contract';
import { hubContract } from '../contracts/hub';
import type { spokeContract } from '../contracts/spoke';
import { publisherStatements } from './messaging';

export interface ContainerInputs {
  readonly network: ContractReader<typeof spokeContract.outputs>;
  /** Queues of the stack by queue name. */
  readonly queues: ReadonlyMap<string, Queue>;
  /** The account's messaging key, for services that publish to a topic or a KMS queue. @default - none */
  readonly messagingKeyArn?: string;
}

export interface PlacedContainers {
  readonly cluster: EcsCluster;
  readonly services: ReadonlyMap<string, EcsService>;
  readonly repositories: ReadonlyMap<string, EcrRepository>;
}

/**
 * The account's containers: enhanced registry scanning (an account singleton, owned here), its ECR
 * repositories, one ECS cluster and its Fargate services in the spoke's subnets.
 */
export function placeContainers(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  containers: ContainersPlan,
  inputs: ContainerInputs,
): PlacedContainers {
  const accountId = stack.accountId(plan.account);
  new EcrRegistryScanning(stack, 'registry-scanning', {});
  const repositories = new Map(
    containers.repositories.map((repository) => [
      repository.name,
      new EcrRepository(stack, `repository-${repository.name}`, {
        name: repository.repositoryName,
        untaggedImageExpiryDays: repository.untaggedExpiryDays,
        maxImageCount: repository.keepTaggedImages,
        pullAccountIds: Object.fromEntries(repository.pullAccounts.map((account) => [account.name, stack.accountId(account)])),
      }),
    ]),
  );
  const cluster = new EcsCluster(stack, 'cluster', {
    name: containers.clusterName,
    accountId,
    region: plan.region,
    defaultCapacityProviderStrategy: strategy(containers.capacity),
  });
  const hub = plan.hub ? stack.read(hubContract, 'hub-outputs', plan.hub) : undefined;
  const services = new Map<string, EcsService>();
  // Callers' security groups are resolved lazily: two services may call each other.
  const securityGroupOf = (service: string) => Lazy.stringValue({ produce: () => services.get(service)?.securityGroupId });
  for (const service of containers.services) {
    services.set(
      service.name,
      new EcsService(stack, `service-${service.name}`, {
        ...serviceSettings(service),
        name: service.family,
        cluster,
        accountId,
        region: plan.region,
        vpcId: inputs.network.string('vpcId'),
        subnetIds: Object.values(inputs.network.entries('subnetIds', service.subnetKeys)),
        containers: { app: container(stack, service) },
        ecrRepositoryArns: [ecrRepositoryArn(service.image.region, stack.accountId(service.image.account), service.image.repository)],
        callers: {
          securityGroupIds: {
            ...Object.fromEntries(service.callers.services.map((caller) => [`service-${caller}`, securityGroupOf(caller)])),
            ...Object.fromEntries(service.callers.tiers.map((tier) => [`tier-${tier}`, inputs.network.entry('securityGroupIds', tier)])),
          },
        },
        taskRoleStatements: [
          ...queueStatements(service, inputs.queues),
          ...publisherStatements(stack, service.publishes, inputs.messagingKeyArn),
        ],
        ...(service.lattice && hub
          ? {
              lattice: {
                serviceNetworkIdentifier: hub.string('latticeServiceNetworkId'),
                portName: 'http',
                invokers: { organizationId: plan.organizationId },
              },
            }
          : {}),
      }),
    );
  }
  return { cluster, services, repositories };
}

function serviceSettings(service: EcsServicePlan) {
  return {
    cpu: service.cpu,
    memory: service.memory,
    desiredCount: service.desiredCount,
    capacityProviderStrategy: strategy(service.capacity),
    enableExecuteCommand: service.exec,
    logRetentionDays: service.logRetentionDays,
    imageOwner: service.imageOwner,
    serviceConnect: service.serviceConnect,
    ...(service.ephemeralStorageGiB !== undefined ? { ephemeralStorageGiB: service.ephemeralStorageGiB } : {}),
    ...(service.scaling
      ? {
          autoscaling: {
            minCapacity: service.scaling.minCount,
            maxCapacity: service.scaling.maxCount,
            metric:
              service.scaling.target.kind === 'cpu'
                ? { type: 'cpu' as const, targetPercent: service.scaling.target.percent }
                : {
                    type: 'sqs' as const,
                    queueName: service.scaling.target.queueName,
                    messagesPerTask: service.scaling.target.messagesPerTask,
                  },
          },
        }
      : {}),
  };
}

function container(stack: LandingZoneStack, service: EcsServicePlan) {
  const { image } = service;
  return {
    image: ecrImageUri(image.region, stack.accountId(image.account), image.repository, image.tag),
    ...(service.port !== undefined ? { portMappings: { http: { containerPort: service.port, appProtocol: 'http' as const } } } : {}),
    environment: service.environment,
    secrets: service.secrets,
  };
}

function queueStatements(service: EcsServicePlan, queues: ReadonlyMap<string, Queue>) {
  const arns = service.consumes.flatMap((name) => {
    const queue = queues.get(name);
    return queue ? [queue.queueArn] : [];
  });
  if (arns.length === 0) return [];
  return [
    {
      Sid: 'ConsumeQueues',
      Effect: 'Allow' as const,
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
      Resource: arns,
    },
  ];
}

function strategy(capacity: CapacityStrategy): CapacityProviderStrategy {
  return {
    FARGATE: { weight: capacity.fargateWeight, base: capacity.fargateBase },
    FARGATE_SPOT: { weight: capacity.fargateSpotWeight },
  };
}
