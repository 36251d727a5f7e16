import { TIERS, type TierName, type TierConfig } from './network-schema';
import type { EnvironmentConfig, HubVpcConfig, OrgConfig, VpcConfig, WorkloadAccountConfig } from './schema';

/* Defaults that depend on other settings; used by validation and by the resolver alike. */

export const EGRESS_SEGMENT = 'egress';
export const INSPECTION_SEGMENT = 'inspection';
export const SHARED_SEGMENT = 'shared';

/** Workload segments (route tables) of the hub: configured, or the environment's segment plus shared. */
export function hubSegments(environment: EnvironmentConfig): string[] {
  return environment.networkHub.segments ?? [...new Set([environment.segment, SHARED_SEGMENT])];
}

/** Every TGW route table: workload segments plus egress and inspection when configured. */
export function hubRouteTables(environment: EnvironmentConfig): string[] {
  const special = [
    environment.networkHub.egress ? EGRESS_SEGMENT : undefined,
    environment.networkHub.inspection ? INSPECTION_SEGMENT : undefined,
  ];
  return [...new Set([...hubSegments(environment), ...special.filter((name): name is string => name !== undefined)])];
}

/** Whether attachments in segments `a` and `b` may reach each other through the hub. */
export function segmentsConnect(environment: EnvironmentConfig, a: string, b: string): boolean {
  if (a === b || a === SHARED_SEGMENT || b === SHARED_SEGMENT) return true;
  return environment.networkHub.connect.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function hubAccountName(environment: EnvironmentConfig, org: OrgConfig | undefined): string | undefined {
  return environment.networkHub.account ?? org?.organization.networkAccount;
}

export function accountSegment(account: WorkloadAccountConfig, environment: EnvironmentConfig): string {
  return account.segment ?? environment.segment;
}

/** Segment of a hub VPC's attachment: its own for shared services, the special table for egress and inspection. */
export function hubVpcSegment(vpc: HubVpcConfig): string {
  if (vpc.role === 'egress') return EGRESS_SEGMENT;
  if (vpc.role === 'inspection') return INSPECTION_SEGMENT;
  return vpc.segment ?? SHARED_SEGMENT;
}

export function vpcZones(vpc: VpcConfig, environment: EnvironmentConfig): string[] {
  return vpc.availabilityZones ?? environment.availabilityZones;
}

export function vpcIpv6(vpc: VpcConfig, environment: EnvironmentConfig): boolean {
  return vpc.ipv6 ?? environment.ipv6;
}

export interface TierSettings {
  /** IPv4 prefix length of each subnet; undefined for an IPv6-only tier. */
  readonly prefixLength?: number;
  readonly ipv6Only: boolean;
}

/** Tiers the VPC has, in the order public, app, data. */
export function vpcTiers(vpc: VpcConfig): Partial<Record<TierName, TierSettings>> {
  const tiers: Partial<Record<TierName, TierSettings>> = {};
  for (const tier of TIERS) {
    const value: TierConfig | undefined = vpc.subnets[tier];
    if (value === undefined) continue;
    tiers[tier] = typeof value === 'number' ? { prefixLength: value, ipv6Only: false } : value;
  }
  return tiers;
}

/** IPv4 prefix lengths of the tiers that have IPv4 subnets. */
export function ipv4PrefixLengths(vpc: VpcConfig): Partial<Record<TierName, number>> {
  return Object.fromEntries(
    Object.entries(vpcTiers(vpc))
      .filter(([, settings]) => !settings.ipv6Only && settings.prefixLength !== undefined)
      .map(([tier, settings]) => [tier, settings.prefixLength!]),
  );
}

export function flowLogDestination(environment: EnvironmentConfig, org: OrgConfig): 's3' | 'cloud-watch-logs' {
  return environment.flowLogs ?? org.network.flowLogs;
}

export function guardrailTargets(org: OrgConfig): string[] {
  return (
    org.guardrails.attachTo ??
    Object.entries(org.organizationalUnits)
      .filter(([, ou]) => !ou.parent)
      .map(([name]) => name)
  );
}
