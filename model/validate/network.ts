import { Ipv4Cidr } from '../cidr';
import { accountSegment, hubSegments, vpcZones } from '../defaults';
import type { ParsedConfig, ParsedEnvironment } from '../parsed-config';
import type { ConfigProblem } from '../problems';
import { joinPath } from '../problems';
import { knownZones, zoneBelongsToRegion } from '../regions';
import type { VpcConfig } from '../schema';
import { planSubnets } from '../subnets';
import { problemAt, type SourceFile } from '../yaml-source';
import { chooseFrom } from './references';

interface VpcEntry {
  readonly source: SourceFile;
  readonly path: readonly string[];
  readonly environment: ParsedEnvironment;
  readonly vpc: VpcConfig;
  readonly segment: string;
}

/** Network rules: regions and AZs resolve, CIDRs nest and never overlap, subnets fit, segments exist. */
export function validateNetwork(parsed: ParsedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const vpcs = parsed.environments.flatMap(vpcEntries);
  if (parsed.org) problems.push(...checkRegions(parsed));
  for (const environment of parsed.environments) {
    problems.push(
      ...checkZones(environment.source, ['availabilityZones'], environment.config.availabilityZones, environment.config.region),
    );
    problems.push(...checkSegments(environment));
  }
  problems.push(...checkEnvironmentRanges(parsed.environments));
  for (const entry of vpcs) {
    if (entry.vpc.availabilityZones) {
      problems.push(
        ...checkZones(entry.source, [...entry.path, 'availabilityZones'], entry.vpc.availabilityZones, entry.environment.config.region),
      );
    }
    problems.push(...checkContainment(entry), ...checkSubnetsFit(entry));
  }
  problems.push(...checkOverlaps(vpcs));
  return problems;
}

function vpcEntries(environment: ParsedEnvironment): VpcEntry[] {
  const { config, source } = environment;
  const hub = Object.entries(config.networkHub.vpcs).map(([name, vpc]) => ({
    source,
    environment,
    vpc,
    segment: vpc.segment,
    path: ['networkHub', 'vpcs', name],
  }));
  const spokes = Object.entries(config.accounts).flatMap(([name, account]) =>
    account.vpc
      ? [{ source, environment, vpc: account.vpc, segment: accountSegment(account, config), path: ['accounts', name, 'vpc'] }]
      : [],
  );
  return [...hub, ...spokes];
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
  for (const environment of parsed.environments) {
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

function checkSegments(environment: ParsedEnvironment): ConfigProblem[] {
  const { config, source } = environment;
  const segments = hubSegments(config);
  const problems: ConfigProblem[] = [];
  const unknown = (path: readonly (string | number)[], segment: string) =>
    problemAt(
      source,
      path,
      `"${segment}" is not a segment of this environment's network hub`,
      `${chooseFrom(segments, segment, 'segment')}, or add it to networkHub.segments`,
    );
  segments.forEach((segment, index) => {
    if (segments.indexOf(segment) !== index)
      problems.push(problemAt(source, ['networkHub', 'segments', index], `lists ${segment} twice`, 'list each segment once'));
  });
  for (const [name, account] of Object.entries(config.accounts)) {
    if (!account.vpc) continue;
    const segment = accountSegment(account, config);
    if (!segments.includes(segment)) problems.push(unknown(account.segment ? ['accounts', name, 'segment'] : ['segment'], segment));
  }
  for (const [name, vpc] of Object.entries(config.networkHub.vpcs)) {
    if (!segments.includes(vpc.segment)) problems.push(unknown(['networkHub', 'vpcs', name, 'segment'], vpc.segment));
  }
  return dedupe(problems);
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

function checkContainment(entry: VpcEntry): ConfigProblem[] {
  const range = entry.environment.config.cidr;
  if (Ipv4Cidr.of(range).contains(Ipv4Cidr.of(entry.vpc.cidr))) return [];
  return [
    problemAt(
      entry.source,
      [...entry.path, 'cidr'],
      `${entry.vpc.cidr} is outside the environment's range ${range}`,
      `choose a block inside ${range}, or widen cidr at the top of ${entry.source.file}`,
    ),
  ];
}

function checkSubnetsFit(entry: VpcEntry): ConfigProblem[] {
  const zones = vpcZones(entry.vpc, entry.environment.config);
  const plan = planSubnets(entry.vpc.cidr, zones, entry.vpc.subnets);
  if (plan.fits) return [];
  const tiers = Object.entries(entry.vpc.subnets)
    .map(([tier, prefix]) => `${tier} /${prefix}`)
    .join(', ');
  return [
    problemAt(
      entry.source,
      [...entry.path, 'subnets'],
      `need ${plan.needed} addresses (${zones.length} AZs × ${tiers}) but ${entry.vpc.cidr} holds ${plan.available}`,
      'use a larger VPC block, smaller subnets (a higher prefix length) or fewer AZs',
    ),
  ];
}

function checkOverlaps(vpcs: readonly VpcEntry[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  vpcs.forEach((entry, index) => {
    for (const earlier of vpcs.slice(0, index)) {
      if (!Ipv4Cidr.of(entry.vpc.cidr).overlaps(Ipv4Cidr.of(earlier.vpc.cidr))) continue;
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

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(`${problem.file}|${problem.path}`) && seen.add(`${problem.file}|${problem.path}`));
}
