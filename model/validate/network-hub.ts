import { hubSegments, vpcIpv6, vpcTiers } from '../defaults';
import { INTERFACE_ENDPOINT_SERVICES } from '../endpoint-services';
import type { ParsedConfig, ParsedEnvironment } from '../parsed-config';
import { uniqueBy, type ConfigProblem } from '../problems';
import { problemAt } from '../yaml-source';
import { chooseFrom } from './references';
import { vpcEntries, type VpcEntry } from './vpc-entries';

/** Hub rules: segments exist, egress/inspection/endpoint VPCs have the right role, IPv6 options are coherent. */
export function validateNetworkHubs(parsed: ParsedConfig): ConfigProblem[] {
  return parsed.environments.flatMap((environment) => {
    const vpcs = vpcEntries(environment);
    return [...checkSegments(environment, vpcs), ...checkHubServices(environment), ...vpcs.flatMap((entry) => checkVpcOptions(entry))];
  });
}

function checkSegments(environment: ParsedEnvironment, vpcs: readonly VpcEntry[]): ConfigProblem[] {
  const { config, source } = environment;
  const segments = hubSegments(config);
  const problems: ConfigProblem[] = [];
  segments.forEach((segment, index) => {
    if (segments.indexOf(segment) !== index) {
      problems.push(problemAt(source, ['networkHub', 'segments', index], `lists ${segment} twice`, 'list each segment once'));
    }
  });
  const unknown = (path: readonly (string | number)[], segment: string) =>
    problemAt(
      source,
      path,
      `"${segment}" is not a segment of this environment's network hub`,
      `${chooseFrom(segments, segment, 'segment')}, or add it to networkHub.segments`,
    );
  for (const entry of vpcs) {
    if (entry.role !== 'workload' && entry.role !== 'shared-services') continue;
    if (segments.includes(entry.segment)) continue;
    const account = entry.role === 'workload' ? config.accounts[entry.name] : undefined;
    const hubVpc = config.networkHub.vpcs[entry.name];
    const path = account
      ? account.segment
        ? ['accounts', entry.name, 'segment']
        : ['segment']
      : ['networkHub', 'vpcs', entry.name, 'segment'];
    if (account || hubVpc?.segment) problems.push(unknown(path, entry.segment));
    else problems.push(unknown(['networkHub', 'vpcs', entry.name], entry.segment));
  }
  config.networkHub.connect.forEach((pair, index) => {
    pair.forEach((segment, side) => {
      if (!segments.includes(segment)) problems.push(unknown(['networkHub', 'connect', index, side], segment));
    });
    if (pair.includes('prod') && pair.includes('nonprod')) {
      problems.push(
        problemAt(
          source,
          ['networkHub', 'connect', index],
          'connects prod and nonprod',
          'prod and nonprod can never reach each other; remove this pair',
        ),
      );
    }
  });
  return uniqueBy(problems, (problem) => `${problem.file}|${problem.path}`);
}

function checkHubServices(environment: ParsedEnvironment): ConfigProblem[] {
  const { config, source } = environment;
  const hub = config.networkHub;
  const problems: ConfigProblem[] = [];
  const requireRole = (path: readonly string[], name: string, role: string) => {
    const vpc = hub.vpcs[name];
    if (!vpc) {
      problems.push(problemAt(source, path, `"${name}" is not a hub VPC`, chooseFrom(Object.keys(hub.vpcs), name, 'hub VPC')));
    } else if (vpc.role !== role) {
      problems.push(problemAt(source, path, `"${name}" is a ${vpc.role} VPC, not ${role}`, `point it at a hub VPC with role: ${role}`));
    }
  };
  if (hub.egress) requireRole(['networkHub', 'egress', 'vpc'], hub.egress.vpc, 'egress');
  if (hub.inspection) {
    requireRole(['networkHub', 'inspection', 'vpc'], hub.inspection.vpc, 'inspection');
    if (!hub.egress) {
      problems.push(
        problemAt(
          source,
          ['networkHub', 'inspection'],
          'inspects the path to the internet, but there is no egress',
          'add networkHub.egress',
        ),
      );
    }
  }
  if (hub.interfaceEndpoints) {
    requireRole(['networkHub', 'interfaceEndpoints', 'vpc'], hub.interfaceEndpoints.vpc, 'shared-services');
    problems.push(...checkServices(environment, ['networkHub', 'interfaceEndpoints', 'services'], hub.interfaceEndpoints.services));
  }
  for (const [name, vpc] of Object.entries(hub.vpcs)) {
    const used = (vpc.role === 'egress' && hub.egress?.vpc === name) || (vpc.role === 'inspection' && hub.inspection?.vpc === name);
    if ((vpc.role === 'egress' || vpc.role === 'inspection') && !used) {
      problems.push(
        problemAt(
          source,
          ['networkHub', 'vpcs', name, 'role'],
          `is ${vpc.role}, but networkHub.${vpc.role} does not use this VPC`,
          `set networkHub.${vpc.role}.vpc: ${name}, or change the role`,
        ),
      );
    }
    const tiers = vpcTiers(vpc);
    const needed = vpc.role === 'egress' ? ['public', 'app'] : vpc.role === 'inspection' ? ['app', 'data'] : [];
    for (const tier of needed.filter((tier) => !(tier in tiers))) {
      const purpose = tier === 'public' ? 'the NAT gateways' : tier === 'app' ? 'the Transit Gateway attachment' : 'the firewall endpoints';
      problems.push(
        problemAt(
          source,
          ['networkHub', 'vpcs', name, 'subnets'],
          `has no ${tier} tier, which holds ${purpose} of a ${vpc.role} VPC`,
          `add subnets.${tier}`,
        ),
      );
    }
  }
  return problems;
}

function checkVpcOptions(entry: VpcEntry): ConfigProblem[] {
  const { vpc, source, path, environment } = entry;
  const problems: ConfigProblem[] = [];
  const ipv6 = vpcIpv6(vpc, environment.config);
  for (const [tier, settings] of Object.entries(vpcTiers(vpc))) {
    if (!settings.ipv6Only) continue;
    const tierPath = [...path, 'subnets', tier];
    if (!ipv6)
      problems.push(
        problemAt(
          source,
          tierPath,
          'is IPv6-only, but the VPC has no IPv6',
          'set ipv6: true on the VPC (or the environment), or drop ipv6Only',
        ),
      );
    if (tier === 'app')
      problems.push(
        problemAt(
          source,
          tierPath,
          'cannot be IPv6-only: the Transit Gateway attachment needs IPv4 subnets',
          'make public or data IPv6-only instead',
        ),
      );
    if (settings.prefixLength !== undefined)
      problems.push(
        problemAt(source, tierPath, 'is IPv6-only but has a prefixLength', 'remove prefixLength; IPv6-only subnets get a /64 each'),
      );
  }
  if (vpc.nat64) {
    const egress = environment.config.networkHub.egress;
    const egressVpc = egress ? environment.config.networkHub.vpcs[egress.vpc] : undefined;
    if (!ipv6) problems.push(problemAt(source, [...path, 'nat64'], 'needs IPv6 on the VPC', 'set ipv6: true, or drop nat64'));
    if (!egress) {
      problems.push(
        problemAt(
          source,
          [...path, 'nat64'],
          'has no NAT path: the environment has no central egress',
          'add networkHub.egress with NAT gateways, or drop nat64',
        ),
      );
    } else if (egressVpc && !vpcIpv6(egressVpc, environment.config)) {
      problems.push(
        problemAt(
          source,
          [...path, 'nat64'],
          `has no NAT path for IPv6: the egress VPC ${egress.vpc} is IPv4-only`,
          `set ipv6: true on networkHub.vpcs.${egress.vpc}`,
        ),
      );
    }
    if (vpc.attachToTransitGateway === false) {
      problems.push(
        problemAt(
          source,
          [...path, 'nat64'],
          'has no NAT path: the VPC is not attached to the Transit Gateway',
          'attach it, or drop nat64',
        ),
      );
    }
  }
  if (vpc.localInterfaceEndpoints)
    problems.push(...checkServices(environment, [...path, 'localInterfaceEndpoints'], vpc.localInterfaceEndpoints));
  return problems;
}

function checkServices(environment: ParsedEnvironment, path: readonly string[], services: readonly string[]): ConfigProblem[] {
  const allowed: readonly string[] = INTERFACE_ENDPOINT_SERVICES;
  return services.flatMap((service, index) => {
    if (allowed.includes(service))
      return services.indexOf(service) === index
        ? []
        : [problemAt(environment.source, [...path, index], `lists ${service} twice`, 'list each service once')];
    return [
      problemAt(
        environment.source,
        [...path, index],
        `"${service}" is not an interface endpoint service the landing zone supports`,
        chooseFrom(allowed, service, 'service'),
      ),
    ];
  });
}
