import { Ipv4Cidr } from '../cidr';
import { segmentsConnect, vpcTiers } from '../defaults';
import type { ParsedConfig, ParsedEnvironment } from '../parsed-config';
import { uniqueBy, type ConfigProblem } from '../problems';
import { problemAt } from '../yaml-source';
import { chooseFrom } from './references';
import { allVpcEntries, findVpc, type VpcEntry } from './vpc-entries';

/** Peering rules: both sides resolve, do not overlap, do not already meet at the TGW, and expect no transit. */
export function validatePeerings(parsed: ParsedConfig): ConfigProblem[] {
  const entries = allVpcEntries(parsed);
  return parsed.environments.flatMap((environment) =>
    Object.entries(environment.config.peerings).flatMap(([name, peering]) => {
      const path = ['peerings', name];
      const resolve = (side: 'requester' | 'accepter'): VpcEntry | ConfigProblem => {
        const reference = peering[side];
        const found = findVpc(entries, reference, environment);
        if (found) return found;
        const options = entries.filter((entry) => entry.environment.name === environment.name).map((entry) => entry.name);
        return problemAt(
          environment.source,
          [...path, side],
          `"${reference}" is not a VPC of the organization`,
          `${chooseFrom(options, reference, 'VPC')}, or <environment>/<name> for another environment`,
        );
      };
      const requester = resolve('requester');
      const accepter = resolve('accepter');
      const unresolved = [requester, accepter].filter((side): side is ConfigProblem => 'message' in side);
      if (unresolved.length > 0) return unresolved;
      return checkPair(environment, path, requester as VpcEntry, accepter as VpcEntry, peering.routeTiers, peering.destinations);
    }),
  );
}

function checkPair(
  environment: ParsedEnvironment,
  path: readonly string[],
  requester: VpcEntry,
  accepter: VpcEntry,
  routeTiers: readonly string[],
  destinations: readonly string[] | undefined,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (suffix: readonly (string | number)[], message: string, fix: string) =>
    problemAt(environment.source, [...path, ...suffix], message, fix);
  if (requester.environment.name !== environment.name) {
    problems.push(
      at(
        ['requester'],
        'must be a VPC of this environment',
        `move the peering to ${requester.source.file}, or swap requester and accepter`,
      ),
    );
  }
  if (requester === accepter) return [...problems, at(['accepter'], 'is the requester itself', 'peer two different VPCs')];
  for (const [side, entry] of [
    ['requester', requester],
    ['accepter', accepter],
  ] as const) {
    if (entry.role !== 'workload') {
      problems.push(
        at(
          [side],
          `is the hub VPC ${entry.name}; peerings join spoke VPCs`,
          'reach hub VPCs through the Transit Gateway, or peer two spoke accounts',
        ),
      );
    }
  }
  const [a, b] = [requester.vpc.cidr, accepter.vpc.cidr];
  if (a && b && Ipv4Cidr.of(a).overlaps(Ipv4Cidr.of(b))) {
    problems.push(
      at(
        [],
        `peers ${requester.name} ${a} with ${accepter.name} ${b}, which overlap`,
        'peered VPCs must not overlap; renumber one of them',
      ),
    );
  }
  if (meetAtTransitGateway(requester, accepter)) {
    problems.push(
      at(
        [],
        `peers ${requester.name} and ${accepter.name}, which already reach each other through the Transit Gateway`,
        'remove the peering, or set attachToTransitGateway: false on one of them',
      ),
    );
  }
  for (const tier of routeTiers) {
    for (const side of [requester, accepter]) {
      if (!(tier in vpcTiers(side.vpc)))
        problems.push(at(['routeTiers'], `names the ${tier} tier, which ${side.name} does not have`, `use tiers both VPCs have`));
    }
  }
  (destinations ?? []).forEach((destination, index) => {
    const peerBlock = accepter.vpc.cidr;
    if (peerBlock && Ipv4Cidr.of(peerBlock).contains(Ipv4Cidr.of(destination))) return;
    problems.push(
      at(
        ['destinations', index],
        `${destination} is not inside ${accepter.name}'s own block ${peerBlock ?? '(from IPAM)'}: peering is not transitive, so ${requester.name} can never reach it through ${accepter.name}`,
        'peer with that VPC directly, or reach it through the Transit Gateway',
      ),
    );
  });
  return uniqueBy(problems, (problem) => problem.message);
}

/** Two VPCs attached to the same hub in segments that connect already have a path. */
function meetAtTransitGateway(a: VpcEntry, b: VpcEntry): boolean {
  if (a.environment.name !== b.environment.name) return false;
  if (a.vpc.attachToTransitGateway === false || b.vpc.attachToTransitGateway === false) return false;
  if (a.role !== 'workload' && a.role !== 'shared-services') return false;
  if (b.role !== 'workload' && b.role !== 'shared-services') return false;
  return segmentsConnect(a.environment.config, a.segment, b.segment);
}
