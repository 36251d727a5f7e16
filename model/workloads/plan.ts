import { spokeResourceName, workloadsStackName } from '../naming';
import type { AccountWorkloads, Environment } from '../types';
import { accountRef, provider, stackBase, type ResolvedZone } from '../plans/base';
import { planAlarms } from './alarms/plan';
import { planBatch } from './batch/plan';
import { planContainers } from './containers/plan';
import { planExperiments } from './experiments/plan';
import { planResilienceStack } from './experiments/stack';
import type { ExperimentsPlan } from './experiments/types';
import type { StackPlan } from '../stack-plans';
import type { PlanContext } from './context';
import { planMessaging, planQueues } from './messaging/plan';
import { planKubernetes } from './kubernetes/plan';
import { planServerless, usesPrivateRestApi } from './serverless/plan';
import type { WorkloadsPlan } from './types';

/**
 * A workload account's stack: deployed with the account's role after its spoke, whose contract
 * gives it subnets and security groups; the hub's gives it the Lattice service network.
 */
export function planWorkloadsStack(zone: ResolvedZone, environment: Environment, workloads: AccountWorkloads): WorkloadsPlan {
  return planAccount(zone, environment, workloads).plan;
}

/**
 * The stacks of a workload account: its workloads stack and, when its file has experiments, its
 * resilience stack, planned after the alarms they stop on.
 */
export function planAccountStacks(zone: ResolvedZone, environment: Environment, workloads: AccountWorkloads): StackPlan[] {
  const { plan, experiments } = planAccount(zone, environment, workloads);
  return [plan, ...(experiments ? [planResilienceStack(zone, plan, experiments)] : [])];
}

function planAccount(
  zone: ResolvedZone,
  environment: Environment,
  workloads: AccountWorkloads,
): { plan: WorkloadsPlan; experiments?: ExperimentsPlan } {
  const { accountName, config } = workloads;
  const organization = zone.organization.name;
  const account = accountRef(zone, accountName);
  const spoke = environment.spokes.find((candidate) => candidate.accountName === accountName);
  if (!spoke) throw new Error(`internal: ${accountName} has workloads but no spoke VPC; validation should have said so`);
  const usesLattice = Object.values(config.containers?.services ?? {}).some((service) => service.lattice);
  const readsHub = usesLattice || usesPrivateRestApi(config.serverless);
  const context: PlanContext = { zone, environment, account, organization, spokeVpc: spoke.vpc };
  const prodSegment = environment.prodSegments.includes(workloads.segment);
  const queues = planQueues(context, config);
  const containers = config.containers ? planContainers(context, config.containers) : undefined;
  const kubernetes = config.kubernetes ? planKubernetes(context, config.kubernetes, zone.organization.deployRoleName) : undefined;
  const batch = config.batch ? planBatch(context, config.batch) : undefined;
  const serverless = config.serverless ? planServerless(context, config.serverless) : undefined;
  const alarms = planAlarms(context, config, { queues, containers, kubernetes, batch, serverless }, { prodSegment });
  const messaging = planMessaging(context, config, queues, alarms);
  const experiments = planExperiments(context, config, { containers, kubernetes, batch, alarms: alarms.alarms });
  const plan: WorkloadsPlan = {
    kind: 'workloads',
    ...stackBase(zone, {
      name: workloadsStackName(environment.name, accountName),
      environment: environment.name,
      providers: [provider('workloads', account, environment.region)],
      dependsOn: [spoke.stackName, ...(messaging?.dependsOn ?? [])],
    }),
    environment: environment.name,
    region: environment.region,
    accountName,
    account,
    organizationId: zone.organization.id,
    namePrefix: spokeResourceName(organization, environment.name, accountName),
    prodSegment,
    spoke: { stackName: spoke.stackName, environment: environment.name, region: environment.region },
    ...(readsHub ? { hub: { stackName: environment.hub.stackName, environment: environment.name, region: environment.region } } : {}),
    ...(containers ? { containers } : {}),
    queues,
    ...(messaging ? { messaging } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    ...(batch ? { batch } : {}),
    ...(serverless ? { serverless } : {}),
    alarms,
  };
  return { plan, ...(experiments ? { experiments } : {}) };
}
