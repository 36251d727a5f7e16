import { vpcIpv6, vpcTiers } from '../../defaults';
import type { ConfigProblem } from '../../problems';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex, VpcEntry } from '../config-index';
import type { ConfigRule } from '../rule';

/* IPv6 rules: IPv6-only tiers and NAT64 have what they need. */

export const ipv6OnlyNeedsIpv6: ConfigRule = {
  id: 'ipv6/ipv6-only-needs-ipv6',
  description: 'An IPv6-only tier is in a VPC with IPv6.',
  check: (index) =>
    ipv6OnlyTiers(index)
      .filter(({ entry }) => !vpcIpv6(entry.vpc, entry.environment.config))
      .map(({ entry, path }) =>
        problemAt(
          entry.source,
          path,
          'is IPv6-only, but the VPC has no IPv6',
          'set ipv6: true on the VPC (or the environment), or drop ipv6Only',
        ),
      ),
};

export const appTierHasIpv4: ConfigRule = {
  id: 'ipv6/app-tier-has-ipv4',
  description: 'The app tier is never IPv6-only: the Transit Gateway attachment needs IPv4 subnets.',
  check: (index) =>
    ipv6OnlyTiers(index)
      .filter(({ tier }) => tier === 'app')
      .map(({ entry, path }) =>
        problemAt(
          entry.source,
          path,
          'cannot be IPv6-only: the Transit Gateway attachment needs IPv4 subnets',
          'make public or data IPv6-only instead',
        ),
      ),
};

export const ipv6OnlyWithoutPrefixLength: ConfigRule = {
  id: 'ipv6/ipv6-only-without-prefix-length',
  description: 'An IPv6-only tier gives no IPv4 prefixLength.',
  check: (index) =>
    ipv6OnlyTiers(index)
      .filter(({ prefixLength }) => prefixLength !== undefined)
      .map(({ entry, path }) =>
        problemAt(entry.source, path, 'is IPv6-only but has a prefixLength', 'remove prefixLength; IPv6-only subnets get a /64 each'),
      ),
};

export const nat64NeedsIpv6: ConfigRule = {
  id: 'ipv6/nat64-needs-ipv6',
  description: 'A VPC with nat64 has IPv6.',
  check: (index) =>
    nat64Vpcs(index)
      .filter((entry) => !vpcIpv6(entry.vpc, entry.environment.config))
      .map((entry) => problemAt(entry.source, [...entry.path, 'nat64'], 'needs IPv6 on the VPC', 'set ipv6: true, or drop nat64')),
};

export const nat64NeedsEgress: ConfigRule = {
  id: 'ipv6/nat64-needs-egress',
  description: 'A VPC with nat64 has a central egress to reach, and that egress VPC has IPv6.',
  check: (index) => nat64Vpcs(index).flatMap(nat64EgressProblems),
};

export const nat64NeedsAttachment: ConfigRule = {
  id: 'ipv6/nat64-needs-attachment',
  description: 'A VPC with nat64 is attached to the Transit Gateway (its NAT path).',
  check: (index) =>
    nat64Vpcs(index)
      .filter((entry) => entry.vpc.attachToTransitGateway === false)
      .map((entry) =>
        problemAt(
          entry.source,
          [...entry.path, 'nat64'],
          'has no NAT path: the VPC is not attached to the Transit Gateway',
          'attach it, or drop nat64',
        ),
      ),
};

function nat64EgressProblems(entry: VpcEntry): ConfigProblem[] {
  const hub = entry.environment.config.networkHub;
  const egressVpc = hub.egress ? hub.vpcs[hub.egress.vpc] : undefined;
  if (!hub.egress) {
    return [
      problemAt(
        entry.source,
        [...entry.path, 'nat64'],
        'has no NAT path: the environment has no central egress',
        'add networkHub.egress with NAT gateways, or drop nat64',
      ),
    ];
  }
  if (egressVpc && !vpcIpv6(egressVpc, entry.environment.config)) {
    return [
      problemAt(
        entry.source,
        [...entry.path, 'nat64'],
        `has no NAT path for IPv6: the egress VPC ${hub.egress.vpc} is IPv4-only`,
        `set ipv6: true on networkHub.vpcs.${hub.egress.vpc}`,
      ),
    ];
  }
  return [];
}

function ipv6OnlyTiers(index: ConfigIndex) {
  return index.vpcs.flatMap((entry) =>
    Object.entries(vpcTiers(entry.vpc))
      .filter(([, settings]) => settings.ipv6Only)
      .map(([tier, settings]) => ({ entry, tier, prefixLength: settings.prefixLength, path: [...entry.path, 'subnets', tier] })),
  );
}

function nat64Vpcs(index: ConfigIndex): VpcEntry[] {
  return index.vpcs.filter((entry) => entry.vpc.nat64);
}
