import type { TieredSubnetSpec, TieredVpc } from '../modules/network/tiered-vpc';
import type { VpcPlan } from '../model/types';

/** The model's planned subnets in the VPC module's vocabulary. */
export function vpcSubnets(plan: VpcPlan): TieredSubnetSpec[] {
  return plan.subnets.filter((subnet) => subnet.cidr).map((subnet) => ({ tier: subnet.tier, availabilityZone: subnet.zone, cidrBlock: subnet.cidr! }));
}

/** Route tables of the private tiers (app, data), which reach other VPCs through the Transit Gateway. */
export function vpcRouteTablesToTransit(vpc: TieredVpc): Record<string, string> {
  return Object.fromEntries(vpc.tiers.filter((tier) => tier !== 'public').map((tier) => [tier, vpc.routeTableId(tier)]));
}
