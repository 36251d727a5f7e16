import type { TierName } from '../network-schema';
import type { PlacedVpc } from '../stack-plans';
import type { VpcPlan } from '../types';

/**
 * A planned VPC with its module-level settings: the app tier of a dual-stack VPC reaches the IPv6
 * internet through its own egress-only gateway (an inspection VPC has no internet path of its own),
 * DNS64 on the app tier with NAT64, and the TGW routes grouped by tier.
 */
export function placeVpc(resourceName: string, plan: VpcPlan): PlacedVpc {
  const tiers = new Set(plan.subnets.map((subnet) => subnet.tier));
  const transitRoutes: Partial<Record<TierName, string[]>> = {};
  for (const route of plan.transitRoutes) transitRoutes[route.tier] = [...(transitRoutes[route.tier] ?? []), route.destination];
  return {
    resourceName,
    plan,
    egressOnlyGatewayTiers: plan.ipv6 && tiers.has('app') && plan.role !== 'inspection' ? ['app'] : [],
    dns64Tiers: plan.ipv6 && plan.nat64 ? ['app'] : [],
    ipv6OnlyTiers: [...new Set(plan.subnets.filter((subnet) => subnet.ipv6Only).map((subnet) => subnet.tier))],
    transitRoutes,
  };
}
