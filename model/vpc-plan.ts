import { ipv4PrefixLengths, vpcIpv6, vpcTiers, vpcZones } from './defaults';
import type { TierName } from './network-schema';
import type { EnvironmentConfig, VpcConfig } from './schema';
import { planSubnets, sortSubnets } from './subnets';
import type { PlannedSubnet, VpcPlan, VpcRole } from './types';
import { attachesToHub } from './vpc-roles';

export interface VpcPlanInput {
  readonly name: string;
  readonly role: VpcRole;
  readonly vpc: VpcConfig;
  readonly segment: string;
  readonly environment: EnvironmentConfig;
  readonly flowLogs: VpcPlan['flowLogs'];
}

/** A validated VPC's plan: subnets, and the routes its tiers send to the Transit Gateway. */
export function planVpc({ name, role, vpc, segment, environment, flowLogs }: VpcPlanInput): VpcPlan {
  const zones = vpcZones(vpc, environment);
  const ipv6 = vpcIpv6(vpc, environment);
  const block = vpc.cidr ?? `0.0.0.0/${vpc.ipamNetmask}`;
  const plan = planSubnets(block, zones, ipv4PrefixLengths(vpc));
  if (!plan.fits) throw new Error(`internal: ${name} was validated but its subnets do not fit`);
  const ipv4Subnets = plan.subnets.map((subnet) => (vpc.cidr ? subnet : { ...subnet, cidr: undefined }));
  const ipv6OnlySubnets: PlannedSubnet[] = Object.entries(vpcTiers(vpc))
    .filter(([, settings]) => settings.ipv6Only)
    .flatMap(([tier]) => zones.map((zone) => ({ tier: tier as TierName, zone, ipv6Only: true })));
  const attached = vpc.attachToTransitGateway && attachesToHub(role);
  return {
    name,
    role,
    cidr: vpc.cidr,
    ipamNetmask: vpc.ipamNetmask,
    ipv6,
    availabilityZones: zones,
    segment,
    attachToTransitGateway: role === 'egress' || role === 'inspection' || vpc.attachToTransitGateway,
    subnets: sortSubnets([...ipv4Subnets, ...ipv6OnlySubnets]),
    transitRoutes: attached ? transitRoutes(vpc, environment) : [],
    nat64: vpc.nat64,
    gatewayEndpoints: attachesToHub(role),
    localInterfaceEndpoints: [...(vpc.localInterfaceEndpoints ?? [])].sort(),
    flowLogs,
  };
}

/**
 * App tiers reach the environment's range, the IPv4 internet through the central egress, and
 * IPv4-only services through NAT64, all via the TGW. IPv6 internet leaves through the VPC's own
 * egress-only gateway (a TGW cannot carry it to a central one). Data tiers get no route beyond
 * their VPC: they talk to their app tier only, never to the internet.
 */
function transitRoutes(vpc: VpcConfig, environment: EnvironmentConfig): VpcPlan['transitRoutes'] {
  const egress = environment.networkHub.egress !== undefined;
  const app = [environment.cidr, ...(egress ? ['0.0.0.0/0'] : []), ...(vpc.nat64 ? ['64:ff9b::/96'] : [])];
  return app.map((destination) => ({ tier: 'app' as const, destination }));
}
