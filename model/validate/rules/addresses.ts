import { Ipv4Cidr } from '../../cidr';
import { ipv4PrefixLengths, vpcTiers, vpcZones } from '../../defaults';
import { joinPath } from '../../problems';
import { planSubnets } from '../../subnets';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import { blockStatus } from './vpc-blocks';

/* Address rules: environment ranges and VPC blocks nest and never overlap, and subnets fit. */

export const environmentInIpamPool: ConfigRule = {
  id: 'addresses/environment-in-ipam-pool',
  description: "With IPAM, every environment's cidr lies inside network.ipam.cidr.",
  check: ({ org, environments }) => {
    const ipam = org?.config.network.ipam;
    if (!org || !ipam) return [];
    return environments
      .filter((environment) => !Ipv4Cidr.of(ipam.cidr).contains(Ipv4Cidr.of(environment.config.cidr)))
      .map((environment) =>
        problemAt(
          environment.source,
          ['cidr'],
          `${environment.config.cidr} does not fit the IPAM pool ${ipam.cidr} of ${org.source.file}`,
          'choose a range inside network.ipam.cidr, or widen it',
        ),
      );
  },
};

export const environmentRangesDisjoint: ConfigRule = {
  id: 'addresses/environment-ranges-disjoint',
  description: 'No two environments have overlapping ranges.',
  check: ({ environments }) =>
    environments.flatMap((environment, position) =>
      environments
        .slice(0, position)
        .filter((earlier) => Ipv4Cidr.of(environment.config.cidr).overlaps(Ipv4Cidr.of(earlier.config.cidr)))
        .map((earlier) =>
          problemAt(
            environment.source,
            ['cidr'],
            `${environment.config.cidr} overlaps the range of ${earlier.source.file} (${earlier.config.cidr})`,
            'give each environment its own address range',
          ),
        ),
    ),
};

export const vpcHasOneBlock: ConfigRule = {
  id: 'addresses/vpc-has-one-block',
  description: 'Every VPC has exactly one of cidr and ipamNetmask.',
  check: (index) =>
    index.vpcs
      .filter((entry) => blockStatus(index, entry).kind === 'not-exactly-one')
      .map((entry) =>
        problemAt(
          entry.source,
          entry.path,
          'needs exactly one of cidr and ipamNetmask',
          'give the VPC a cidr, or an ipamNetmask to take a block from IPAM',
        ),
      ),
};

export const vpcInsideEnvironment: ConfigRule = {
  id: 'addresses/vpc-inside-environment',
  description: "Every VPC's cidr lies inside its environment's range.",
  check: (index) =>
    index.vpcs
      .filter((entry) => blockStatus(index, entry).kind === 'outside-environment')
      .map(({ source, path, vpc, environment }) =>
        problemAt(
          source,
          [...path, 'cidr'],
          `${vpc.cidr} is outside the environment's range ${environment.config.cidr}`,
          `choose a block inside ${environment.config.cidr}, or widen cidr at the top of ${source.file}`,
        ),
      ),
};

export const subnetsFit: ConfigRule = {
  id: 'addresses/subnets-fit',
  description: "A VPC's block holds one subnet per tier and availability zone at the configured sizes.",
  check: (index) =>
    index.vpcs.flatMap((entry) => {
      const status = blockStatus(index, entry);
      if (status.kind !== 'ok') return [];
      const zones = vpcZones(entry.vpc, entry.environment.config);
      const prefixLengths = ipv4PrefixLengths(entry.vpc);
      const plan = planSubnets(status.block, zones, prefixLengths);
      if (plan.fits) return [];
      const fromIpam = entry.vpc.cidr === undefined;
      const tiers = Object.entries(prefixLengths)
        .map(([tier, prefix]) => `${tier} /${prefix}`)
        .join(', ');
      const block = fromIpam ? `a /${entry.vpc.ipamNetmask}` : status.block;
      return [
        problemAt(
          entry.source,
          [...entry.path, fromIpam ? 'ipamNetmask' : 'subnets'],
          `need ${plan.needed} addresses (${zones.length} AZs × ${tiers}) but ${block} holds ${plan.available}`,
          'use a larger VPC block, smaller subnets (a higher prefix length) or fewer AZs',
        ),
      ];
    }),
};

export const tiersHaveAddresses: ConfigRule = {
  id: 'addresses/tiers-have-addresses',
  description: 'A tier written as options gives a prefixLength or ipv6Only: true; `{}` would silently drop its subnets, routes and NACL.',
  check: ({ vpcs }) =>
    vpcs.flatMap(({ source, path, vpc }) =>
      Object.entries(vpcTiers(vpc))
        .filter(([, settings]) => !settings.ipv6Only && settings.prefixLength === undefined)
        .map(([tier]) =>
          problemAt(
            source,
            [...path, 'subnets', tier],
            'gives neither prefixLength nor ipv6Only, so the tier would get no subnets',
            `give a prefix length (e.g. ${tier}: 24), set ipv6Only: true, or remove the tier`,
          ),
        ),
    ),
};

export const vpcBlocksDisjoint: ConfigRule = {
  id: 'addresses/vpc-blocks-disjoint',
  description: 'No two VPCs of the organization have overlapping cidr blocks.',
  check: ({ vpcs }) => {
    const withBlocks = vpcs.filter((entry) => entry.vpc.cidr !== undefined);
    return withBlocks.flatMap((entry, position) =>
      withBlocks
        .slice(0, position)
        .filter((earlier) => Ipv4Cidr.of(entry.vpc.cidr!).overlaps(Ipv4Cidr.of(earlier.vpc.cidr!)))
        .map((earlier) => {
          const file = earlier.source.file === entry.source.file ? '' : `${earlier.source.file} `;
          return problemAt(
            entry.source,
            [...entry.path, 'cidr'],
            `${entry.vpc.cidr} overlaps ${file}${joinPath([...earlier.path, 'cidr'])} ${earlier.vpc.cidr}`,
            'give each VPC its own range',
          );
        }),
    );
  },
};
