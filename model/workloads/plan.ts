import { clusterName, deadLetterQueueName, ecrRepositoryName, queueName, spokeResourceName, workloadsStackName } from '../naming';
import type { AccountRef } from '../stack-plans';
import { zoneSuffix } from '../regions';
import type { AccountWorkloads, Environment } from '../types';
import { accountRef, provider, stackBase, type ResolvedZone } from '../plans/base';
import type { EcsServiceConfig, QueueConfig, WorkloadsConfig } from './schema';
import type { ContainersPlan, EcsServicePlan, QueuePlan, WorkloadsPlan } from './types';

/** CPU target of ECS services that scale without a queue. */
export const DEFAULT_CPU_TARGET = 70;
/** A dead-letter queue keeps messages this much longer than its source (capped at SQS's 14 days). */
const DEAD_LETTER_EXTRA_SECONDS = 7 * 24 * 3600;
const MAX_RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * A workload account's stack: deployed with the account's role after its spoke, whose contract
 * gives it subnets and security groups; the hub's gives it the Lattice service network.
 */
export function planWorkloadsStack(zone: ResolvedZone, environment: Environment, workloads: AccountWorkloads): WorkloadsPlan {
  const { accountName, config } = workloads;
  const organization = zone.organization.name;
  const account = accountRef(zone, accountName);
  const spoke = environment.spokes.find((candidate) => candidate.accountName === accountName);
  if (!spoke) throw new Error(`internal: ${accountName} has workloads but no spoke VPC; validation should have said so`);
  const usesLattice = Object.values(config.containers?.services ?? {}).some((service) => service.lattice);
  const context: PlanContext = { zone, environment, account, organization, spokeVpc: spoke.vpc };
  return {
    kind: 'workloads',
    ...stackBase(zone, {
      name: workloadsStackName(environment.name, accountName),
      environment: environment.name,
      providers: [provider('workloads', account, environment.region)],
      dependsOn: [spoke.stackName],
    }),
    environment: environment.name,
    region: environment.region,
    accountName,
    account,
    organizationId: zone.organization.id,
    namePrefix: spokeResourceName(organization, environment.name, accountName),
    prodSegment: environment.prodSegments.includes(workloads.segment),
    spoke: { stackName: spoke.stackName, environment: environment.name, region: environment.region },
    ...(usesLattice ? { hub: { stackName: environment.hub.stackName, environment: environment.name, region: environment.region } } : {}),
    ...(config.containers ? { containers: planContainers(context, config.containers) } : {}),
    queues: Object.entries(config.queues)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, queue]) => planQueue(organization, name, queue)),
  };
}

interface PlanContext {
  readonly zone: ResolvedZone;
  readonly environment: Environment;
  readonly account: AccountRef;
  readonly organization: string;
  readonly spokeVpc: Environment['spokes'][number]['vpc'];
}

function planContainers(context: PlanContext, containers: NonNullable<WorkloadsConfig['containers']>): ContainersPlan {
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
    ...(service.ephemeralStorageGiB !== undefined ? { ephemeralStorageGiB: service.ephemeralStorageGiB } : {}),
    exec: service.exec,
    serviceConnect: service.serviceConnect,
    lattice: service.lattice,
    logRetentionDays: service.logRetentionDays,
  };
}

function planQueue(organization: string, name: string, queue: QueueConfig): QueuePlan {
  return {
    name,
    queueName: queueName(organization, name),
    deadLetterQueueName: deadLetterQueueName(organization, name),
    visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
    maxReceiveCount: queue.maxReceiveCount,
    retentionSeconds: queue.retentionSeconds,
    deadLetterRetentionSeconds: Math.min(queue.retentionSeconds + DEAD_LETTER_EXTRA_SECONDS, MAX_RETENTION_SECONDS),
  };
}
