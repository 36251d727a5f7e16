import { Ipv4Cidr } from './cidr';
import { TIERS, type TierName } from './network-schema';
import type { PlannedSubnet } from './types';

export type TierPrefixLengths = Partial<Record<TierName, number>>;

export type SubnetPlan =
  | { readonly fits: true; readonly subnets: readonly PlannedSubnet[] }
  | { readonly fits: false; readonly needed: number; readonly available: number };

/**
 * Carves one IPv4 subnet per tier and AZ out of the VPC block. Larger subnets are placed first, so
 * every block is aligned and the subnets fit exactly when their sizes add up to no more than the
 * VPC. Within a size, tiers keep the order public, app, data and AZs the order of config. Each
 * subnet also carries its position (newBits, netNum) for VPCs whose block is only known at apply.
 * CAUTION: changing the AZs or a tier's size moves later subnets (Terraform replaces them).
 */
export function planSubnets(vpcCidr: string, zones: readonly string[], prefixLengths: TierPrefixLengths): SubnetPlan {
  const vpc = Ipv4Cidr.of(vpcCidr);
  const tiers = TIERS.filter((tier) => prefixLengths[tier] !== undefined).sort(
    (a, b) => prefixLengths[a]! - prefixLengths[b]! || TIERS.indexOf(a) - TIERS.indexOf(b),
  );
  const needed = tiers.reduce((sum, tier) => sum + zones.length * 2 ** (32 - prefixLengths[tier]!), 0);
  if (needed > vpc.size || tiers.some((tier) => prefixLengths[tier]! < vpc.prefixLength)) {
    return { fits: false, needed, available: vpc.size };
  }
  const subnets: PlannedSubnet[] = [];
  let offset = 0;
  for (const tier of tiers) {
    const prefixLength = prefixLengths[tier]!;
    const size = 2 ** (32 - prefixLength);
    for (const zone of zones) {
      const cidr = vpc.blockAt(offset, prefixLength).toString();
      subnets.push({ tier, zone, cidr, newBits: prefixLength - vpc.prefixLength, netNum: offset / size, ipv6Only: false });
      offset += size;
    }
  }
  return { fits: true, subnets: sortSubnets(subnets) };
}

export function sortSubnets(subnets: PlannedSubnet[]): PlannedSubnet[] {
  return subnets.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || a.zone.localeCompare(b.zone));
}
