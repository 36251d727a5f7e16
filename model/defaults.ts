import type { EnvironmentConfig, OrgConfig, VpcConfig, WorkloadAccountConfig } from './schema';

/* Defaults that depend on other settings; used by validation and by the resolver alike. */

export function hubSegments(environment: EnvironmentConfig): string[] {
  return environment.networkHub.segments ?? [...new Set([environment.segment, 'shared'])];
}

export function hubAccountName(environment: EnvironmentConfig, org: OrgConfig | undefined): string | undefined {
  return environment.networkHub.account ?? org?.organization.networkAccount;
}

export function accountSegment(account: WorkloadAccountConfig, environment: EnvironmentConfig): string {
  return account.segment ?? environment.segment;
}

export function vpcZones(vpc: VpcConfig, environment: EnvironmentConfig): string[] {
  return vpc.availabilityZones ?? environment.availabilityZones;
}

export function guardrailTargets(org: OrgConfig): string[] {
  return (
    org.guardrails.attachTo ??
    Object.entries(org.organizationalUnits)
      .filter(([, ou]) => !ou.parent)
      .map(([name]) => name)
  );
}
