import type { TierName } from './schema';

/*
 * The resolved landing zone: everything derived from config is computed once, here, in plain
 * TypeScript. Stacks read only this.
 */

export interface LandingZone {
  readonly organization: Organization;
  /** Parents before children, then by name. */
  readonly organizationalUnits: readonly OrganizationalUnit[];
  readonly guardrails: Guardrails;
  /** Every member account (organization-wide and per environment), sorted by name. */
  readonly accounts: readonly Account[];
  readonly stateBackend: StateBackend;
  /** Sorted by name. */
  readonly environments: readonly Environment[];
}

export interface Organization {
  readonly name: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  readonly homeRegion: string;
  readonly allowedRegions: readonly string[];
  readonly deployRoleName: string;
  readonly vendedAccountRoleName: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface OrganizationalUnit {
  readonly name: string;
  /** Name of the parent OU; undefined for a top-level OU (parent is the root). */
  readonly parent?: string;
}

export interface Guardrails {
  /** OU names the SCPs attach to. */
  readonly attachTo: readonly string[];
  readonly denyLeavingOrganization: boolean;
  readonly protectSecurityServices: boolean;
  /** Regions outside this list are denied (global services excepted); empty means no restriction. */
  readonly allowedRegions: readonly string[];
}

export interface Account {
  readonly name: string;
  readonly email: string;
  /** Known id, or undefined for an account the org stack vends and whose id other stacks read from its outputs. */
  readonly id?: string;
  readonly ou: string;
  /** Environment the account belongs to; undefined for organization-wide accounts. */
  readonly environment?: string;
  readonly tags: Readonly<Record<string, string>>;
}

export type StateBackend =
  | { readonly type: 'local' }
  | {
      readonly type: 's3';
      readonly bucket: string;
      readonly region: string;
      readonly keyPrefix: string;
      readonly kmsKeyId?: string;
      readonly useLockfile: boolean;
      readonly dynamodbTable?: string;
      readonly roleArn?: string;
    };

export interface Environment {
  readonly name: string;
  readonly region: string;
  readonly availabilityZones: readonly string[];
  readonly cidr: string;
  readonly hub: NetworkHub;
  /** One per workload account that has a VPC, sorted by account name. */
  readonly spokes: readonly Spoke[];
}

export interface NetworkHub {
  readonly stackName: string;
  readonly accountName: string;
  readonly amazonSideAsn: number;
  /** TGW route table per segment, sorted. */
  readonly segments: readonly string[];
  readonly vpcs: readonly VpcPlan[];
  /** Accounts the TGW is shared with through RAM (every spoke account), sorted. */
  readonly sharedWithAccounts: readonly string[];
}

export interface Spoke {
  readonly stackName: string;
  readonly accountName: string;
  readonly vpc: VpcPlan;
}

export interface VpcPlan {
  readonly name: string;
  readonly cidr: string;
  readonly availabilityZones: readonly string[];
  readonly segment: string;
  readonly subnets: readonly PlannedSubnet[];
  /** Destinations the app and data tiers reach through the TGW (the environment's range). */
  readonly transitDestinations: readonly string[];
}

export interface PlannedSubnet {
  readonly tier: TierName;
  readonly zone: string;
  readonly cidr: string;
}
