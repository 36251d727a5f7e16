import { Ipv4Cidr } from '../cidr';
import { ipv4PrefixLengths, vpcZones } from '../defaults';
import type { ParsedConfig, ParsedEnvironment } from '../parsed-config';
import type { ConfigProblem } from '../problems';
import { joinPath } from '../problems';
import { knownZones, zoneBelongsToRegion } from '../regions';
import { planSubnets } from '../subnets';
import { problemAt, type SourceFile } from '../yaml-source';
import { chooseFrom } from './references';
import { allVpcEntries, type VpcEntry } from './vpc-entries';

/** Address rules: regions and AZs resolve, CIDRs nest and never overlap, subnets fit, IPAM sizes fit. */
export function validateNetwork(parsed: ParsedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const vpcs = allVpcEntries(parsed);
  if (parsed.org) problems.push(...checkRegions(parsed));
  for (const environment of parsed.environments) {
    problems.push(
      ...checkZones(environment.source, ['availabilityZones'], environment.config.availabilityZones, environment.config.region),
    );
  }
  problems.push(...checkEnvironmentRanges(parsed.environments));
  const ipamFits = new Map(
    parsed.environments.flatMap((environment) => simulateIpamAllocations(vpcs.filter((entry) => entry.environment === environment))),
  );
  for (const entry of vpcs) {
    if (entry.vpc.availabilityZones) {
      problems.push(
        ...checkZones(entry.source, [...entry.path, 'availabilityZones'], entry.vpc.availabilityZones, entry.environment.config.region),
      );
    }
    problems.push(...checkBlock(entry, parsed, ipamFits.get(entry) ?? true));
  }
  problems.push(...checkOverlaps(vpcs));
  return problems;
}

function checkRegions(parsed: ParsedConfig): ConfigProblem[] {
  const org = parsed.org!;
  const allowed = org.config.organization.allowedRegions;
  const problems: ConfigProblem[] = [];
  if (!allowed.includes(org.config.organization.homeRegion)) {
    problems.push(
      problemAt(
        org.source,
        ['organization', 'homeRegion'],
        `${org.config.organization.homeRegion} is not in organization.allowedRegions`,
        'add it to allowedRegions',
      ),
    );
  }
  const ipam = org.config.network.ipam;
  for (const environment of parsed.environments) {
    if (ipam && !Ipv4Cidr.of(ipam.cidr).contains(Ipv4Cidr.of(environment.config.cidr))) {
      problems.push(
        problemAt(
          environment.source,
          ['cidr'],
          `${environment.config.cidr} does not fit the IPAM pool ${ipam.cidr} of ${org.source.file}`,
          'choose a range inside network.ipam.cidr, or widen it',
        ),
      );
    }
    const region = environment.config.region;
    if (!allowed.includes(region)) {
      problems.push(
        problemAt(
          environment.source,
          ['region'],
          `${region} is not in organization.allowedRegions of ${org.source.file}`,
          `add it there or ${chooseFrom(allowed, region, 'region')}`,
        ),
      );
    }
  }
  return problems;
}

function checkZones(source: SourceFile, path: readonly (string | number)[], zones: readonly string[], region: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  zones.forEach((zone, index) => {
    if (!zoneBelongsToRegion(zone, region)) {
      const known = knownZones(region);
      problems.push(
        problemAt(
          source,
          [...path, index],
          `${zone} is not an availability zone of ${region}`,
          known ? chooseFrom(known, zone, 'zone') : `use ${region} followed by a zone letter, e.g. ${region}a`,
        ),
      );
    } else if (zones.indexOf(zone) !== index) {
      problems.push(problemAt(source, [...path, index], `lists ${zone} twice`, 'list each availability zone once'));
    }
  });
  return problems;
}

function checkEnvironmentRanges(environments: readonly ParsedEnvironment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  environments.forEach((environment, index) => {
    for (const earlier of environments.slice(0, index)) {
      if (Ipv4Cidr.of(environment.config.cidr).overlaps(Ipv4Cidr.of(earlier.config.cidr))) {
        problems.push(
          problemAt(
            environment.source,
            ['cidr'],
            `${environment.config.cidr} overlaps the range of ${earlier.source.file} (${earlier.config.cidr})`,
            'give each environment its own address range',
          ),
        );
      }
    }
  });
  return problems;
}

/** The VPC's block: exactly one of cidr and ipamNetmask, inside the environment, big enough for its subnets. */
function checkBlock(entry: VpcEntry, parsed: ParsedConfig, fitsPool: boolean): ConfigProblem[] {
  const { vpc, source, path } = entry;
  const range = entry.environment.config.cidr;
  if ((vpc.cidr === undefined) === (vpc.ipamNetmask === undefined)) {
    return [
      problemAt(
        source,
        path,
        'needs exactly one of cidr and ipamNetmask',
        'give the VPC a cidr, or an ipamNetmask to take a block from IPAM',
      ),
    ];
  }
  if (vpc.ipamNetmask !== undefined) {
    const problems = checkIpamNetmask(entry, parsed, fitsPool);
    return problems.length > 0 ? problems : checkSubnetsFit(entry, `0.0.0.0/${vpc.ipamNetmask}`, ['ipamNetmask']);
  }
  if (!Ipv4Cidr.of(range).contains(Ipv4Cidr.of(vpc.cidr!))) {
    return [
      problemAt(
        source,
        [...path, 'cidr'],
        `${vpc.cidr} is outside the environment's range ${range}`,
        `choose a block inside ${range}, or widen cidr at the top of ${source.file}`,
      ),
    ];
  }
  return checkSubnetsFit(entry, vpc.cidr!, ['subnets']);
}

function checkIpamNetmask(entry: VpcEntry, parsed: ParsedConfig, fitsPool: boolean): ConfigProblem[] {
  const ipam = parsed.org?.config.network.ipam;
  const netmask = entry.vpc.ipamNetmask!;
  const path = [...entry.path, 'ipamNetmask'];
  if (parsed.org && !ipam) {
    return [
      problemAt(
        entry.source,
        path,
        'needs IPAM, which is not configured',
        `add network.ipam to ${parsed.org.source.file}, or give the VPC a cidr`,
      ),
    ];
  }
  const pool = Ipv4Cidr.of(entry.environment.config.cidr);
  if (netmask < pool.prefixLength) {
    return [
      problemAt(
        entry.source,
        path,
        `/${netmask} does not fit the environment's IPAM pool ${entry.environment.config.cidr}`,
        `use a netmask of /${pool.prefixLength} or longer`,
      ),
    ];
  }
  if (!fitsPool) {
    return [
      problemAt(
        entry.source,
        path,
        `/${netmask} does not fit the environment's IPAM pool ${entry.environment.config.cidr}: no free block of that size is left beside the VPCs with fixed blocks`,
        'use a smaller block (a higher netmask), or free space in the range',
      ),
    ];
  }
  return [];
}

/**
 * Allocates the environment's IPAM VPCs, in name order, around the VPCs with fixed blocks (the
 * IPAM stack reserves those), the way IPAM hands out the first free aligned block.
 */
function simulateIpamAllocations(entries: readonly VpcEntry[]): [VpcEntry, boolean][] {
  const occupied = entries
    .filter((entry) => entry.vpc.cidr && !('error' in Ipv4Cidr.parse(entry.vpc.cidr)))
    .map((entry) => Ipv4Cidr.of(entry.vpc.cidr!));
  const pool = entries[0] ? Ipv4Cidr.parse(entries[0].environment.config.cidr) : { error: 'no entries' };
  if ('error' in pool) return [];
  const ipamEntries = entries.filter((entry) => entry.vpc.ipamNetmask !== undefined && entry.vpc.ipamNetmask >= pool.prefixLength);
  return [...ipamEntries]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => {
      const size = 2 ** (32 - entry.vpc.ipamNetmask!);
      for (let offset = 0; offset < pool.size; offset += size) {
        const candidate = pool.blockAt(offset, entry.vpc.ipamNetmask!);
        if (occupied.every((block) => !block.overlaps(candidate))) {
          occupied.push(candidate);
          return [entry, true];
        }
      }
      return [entry, false];
    });
}

function checkSubnetsFit(entry: VpcEntry, block: string, reportAt: readonly string[]): ConfigProblem[] {
  const zones = vpcZones(entry.vpc, entry.environment.config);
  const prefixLengths = ipv4PrefixLengths(entry.vpc);
  const plan = planSubnets(block, zones, prefixLengths);
  if (plan.fits) return [];
  const tiers = Object.entries(prefixLengths)
    .map(([tier, prefix]) => `${tier} /${prefix}`)
    .join(', ');
  const path = reportAt[0] === 'subnets' ? [...entry.path, 'subnets'] : [...entry.path, ...reportAt];
  return [
    problemAt(
      entry.source,
      path,
      `need ${plan.needed} addresses (${zones.length} AZs × ${tiers}) but ${block.startsWith('0.0.0.0/') ? `a /${block.split('/')[1]}` : block} holds ${plan.available}`,
      'use a larger VPC block, smaller subnets (a higher prefix length) or fewer AZs',
    ),
  ];
}

function checkOverlaps(vpcs: readonly VpcEntry[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const withBlocks = vpcs.filter((entry) => entry.vpc.cidr !== undefined && !('error' in Ipv4Cidr.parse(entry.vpc.cidr)));
  withBlocks.forEach((entry, index) => {
    for (const earlier of withBlocks.slice(0, index)) {
      if (!Ipv4Cidr.of(entry.vpc.cidr!).overlaps(Ipv4Cidr.of(earlier.vpc.cidr!))) continue;
      const file = earlier.source.file === entry.source.file ? '' : `${earlier.source.file} `;
      problems.push(
        problemAt(
          entry.source,
          [...entry.path, 'cidr'],
          `${entry.vpc.cidr} overlaps ${file}${joinPath([...earlier.path, 'cidr'])} ${earlier.vpc.cidr}`,
          'give each VPC its own range',
        ),
      );
    }
  });
  return problems;
}
