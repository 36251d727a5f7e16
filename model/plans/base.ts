import { LOG_ARCHIVE_STACK, ORG_STACK } from '../naming';
import type { AccountRef, ContractSource, FlowLogTarget, ProviderPlan, StackPlanBase } from '../stack-plans';
import type { LandingZone, VpcPlan } from '../types';

/** The model before its stack plans are derived from it. */
export type ResolvedZone = Omit<LandingZone, 'stacks'>;

/** The account named `name`, with its id when config knows it. */
export function accountRef(zone: ResolvedZone, name: string): AccountRef {
  const account = zone.accounts.find((candidate) => candidate.name === name);
  if (!account) throw new Error(`internal: no account named ${name} in the model`);
  return account.id ? { name, id: account.id } : { name };
}

export function managementAccount(zone: ResolvedZone): AccountRef {
  return { name: 'management', id: zone.organization.managementAccountId };
}

export function provider(id: string, account: AccountRef, region: string, alias?: string): ProviderPlan {
  return alias ? { id, alias, account, region } : { id, account, region };
}

export interface BaseInput {
  readonly name: string;
  readonly environment?: string;
  readonly providers: readonly ProviderPlan[];
  readonly dependsOn: readonly string[];
}

/** What every stack plan shares: state, deploy role, providers, tags and its dependencies. */
export function stackBase(zone: ResolvedZone, input: BaseInput): StackPlanBase {
  const { organization } = zone;
  return {
    name: input.name,
    ...(input.environment ? { environment: input.environment } : {}),
    stateBackend: zone.stateBackend,
    deployRoleName: organization.deployRoleName,
    providers: input.providers,
    tags: {
      ...organization.tags,
      ManagedBy: 'aws-landing-zone',
      Organization: organization.name,
      Stack: input.name,
      ...(input.environment ? { Environment: input.environment } : {}),
    },
    dependsOn: [...input.dependsOn],
    org: { stackName: ORG_STACK, region: organization.homeRegion },
  };
}

export function logArchiveSource(zone: ResolvedZone): ContractSource {
  return { stackName: LOG_ARCHIVE_STACK, region: zone.organization.homeRegion };
}

/**
 * Where a set of VPCs in one account log: CloudWatch Logs only when every one of them does,
 * otherwise the central bucket.
 */
export function flowLogTarget(zone: ResolvedZone, vpcs: readonly VpcPlan[], account: AccountRef): FlowLogTarget {
  if (vpcs.every((vpc) => vpc.flowLogs === 'cloud-watch-logs')) {
    return { type: 'cloud-watch-logs', account, retentionInDays: zone.network.flowLogRetentionDays };
  }
  return { type: 's3', logArchive: logArchiveSource(zone) };
}
