import { Ipv4Cidr } from '../../cidr';
import { segmentsConnect, vpcTiers } from '../../defaults';
import { uniqueBy, type ConfigProblem } from '../../problems';
import { attachesToHub } from '../../vpc-roles';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex, PeeringEntry, VpcEntry } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/* Peering rules: both sides resolve to two spoke VPCs that do not overlap, do not already meet at the TGW, and expect no transit. */

export const peeringSidesExist: ConfigRule = {
  id: 'peering/sides-exist',
  description: 'requester and accepter each name a VPC of the organization.',
  check: (index) =>
    index.peerings.flatMap((entry) =>
      (['requester', 'accepter'] as const).flatMap((side) => {
        const reference = entry.peering[side];
        if (entry[side] || index.mayBeUnparsedVpc(reference, entry.environment)) return [];
        const options = index.vpcsOf(entry.environment).map((vpc) => vpc.name);
        return [
          problemAt(
            entry.environment.source,
            [...entry.path, side],
            `"${reference}" is not a VPC of the organization`,
            `${chooseFrom(options, reference, 'VPC')}, or <environment>/<name> for another environment`,
          ),
        ];
      }),
    ),
};

export const requesterInEnvironment: ConfigRule = {
  id: 'peering/requester-in-environment',
  description: "The requester is a VPC of the peering's own environment.",
  check: (index) =>
    resolvedPairs(index)
      .filter(({ entry, requester }) => requester.environment.name !== entry.environment.name)
      .map(({ entry, requester }) =>
        at(
          entry,
          ['requester'],
          'must be a VPC of this environment',
          `move the peering to ${requester.source.file}, or swap requester and accepter`,
        ),
      ),
};

export const distinctSides: ConfigRule = {
  id: 'peering/distinct-sides',
  description: 'A peering joins two different VPCs.',
  check: (index) =>
    resolvedPairs(index)
      .filter(({ requester, accepter }) => requester === accepter)
      .map(({ entry }) => at(entry, ['accepter'], 'is the requester itself', 'peer two different VPCs')),
};

export const spokeSidesOnly: ConfigRule = {
  id: 'peering/spoke-sides-only',
  description: 'Both sides are spoke VPCs; hub VPCs are reached through the Transit Gateway.',
  check: (index) =>
    distinctPairs(index).flatMap(({ entry, requester, accepter }) =>
      [['requester', requester] as const, ['accepter', accepter] as const]
        .filter(([, side]) => side.role !== 'workload')
        .map(([key, side]) =>
          at(
            entry,
            [key],
            `is the hub VPC ${side.name}; peerings join spoke VPCs`,
            'reach hub VPCs through the Transit Gateway, or peer two spoke accounts',
          ),
        ),
    ),
};

export const peeredBlocksDisjoint: ConfigRule = {
  id: 'peering/blocks-disjoint',
  description: 'Peered VPCs do not overlap.',
  check: (index) =>
    distinctPairs(index)
      .filter(({ requester: { vpc: a }, accepter: { vpc: b } }) => a.cidr && b.cidr && Ipv4Cidr.of(a.cidr).overlaps(Ipv4Cidr.of(b.cidr)))
      .map(({ entry, requester, accepter }) =>
        at(
          entry,
          [],
          `peers ${requester.name} ${requester.vpc.cidr} with ${accepter.name} ${accepter.vpc.cidr}, which overlap`,
          'peered VPCs must not overlap; renumber one of them',
        ),
      ),
};

export const notAlreadyConnected: ConfigRule = {
  id: 'peering/not-already-connected',
  description: 'Peered VPCs do not already reach each other through the Transit Gateway.',
  check: (index) =>
    distinctPairs(index)
      .filter(({ requester, accepter }) => meetAtTransitGateway(requester, accepter))
      .map(({ entry, requester, accepter }) =>
        at(
          entry,
          [],
          `peers ${requester.name} and ${accepter.name}, which already reach each other through the Transit Gateway`,
          'remove the peering, or set attachToTransitGateway: false on one of them',
        ),
      ),
};

export const routeTiersExist: ConfigRule = {
  id: 'peering/route-tiers-exist',
  description: 'Every tier in routeTiers exists in both VPCs.',
  check: (index) =>
    distinctPairs(index).flatMap(({ entry, requester, accepter }) => {
      const problems = entry.peering.routeTiers.flatMap((tier) =>
        [requester, accepter]
          .filter((side) => !(tier in vpcTiers(side.vpc)))
          .map((side) => at(entry, ['routeTiers'], `names the ${tier} tier, which ${side.name} does not have`, 'use tiers both VPCs have')),
      );
      return uniqueBy(problems, (problem) => problem.message);
    }),
};

export const destinationsInsidePeer: ConfigRule = {
  id: 'peering/destinations-inside-peer',
  description: "Every destination lies inside the accepter's own block: peering is not transitive.",
  check: (index) =>
    distinctPairs(index).flatMap(({ entry, requester, accepter }) =>
      (entry.peering.destinations ?? []).flatMap((destination, position) => {
        const peerBlock = accepter.vpc.cidr;
        if (peerBlock && Ipv4Cidr.of(peerBlock).contains(Ipv4Cidr.of(destination))) return [];
        return [
          at(
            entry,
            ['destinations', position],
            `${destination} is not inside ${accepter.name}'s own block ${peerBlock ?? '(from IPAM)'}: peering is not transitive, so ${requester.name} can never reach it through ${accepter.name}`,
            'peer with that VPC directly, or reach it through the Transit Gateway',
          ),
        ];
      }),
    ),
};

export const uniquePairs: ConfigRule = {
  id: 'peering/unique-pairs',
  description: 'Two VPCs are peered once: not under two names, and not once each way.',
  check: (index) => {
    const firstByPair = new Map<string, ResolvedPair>();
    return distinctPairs(index).flatMap((pair) => {
      const key = [pair.requester, pair.accepter]
        .map((side) => `${side.environment.name}/${side.name}`)
        .sort()
        .join(' ');
      const first = firstByPair.get(key);
      if (!first) {
        firstByPair.set(key, pair);
        return [];
      }
      const file =
        first.entry.environment.source.file === pair.entry.environment.source.file ? '' : `${first.entry.environment.source.file} `;
      return [
        at(
          pair.entry,
          [],
          `peers ${pair.requester.name} and ${pair.accepter.name}, which ${file}peerings.${first.entry.name} already peers`,
          'keep one peering per pair of VPCs; remove this one',
        ),
      ];
    });
  },
};

export const fixedBlocks: ConfigRule = {
  id: 'peering/fixed-blocks',
  description: 'Both peered VPCs have a fixed cidr: routes and NACL rules toward the peer need its block before IPAM allocates it.',
  check: (index) =>
    distinctPairs(index).flatMap(({ entry, requester, accepter }) =>
      [['requester', requester] as const, ['accepter', accepter] as const]
        .filter(([, side]) => side.vpc.cidr === undefined)
        .map(([key, side]) =>
          at(
            entry,
            [key],
            `is ${side.name}, whose block comes from IPAM and is not known until it is allocated`,
            `give ${side.name} a fixed cidr to peer it, or reach it through the Transit Gateway`,
          ),
        ),
    ),
};

export const uniqueNamesPerVpc: ConfigRule = {
  id: 'peering/unique-names-per-vpc',
  description:
    "The peerings one VPC takes part in have different names, across environments too (the spoke's NACL ranges are named by peering).",
  check: (index) => {
    const seen = new Map<VpcEntry, Map<string, PeeringEntry>>();
    return distinctPairs(index).flatMap(({ entry, requester, accepter }) =>
      [requester, accepter].flatMap((side) => {
        const names = seen.get(side) ?? new Map<string, PeeringEntry>();
        seen.set(side, names);
        const earlier = names.get(entry.name);
        if (!earlier) {
          names.set(entry.name, entry);
          return [];
        }
        if (earlier === entry) return [];
        return [
          at(
            entry,
            [],
            `is a second peering of ${side.name} named ${entry.name} (${earlier.environment.source.file} has the other)`,
            'rename one of the peerings',
          ),
        ];
      }),
    );
  },
};

interface ResolvedPair {
  readonly entry: PeeringEntry;
  readonly requester: VpcEntry;
  readonly accepter: VpcEntry;
}

function resolvedPairs(index: ConfigIndex): ResolvedPair[] {
  return index.peerings.flatMap((entry) =>
    entry.requester && entry.accepter ? [{ entry, requester: entry.requester, accepter: entry.accepter }] : [],
  );
}

/** Pairs of two different VPCs: the other pair rules say nothing about a VPC peered with itself. */
function distinctPairs(index: ConfigIndex): ResolvedPair[] {
  return resolvedPairs(index).filter(({ requester, accepter }) => requester !== accepter);
}

function at(entry: PeeringEntry, suffix: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  return problemAt(entry.environment.source, [...entry.path, ...suffix], message, fix);
}

/** Two VPCs attached to the same hub in segments that connect already have a path. */
function meetAtTransitGateway(a: VpcEntry, b: VpcEntry): boolean {
  if (a.environment.name !== b.environment.name) return false;
  if (a.vpc.attachToTransitGateway === false || b.vpc.attachToTransitGateway === false) return false;
  if (!attachesToHub(a.role) || !attachesToHub(b.role)) return false;
  return segmentsConnect(a.environment.config, a.segment, b.segment);
}
