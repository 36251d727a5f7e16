import type { StackPlan } from '../stack-plans';
import type { ResolvedZone } from './base';
import { planIpamStack, planLogArchiveStack, planOrgStack } from './foundation';
import { planHubStack } from './hub';
import { planSpokeStack } from './spoke';
import { planAccountStacks } from '../workloads/plan';

export type { ResolvedZone } from './base';

/**
 * Every stack of the landing zone, each with its plan: org first, then the organization-wide log
 * archive and IPAM, then per environment its hub, spokes, workload stacks and their resilience stacks. `dependsOn` gives the deploy order.
 */
export function planStacks(zone: ResolvedZone): StackPlan[] {
  const organizationWide = [planOrgStack(zone), planLogArchiveStack(zone), planIpamStack(zone)].filter(
    (plan): plan is NonNullable<typeof plan> => plan !== undefined,
  );
  const names = organizationWide.map((plan) => plan.name);
  return [
    ...organizationWide,
    ...zone.environments.flatMap((environment) => [
      planHubStack(zone, environment, names),
      ...environment.spokes.map((spoke) => planSpokeStack(zone, environment, spoke)),
      ...environment.workloads.flatMap((workloads) => planAccountStacks(zone, environment, workloads)),
    ]),
  ];
}
