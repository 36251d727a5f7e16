import {
  flowLogBucketNamePrefix,
  guardrailNamePrefix,
  IPAM_STACK,
  ipamName,
  ipamReservationKey,
  LOG_ARCHIVE_STACK,
  ORG_STACK,
} from '../naming';
import type { IpamPlan, LogArchivePlan, OrgPlan } from '../stack-plans';
import { accountRef, managementAccount, provider, stackBase, type ResolvedZone } from './base';

/** Objects in the flow-log bucket move to Infrequent Access after this many days. */
export const FLOW_LOG_INFREQUENT_ACCESS_DAYS = 30;

export function planOrgStack(zone: ResolvedZone): OrgPlan {
  const { organization, guardrails } = zone;
  return {
    kind: 'org',
    ...stackBase(zone, {
      name: ORG_STACK,
      providers: [provider('management', managementAccount(zone), organization.homeRegion)],
      dependsOn: [],
    }),
    rootId: organization.rootId,
    organizationalUnits: zone.organizationalUnits,
    accounts: zone.accounts.map((account) => ({
      name: account.name,
      email: account.email,
      ou: account.ou,
      ...(account.id ? { id: account.id } : {}),
      tags: { ...account.tags, ...(account.environment ? { Environment: account.environment } : {}) },
    })),
    vendedAccountRoleName: organization.vendedAccountRoleName,
    guardrails: {
      attachTo: guardrails.attachTo,
      denyLeavingOrganization: guardrails.denyLeavingOrganization,
      protectSecurityServices: guardrails.protectSecurityServices,
      allowedRegions: guardrails.allowedRegions,
      exemptRoleNames: [organization.deployRoleName],
      namePrefix: guardrailNamePrefix(organization.name),
    },
  };
}

/** The central flow-log bucket, when any VPC logs to S3. */
export function planLogArchiveStack(zone: ResolvedZone): LogArchivePlan | undefined {
  const bucket = zone.network.flowLogBucket;
  if (!bucket) return undefined;
  const { organization, network } = zone;
  const account = accountRef(zone, bucket.accountName);
  return {
    kind: 'log-archive',
    ...stackBase(zone, {
      name: LOG_ARCHIVE_STACK,
      providers: [provider('log-archive', account, organization.homeRegion)],
      dependsOn: [ORG_STACK],
    }),
    flowLogBucket: {
      account,
      namePrefix: flowLogBucketNamePrefix(organization.name),
      organizationId: organization.id,
      transitionToInfrequentAccessDays: FLOW_LOG_INFREQUENT_ACCESS_DAYS,
      transitionToGlacierDays: Math.floor(network.flowLogRetentionDays / 2),
      expirationDays: network.flowLogRetentionDays,
    },
  };
}

/** VPC IPAM: a regional pool per region holding its environments' ranges; fixed VPC blocks reserved. */
export function planIpamStack(zone: ResolvedZone): IpamPlan | undefined {
  const ipam = zone.network.ipam;
  if (!ipam) return undefined;
  const { organization, environments } = zone;
  const regions = [...new Set(environments.map((environment) => environment.region))].sort();
  const inRegion = (region: string) => environments.filter((environment) => environment.region === region);
  const shareWith = environments.flatMap((environment) => environment.hub.sharedWithAccounts).sort();
  return {
    kind: 'ipam',
    ...stackBase(zone, {
      name: IPAM_STACK,
      providers: [provider('network', accountRef(zone, ipam.accountName), organization.homeRegion)],
      dependsOn: [ORG_STACK],
    }),
    ipamName: ipamName(organization.name),
    homeRegion: organization.homeRegion,
    ipv4Cidrs: [ipam.cidr],
    regionalPools: Object.fromEntries(regions.map((region) => [region, inRegion(region).map((environment) => environment.cidr)])),
    ipv6: ipam.ipv6,
    shareWith: shareWith.map((name) => accountRef(zone, name)),
    reservations: Object.fromEntries(
      regions.map((region) => [
        region,
        Object.fromEntries(
          inRegion(region).flatMap((environment) =>
            [...environment.hub.vpcs, ...environment.spokes.map((spoke) => spoke.vpc)].flatMap((vpc) =>
              vpc.cidr ? [[ipamReservationKey(environment.name, vpc.name), vpc.cidr]] : [],
            ),
          ),
        ),
      ]),
    ),
  };
}
