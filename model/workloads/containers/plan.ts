import { clusterName, ecrRepositoryName, queueName } from '../../naming';
import { zoneSuffix } from '../../regions';
import { accountRef } from '../../plans/base';
import type { PlanContext } from '../context';
import { planPublishes } from '../messaging/publishes';
import type { ContainersConfig, EcsServiceConfig } from './schema';
import type { ContainersPlan, EcsServicePlan } from './types';

/** CPU target of ECS services that scale without a queue. */
export const DEFAULT_CPU_TARGET = 70;

export function planContainers(context: PlanContext, containers: ContainersConfig): ContainersPlan {
  const { zone, environment, organization } = context;
  const cluster = clusterName(organization, environment.name, context.account.name);
  return {
    clusterName: cluster,
    capacity: containers.capacity,
    repositories: Object.entries(containers.repositories)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, repository]) => ({
        name,
        repositoryName: ecrRepositoryName(organization, name),
        pullAccounts: repository.pullAccounts.map((pulling) => accountRef(zone, pulling)),
        untaggedExpiryDays: repository.untaggedExpiryDays,
        keepTaggedImages: repository.keepTaggedImages,
      })),
    services: Object.entries(containers.services)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, service]) => planService(context, cluster, name, service, containers.capacity)),
  };
}

function planService(
  context: PlanContext,
  cluster: string,
  name: string,
  service: EcsServiceConfig,
  clusterCapacity: ContainersPlan['capacity'],
): EcsServicePlan {
  const { zone, organization } = context;
  const imageAccount = service.image.from ? accountRef(zone, service.image.from) : context.account;
  const imageEnvironmentName = zone.accounts.find((candidate) => candidate.name === imageAccount.name)?.environment;
  const imageEnvironment = zone.environments.find((candidate) => candidate.name === imageEnvironmentName);
  const scaling = service.scaling;
  const publishes = planPublishes(context, service.publishes);
  return {
    name,
    family: `${cluster}-${name}`,
    image: {
      account: imageAccount,
      region: imageEnvironment?.region ?? context.environment.region,
      repository: ecrRepositoryName(organization, service.image.repository),
      tag: service.image.tag,
    },
    imageOwner: service.imageOwner,
    cpu: service.cpu,
    memory: service.memory,
    ...(service.port !== undefined ? { port: service.port } : {}),
    desiredCount: service.desiredCount,
    subnetKeys: context.spokeVpc.subnets
      .filter((subnet) => subnet.tier === service.subnetTier)
      .map((subnet) => `${subnet.tier}-${zoneSuffix(subnet.zone)}`),
    capacity: service.capacity ?? clusterCapacity,
    ...(scaling
      ? {
          scaling: {
            minCount: scaling.minCount,
            maxCount: scaling.maxCount,
            target: scaling.queue
              ? { kind: 'queue' as const, queueName: queueName(organization, scaling.queue), messagesPerTask: scaling.messagesPerTask }
              : { kind: 'cpu' as const, percent: scaling.cpuTarget ?? DEFAULT_CPU_TARGET },
          },
        }
      : {}),
    callers: { services: [...service.callers.services].sort(), tiers: [...service.callers.tiers].sort() },
    secrets: service.secrets,
    environment: service.environment,
    consumes: service.consumes.map((queue) => queueName(organization, queue)).sort(),
    ...(publishes ? { publishes } : {}),
    ...(service.ephemeralStorageGiB !== undefined ? { ephemeralStorageGiB: service.ephemeralStorageGiB } : {}),
    exec: service.exec,
    serviceConnect: service.serviceConnect,
    lattice: service.lattice,
    logRetentionDays: service.logRetentionDays,
  };
}
