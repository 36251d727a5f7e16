import type { TieredSubnetSpec, TieredVpcProps } from '../modules/network/tiered-vpc';
import type { TierName } from '../model/schema';
import type { VpcPlan } from '../model/types';

/** The model's planned subnets in the VPC module's vocabulary. */
export function vpcSubnets(plan: VpcPlan): TieredSubnetSpec[] {
  return plan.subnets.map((subnet) => ({
    tier: subnet.tier,
    availabilityZone: subnet.zone,
    ...(subnet.ipv6Only ? {} : plan.cidr ? { cidrBlock: subnet.cidr } : { newBits: subnet.newBits, netNum: subnet.netNum }),
  }));
}

/** TieredVpc props for a planned VPC; IPAM VPCs pass the pool id. */
export function tieredVpcProps(name: string, plan: VpcPlan, ipv4IpamPoolId?: string): TieredVpcProps {
  const ipv6OnlyTiers = [...new Set(plan.subnets.filter((subnet) => subnet.ipv6Only).map((subnet) => subnet.tier))];
  return {
    name,
    ...(plan.cidr ? { cidrBlock: plan.cidr } : { ipv4IpamPoolId, ipv4NetmaskLength: plan.ipamNetmask }),
    subnets: vpcSubnets(plan),
    ipv6: plan.ipv6
      ? {
          egressOnlyInternetGatewayTiers: plan.subnets.some((subnet) => subnet.tier === 'app') && plan.role !== 'inspection' ? ['app'] : [],
          dns64Tiers: plan.nat64 ? ['app'] : [],
          ipv6OnlyTiers,
        }
      : undefined,
  };
}

/** Destinations each tier sends to the Transit Gateway. */
export function transitRoutesByTier(plan: VpcPlan): Partial<Record<TierName, string[]>> {
  const byTier: Partial<Record<TierName, string[]>> = {};
  for (const route of plan.transitRoutes) byTier[route.tier] = [...(byTier[route.tier] ?? []), route.destination];
  return byTier;
}
