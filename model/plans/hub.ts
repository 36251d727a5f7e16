import { environmentPrefix, hubVpcResourceName, IPAM_STACK, transitRouteKey } from '../naming';
import type { ContractSource, HubPlan, HubVpc } from '../stack-plans';
import type { Environment } from '../types';
import { accountRef, flowLogTarget, provider, stackBase, type ResolvedZone } from './base';
import { placeVpc } from './vpc';

/**
 * An environment's hub in the network account: its VPCs, the routing of their attachments,
 * endpoints and Lattice. Deployed after the organization-wide stacks it reads.
 */
export function planHubStack(zone: ResolvedZone, environment: Environment, organizationWide: readonly string[]): HubPlan {
  const { hub } = environment;
  const organization = zone.organization.name;
  const account = accountRef(zone, hub.accountName);
  const vpcs: HubVpc[] = hub.vpcs.map((plan) => ({
    ...placeVpc(hubVpcResourceName(organization, environment.name, plan.name), plan),
    ...(plan.name === hub.egress?.vpcName ? { natGateways: hub.egress.natGateways } : {}),
    zones: plan.availabilityZones.map((availabilityZone) => ({
      availabilityZone,
      cidrs: Object.fromEntries(
        plan.subnets.flatMap((subnet) => (subnet.zone === availabilityZone && subnet.cidr ? [[subnet.tier, subnet.cidr]] : [])),
      ),
    })),
  }));
  const endpointsVpc = vpcs.find((vpc) => vpc.plan.name === hub.interfaceEndpoints?.vpcName);
  return {
    kind: 'hub',
    ...stackBase(zone, {
      name: hub.stackName,
      environment: environment.name,
      providers: [provider('network', account, environment.region)],
      dependsOn: organizationWide,
    }),
    environment: environment.name,
    region: environment.region,
    namePrefix: environmentPrefix(organization, environment.name),
    organizationId: zone.organization.id,
    environmentCidr: environment.cidr,
    amazonSideAsn: hub.amazonSideAsn,
    routeTables: hub.routeTables,
    shareWith: hub.sharedWithAccounts.map((name) => accountRef(zone, name)),
    vpcs,
    routing: hubRouting(environment),
    ...(hub.interfaceEndpoints && endpointsVpc
      ? { interfaceEndpoints: { vpcName: hub.interfaceEndpoints.vpcName, services: hub.interfaceEndpoints.services } }
      : {}),
    ...(hub.lattice ? { lattice: hub.lattice } : {}),
    flowLogs: flowLogTarget(zone, hub.vpcs, account),
    ...(hub.vpcs.some((vpc) => !vpc.cidr) ? { ipam: ipamSource(zone) } : {}),
  };
}

export function ipamSource(zone: ResolvedZone): ContractSource {
  return { stackName: IPAM_STACK, region: zone.organization.homeRegion };
}

/** The hub's own attachments' propagations, and every static route and blackhole keyed by a stable name. */
function hubRouting(environment: Environment): HubPlan['routing'] {
  const { routing, vpcs } = environment.hub;
  const hubVpcNames = new Set(vpcs.map((vpc) => vpc.name));
  const propagations: Record<string, string[]> = {};
  for (const { attachment, routeTable } of routing.propagations) {
    if (hubVpcNames.has(attachment)) propagations[attachment] = [...(propagations[attachment] ?? []), routeTable];
  }
  return {
    propagations,
    staticRoutes: Object.fromEntries(routing.staticRoutes.map((route) => [transitRouteKey(route.routeTable, route.destination), route])),
    blackholes: Object.fromEntries(routing.blackholes.map((route) => [transitRouteKey(route.routeTable, route.destination), route])),
  };
}
