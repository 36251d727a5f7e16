import { EGRESS_SEGMENT, INSPECTION_SEGMENT, vpcTiers } from '../../defaults';
import { uniqueBy, type ConfigProblem } from '../../problems';
import { attachesToHub, ISOLATED_SEGMENT_PAIRS } from '../../vpc-roles';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex, VpcEntry } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/* Hub rules: segments exist and stay apart, egress/inspection/endpoint VPCs have the right role and tiers. */

export const segmentsListedOnce: ConfigRule = {
  id: 'hub/segments-listed-once',
  description: 'networkHub.segments names each segment once.',
  check: (index) =>
    index.environments.flatMap((environment) => {
      const segments = index.segmentsOf(environment);
      return segments.flatMap((segment, position) =>
        segments.indexOf(segment) !== position
          ? [problemAt(environment.source, ['networkHub', 'segments', position], `lists ${segment} twice`, 'list each segment once')]
          : [],
      );
    }),
};

export const segmentNamesNotReserved: ConfigRule = {
  id: 'hub/segment-names-not-reserved',
  description: `No workload segment is named like the hub's own route tables (${EGRESS_SEGMENT}, ${INSPECTION_SEGMENT}).`,
  check: (index) =>
    index.environments.flatMap((environment) =>
      (environment.config.networkHub.segments ?? []).flatMap((segment, position) =>
        segment === EGRESS_SEGMENT || segment === INSPECTION_SEGMENT
          ? [
              problemAt(
                environment.source,
                ['networkHub', 'segments', position],
                `names the segment ${segment}, the name of the hub's own ${segment} route table`,
                'choose another name for this segment',
              ),
            ]
          : [],
      ),
    ),
};

export const segmentsExist: ConfigRule = {
  id: 'hub/segments-exist',
  description: "Every attached VPC's segment and every networkHub.connect side is a segment of the hub.",
  check: (index) =>
    index.environments.flatMap((environment) => {
      const segments = index.segmentsOf(environment);
      const unknown = (path: readonly (string | number)[], segment: string) =>
        problemAt(
          environment.source,
          path,
          `"${segment}" is not a segment of this environment's network hub`,
          `${chooseFrom(segments, segment, 'segment')}, or add it to networkHub.segments`,
        );
      const fromVpcs = index
        .vpcsOf(environment)
        .filter((entry) => attachesToHub(entry.role) && !segments.includes(entry.segment))
        .map((entry) => unknown(segmentPath(entry), entry.segment));
      const fromConnect = environment.config.networkHub.connect.flatMap((pair, position) =>
        pair.flatMap((segment, side) => (segments.includes(segment) ? [] : [unknown(['networkHub', 'connect', position, side], segment)])),
      );
      return uniqueBy([...fromVpcs, ...fromConnect], (problem) => `${problem.file}|${problem.path}`);
    }),
};

export const isolatedSegmentsApart: ConfigRule = {
  id: 'hub/isolated-segments-apart',
  description: `networkHub.connect never pairs segments that must stay apart (${ISOLATED_SEGMENT_PAIRS.map((pair) => pair.join(' and ')).join('; ')}).`,
  check: ({ environments }) =>
    environments.flatMap(({ source, config }) =>
      config.networkHub.connect.flatMap((pair, position) =>
        ISOLATED_SEGMENT_PAIRS.filter(([a, b]) => pair.includes(a) && pair.includes(b)).map(([a, b]) =>
          problemAt(
            source,
            ['networkHub', 'connect', position],
            `connects ${a} and ${b}`,
            `${a} and ${b} can never reach each other; remove this pair`,
          ),
        ),
      ),
    ),
};

export const hubServiceVpcRoles: ConfigRule = {
  id: 'hub/service-vpc-roles',
  description: 'networkHub.egress, inspection and interfaceEndpoints each name a hub VPC of the matching role.',
  check: (index) =>
    index.environments.flatMap((environment) => {
      const { source, config } = environment;
      const hub = config.networkHub;
      const services = [
        hub.egress && { key: 'egress', vpc: hub.egress.vpc, role: 'egress' },
        hub.inspection && { key: 'inspection', vpc: hub.inspection.vpc, role: 'inspection' },
        hub.interfaceEndpoints && { key: 'interfaceEndpoints', vpc: hub.interfaceEndpoints.vpc, role: 'shared-services' },
      ].filter((service) => !!service);
      return services.flatMap(({ key, vpc: name, role }): ConfigProblem[] => {
        const path = ['networkHub', key, 'vpc'];
        const vpc = hub.vpcs[name];
        if (!vpc && index.mayBeUnparsedVpc(name, environment)) return [];
        if (!vpc) return [problemAt(source, path, `"${name}" is not a hub VPC`, chooseFrom(Object.keys(hub.vpcs), name, 'hub VPC'))];
        if (vpc.role === role) return [];
        return [problemAt(source, path, `"${name}" is a ${vpc.role} VPC, not ${role}`, `point it at a hub VPC with role: ${role}`)];
      });
    }),
};

export const inspectionNeedsEgress: ConfigRule = {
  id: 'hub/inspection-needs-egress',
  description: 'networkHub.inspection comes with networkHub.egress (it inspects the path to the internet).',
  check: ({ environments }) =>
    environments
      .filter(({ config }) => config.networkHub.inspection && !config.networkHub.egress)
      .map(({ source }) =>
        problemAt(
          source,
          ['networkHub', 'inspection'],
          'inspects the path to the internet, but there is no egress',
          'add networkHub.egress',
        ),
      ),
};

export const roleVpcUsed: ConfigRule = {
  id: 'hub/role-vpc-used',
  description: 'A hub VPC with role egress or inspection is the one networkHub.egress or inspection uses.',
  check: (index) =>
    hubVpcs(index).flatMap(({ environment, name, vpc }) => {
      if (vpc.role !== 'egress' && vpc.role !== 'inspection') return [];
      if (environment.config.networkHub[vpc.role]?.vpc === name) return [];
      return [
        problemAt(
          environment.source,
          ['networkHub', 'vpcs', name, 'role'],
          `is ${vpc.role}, but networkHub.${vpc.role} does not use this VPC`,
          `set networkHub.${vpc.role}.vpc: ${name}, or change the role`,
        ),
      ];
    }),
};

const NEEDED_TIERS: Readonly<Record<string, readonly { tier: string; purpose: string }[]>> = {
  egress: [
    { tier: 'public', purpose: 'the NAT gateways' },
    { tier: 'app', purpose: 'the Transit Gateway attachment' },
  ],
  inspection: [
    { tier: 'app', purpose: 'the Transit Gateway attachment' },
    { tier: 'data', purpose: 'the firewall endpoints' },
  ],
};

export const roleVpcTiers: ConfigRule = {
  id: 'hub/role-vpc-tiers',
  description: 'An egress VPC has public and app tiers; an inspection VPC has app and data tiers.',
  check: (index) =>
    hubVpcs(index).flatMap(({ environment, name, vpc }) => {
      const tiers = vpcTiers(vpc);
      return (NEEDED_TIERS[vpc.role] ?? [])
        .filter(({ tier }) => !(tier in tiers))
        .map(({ tier, purpose }) =>
          problemAt(
            environment.source,
            ['networkHub', 'vpcs', name, 'subnets'],
            `has no ${tier} tier, which holds ${purpose} of a ${vpc.role} VPC`,
            `add subnets.${tier}`,
          ),
        );
    }),
};

/** Where an unknown segment is reported: where it is written, or the VPC when it comes from a default. */
function segmentPath(entry: VpcEntry): readonly (string | number)[] {
  const config = entry.environment.config;
  if (entry.role === 'workload') return config.accounts[entry.name]?.segment ? ['accounts', entry.name, 'segment'] : ['segment'];
  return config.networkHub.vpcs[entry.name]?.segment ? ['networkHub', 'vpcs', entry.name, 'segment'] : ['networkHub', 'vpcs', entry.name];
}

function hubVpcs(index: ConfigIndex) {
  return index.environments.flatMap((environment) =>
    Object.entries(environment.config.networkHub.vpcs).map(([name, vpc]) => ({ environment, name, vpc })),
  );
}
