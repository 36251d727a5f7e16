import { accountSegment, guardrailTargets, hubAccountName, hubSegments, vpcZones } from './defaults';
import { hubStackName, spokeStackName } from './naming';
import type { ParsedEnvironment, ParsedOrg } from './parsed-config';
import type { OrgConfig, VpcConfig } from './schema';
import { planSubnets } from './subnets';
import type { Account, Environment, LandingZone, OrganizationalUnit, StateBackend, VpcPlan } from './types';

/** Builds the model from config that passed every check; derives subnets, segments and stack names. */
export function resolveLandingZone(org: ParsedOrg, parsedEnvironments: readonly ParsedEnvironment[]): LandingZone {
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
  return {
    organization: {
      name: organization.name,
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
    environments: parsedEnvironments.map((environment) => resolveEnvironment(environment, org.config)).sort(byName),
    policyWaivers: org.config.policyWaivers.map((waiver) => ({ ...waiver })),
  };
}

function resolveEnvironment({ name, config }: ParsedEnvironment, org: OrgConfig): Environment {
  const vpcPlan = (vpcName: string, vpc: VpcConfig, segment: string, role: VpcPlan['role']): VpcPlan => {
    const zones = vpcZones(vpc, config);
    const plan = planSubnets(vpc.cidr, zones, vpc.subnets);
    if (!plan.fits) throw new Error(`internal: ${vpcName} was validated but its subnets do not fit`);
    return {
      name: vpcName,
      role,
      ipv6: false,
      cidr: vpc.cidr,
      availabilityZones: zones,
      segment,
      subnets: plan.subnets,
      transitDestinations: [config.cidr],
    };
  };
  const spokes = Object.entries(config.accounts)
    .filter(([, account]) => account.vpc !== undefined)
    .map(([accountName, account]) => ({
      stackName: spokeStackName(name, accountName),
      accountName,
      vpc: vpcPlan(accountName, account.vpc!, accountSegment(account, config), 'workload'),
    }))
    .sort((a, b) => a.accountName.localeCompare(b.accountName));
  return {
    name,
    region: config.region,
    availabilityZones: config.availabilityZones,
    cidr: config.cidr,
    hub: {
      stackName: hubStackName(name),
      accountName: hubAccountName(config, org)!,
      amazonSideAsn: config.networkHub.transitGateway.amazonSideAsn,
      segments: [...hubSegments(config)].sort(),
      vpcs: Object.entries(config.networkHub.vpcs)
        .map(([vpcName, vpc]) => vpcPlan(vpcName, vpc, vpc.segment, 'shared-services'))
        .sort(byName),
      sharedWithAccounts: spokes.map((spoke) => spoke.accountName),
    },
    spokes,
    peerings: [],
  };
}

function resolveBackend(backend: OrgConfig['stateBackend']): StateBackend {
  return backend.type === 'local' ? { type: 'local' } : { ...backend };
}

function sortParentsFirst(units: OrgConfig['organizationalUnits']): OrganizationalUnit[] {
  const depth = (name: string): number => (units[name]?.parent ? 1 + depth(units[name].parent!) : 0);
  return Object.entries(units)
    .map(([name, unit]) => ({ name, parent: unit.parent }))
    .sort((a, b) => depth(a.name) - depth(b.name) || a.name.localeCompare(b.name));
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name);
}
