import {
  accountSegment,
  flowLogDestination,
  guardrailTargets,
  hubAccountName,
  hubRouteTables,
  hubSegments,
  hubVpcSegment,
} from './defaults';
import { hubStackName, IPAM_STACK, LOG_ARCHIVE_STACK, spokeStackName } from './naming';
import type { ParsedEnvironment, ParsedOrg } from './parsed-config';
import type { ParsedWorkloads } from './workloads/types';
import type { OrgConfig } from './schema';
import { planTransitRouting } from './transit-routing';
import type { Account, Environment, LandingZone, OrganizationalUnit, Peering, PeeringSide, StateBackend, VpcPlan } from './types';
import { planStacks } from './plans';
import { planVpc } from './vpc-plan';

/** Builds the model from config that passed every check; derives subnets, routing and stack names. */
export function resolveLandingZone(
  org: ParsedOrg,
  parsedEnvironments: readonly ParsedEnvironment[],
  parsedWorkloads: readonly ParsedWorkloads[] = [],
): LandingZone {
  const { organization } = org.config;
  const orgAccounts: Account[] = Object.entries(org.config.accounts).map(([name, account]) => ({ name, ...account }));
  const environmentAccounts: Account[] = parsedEnvironments.flatMap((environment) =>
    Object.entries(environment.config.accounts).map(([name, account]) => ({
      name,
      email: account.email,
      id: account.id,
      ou: account.ou,
      environment: environment.name,
      tags: account.tags,
    })),
  );
  const environments = parsedEnvironments.map((environment) => resolveEnvironment(environment, org.config, parsedWorkloads)).sort(byName);
  const sides = new Map(environments.flatMap((environment) => peeringSides(environment)));
  const usesBucket = environments.some((environment) =>
    [...environment.hub.vpcs, ...environment.spokes.map((spoke) => spoke.vpc)].some((vpc) => vpc.flowLogs === 's3'),
  );
  const { ipam } = org.config.network;
  const zone = {
    organization: {
      name: organization.name,
      id: organization.id,
      rootId: organization.rootId,
      managementAccountId: organization.managementAccountId,
      homeRegion: organization.homeRegion,
      allowedRegions: [...organization.allowedRegions],
      deployRoleName: organization.deployRoleName,
      vendedAccountRoleName: organization.vendedAccountRoleName,
      tags: organization.tags,
    },
    organizationalUnits: sortParentsFirst(org.config.organizationalUnits),
    guardrails: {
      attachTo: guardrailTargets(org.config).sort(),
      denyLeavingOrganization: org.config.guardrails.denyLeavingOrganization,
      protectSecurityServices: org.config.guardrails.protectSecurityServices,
      allowedRegions: org.config.guardrails.restrictRegions ? [...organization.allowedRegions] : [],
    },
    accounts: [...orgAccounts, ...environmentAccounts].sort(byName),
    stateBackend: resolveBackend(org.config.stateBackend),
    network: {
      flowLogRetentionDays: org.config.network.flowLogRetentionDays,
      flowLogBucket: usesBucket ? { stackName: LOG_ARCHIVE_STACK, accountName: organization.logArchiveAccount } : undefined,
      ipam: ipam ? { stackName: IPAM_STACK, accountName: organization.networkAccount, cidr: ipam.cidr, ipv6: ipam.ipv6 } : undefined,
    },
    environments: environments.map((environment) => ({
      ...environment,
      peerings: resolvePeerings(environment.name, parsedEnvironments, sides),
    })),
    policyWaivers: org.config.policyWaivers.map((waiver) => ({ ...waiver })),
  };
  return { ...zone, stacks: planStacks(zone) };
}

function resolveEnvironment({ name, config }: ParsedEnvironment, org: OrgConfig, parsedWorkloads: readonly ParsedWorkloads[]): Environment {
  const flowLogs = flowLogDestination(config, org);
  const spokes = Object.entries(config.accounts)
    .flatMap(([accountName, account]) => (account.vpc ? [{ accountName, account, vpc: account.vpc }] : []))
    .map(({ accountName, account, vpc }) => ({
      stackName: spokeStackName(name, accountName),
      accountName,
      vpc: planVpc({ name: accountName, role: 'workload', vpc, segment: accountSegment(account, config), environment: config, flowLogs }),
    }))
    .sort((a, b) => a.accountName.localeCompare(b.accountName));
  const hubVpcs: VpcPlan[] = Object.entries(config.networkHub.vpcs)
    .map(([vpcName, vpc]) => planVpc({ name: vpcName, role: vpc.role, vpc, segment: hubVpcSegment(vpc), environment: config, flowLogs }))
    .sort(byName);
  const segments = [...hubSegments(config)].sort();
  const hub = config.networkHub;
  const organizationName = org.organization.name;
  return {
    name,
    region: config.region,
    availabilityZones: config.availabilityZones,
    cidr: config.cidr,
    hub: {
      stackName: hubStackName(name),
      accountName: hubAccountName(config, org) ?? org.organization.networkAccount,
      amazonSideAsn: hub.transitGateway.amazonSideAsn,
      segments,
      routeTables: [...hubRouteTables(config)].sort(),
      vpcs: hubVpcs,
      sharedWithAccounts: spokes.map((spoke) => spoke.accountName),
      egress: hub.egress ? { vpcName: hub.egress.vpc, natGateways: hub.egress.natGateways } : undefined,
      inspection: hub.inspection ? { vpcName: hub.inspection.vpc } : undefined,
      lattice: hub.lattice ? { serviceNetworkName: `${organizationName}-${name}` } : undefined,
      interfaceEndpoints: hub.interfaceEndpoints
        ? { vpcName: hub.interfaceEndpoints.vpc, services: [...hub.interfaceEndpoints.services].sort() }
        : undefined,
      routing: planTransitRouting(config, segments, [...hubVpcs, ...spokes.map((spoke) => spoke.vpc)]),
    },
    spokes,
    peerings: [],
    workloads: parsedWorkloads
      .filter((workloads) => workloads.environment === name && config.accounts[workloads.account])
      .map((workloads) => ({
        accountName: workloads.account,
        segment: accountSegment(config.accounts[workloads.account], config),
        config: workloads.config,
      }))
      .sort((a, b) => a.accountName.localeCompare(b.accountName)),
    prodSegments: [...config.prodSegments],
  };
}

/** Every VPC that can be a side of a peering, keyed `<environment>/<name>`. */
function peeringSides(environment: Environment): [string, PeeringSide][] {
  const side = (vpc: VpcPlan, accountName: string): [string, PeeringSide] => [
    `${environment.name}/${vpc.name}`,
    { environment: environment.name, vpcName: vpc.name, accountName, region: environment.region, cidr: vpc.cidr ?? '' },
  ];
  return [
    ...environment.hub.vpcs.map((vpc) => side(vpc, environment.hub.accountName)),
    ...environment.spokes.map((spoke) => side(spoke.vpc, spoke.accountName)),
  ];
}

function resolvePeerings(name: string, parsedEnvironments: readonly ParsedEnvironment[], sides: Map<string, PeeringSide>): Peering[] {
  const peerings = parsedEnvironments.find((parsed) => parsed.name === name)?.config.peerings ?? {};
  const find = (reference: string): PeeringSide => {
    const side = sides.get(reference.includes('/') ? reference : `${name}/${reference}`);
    if (!side) throw new Error(`internal: peering side ${reference} was validated but is not in the model`);
    return side;
  };
  return Object.entries(peerings)
    .map(([name, peering]) => ({
      name,
      requester: find(peering.requester),
      accepter: find(peering.accepter),
      routeTiers: [...peering.routeTiers],
      allowRemoteDnsResolution: peering.allowRemoteDnsResolution,
    }))
    .sort(byName);
}

function resolveBackend(backend: OrgConfig['stateBackend']): StateBackend {
  return backend.type === 'local' ? { type: 'local' } : { ...backend };
}

function sortParentsFirst(units: OrgConfig['organizationalUnits']): OrganizationalUnit[] {
  const depth = (name: string): number => {
    const parent = units[name]?.parent;
    return parent ? 1 + depth(parent) : 0;
  };
  return Object.entries(units)
    .map(([name, unit]) => ({ name, parent: unit.parent }))
    .sort((a, b) => depth(a.name) - depth(b.name) || a.name.localeCompare(b.name));
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name);
}
