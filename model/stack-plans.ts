import type { TierName } from './network-schema';
import type { StateBackend, VpcPlan } from './types';
import type { ResiliencePlan } from './workloads/experiments/types';
import type { WorkloadsPlan } from './workloads/types';

/*
 * One plan per stack: everything a stack needs, ready-made. A stack reads only its plan and places
 * modules; every value here is derived in the model and unit-tested without a synth.
 */

export type StackPlan = OrgPlan | LogArchivePlan | IpamPlan | HubPlan | SpokePlan | WorkloadsPlan | ResiliencePlan;

/** An account a stack acts in or refers to. Without an id, the id is read from the org stack's outputs. */
export interface AccountRef {
  readonly name: string;
  readonly id?: string;
}

/** An AWS provider of the stack: the one without alias is the default. */
export interface ProviderPlan {
  /** Construct id of the provider. */
  readonly id: string;
  readonly alias?: string;
  readonly account: AccountRef;
  readonly region: string;
}

/** A stack whose outputs this stack reads through `terraform_remote_state`. */
export interface ContractSource {
  readonly stackName: string;
  /** Environment of the producer (its state key); undefined for organization-wide stacks. */
  readonly environment?: string;
  /** Region the producer's resources live in (offline placeholders use it). */
  readonly region: string;
}

export interface StackPlanBase {
  readonly name: string;
  /** Environment of the stack; undefined for organization-wide stacks. */
  readonly environment?: string;
  readonly stateBackend: StateBackend;
  /** Role every provider assumes in its account (live mode). */
  readonly deployRoleName: string;
  /** The first provider has no alias and is the stack's default. */
  readonly providers: readonly ProviderPlan[];
  /** Default tags of every resource. */
  readonly tags: Readonly<Record<string, string>>;
  /** Stacks that must be deployed first, by name. */
  readonly dependsOn: readonly string[];
  /** The org stack, whose `account_ids` output gives the ids of accounts vended without one. */
  readonly org: ContractSource;
}

/** Where a VPC's flow logs go: CloudWatch Logs in its own account, or the central bucket. */
export type FlowLogTarget =
  | { readonly type: 'cloud-watch-logs'; readonly account: AccountRef; readonly retentionInDays: number }
  | { readonly type: 's3'; readonly logArchive: ContractSource };

export interface OrgPlan extends StackPlanBase {
  readonly kind: 'org';
  readonly rootId: string;
  /** Parents before children. */
  readonly organizationalUnits: readonly { readonly name: string; readonly parent?: string }[];
  readonly accounts: readonly {
    readonly name: string;
    readonly email: string;
    readonly ou: string;
    /** Adopted (imported) in live mode when known. */
    readonly id?: string;
    readonly tags: Readonly<Record<string, string>>;
  }[];
  readonly vendedAccountRoleName: string;
  readonly guardrails: {
    /** OU names the SCPs attach to. */
    readonly attachTo: readonly string[];
    readonly denyLeavingOrganization: boolean;
    readonly protectSecurityServices: boolean;
    readonly allowedRegions: readonly string[];
    readonly exemptRoleNames: readonly string[];
    readonly namePrefix: string;
  };
}

export interface LogArchivePlan extends StackPlanBase {
  readonly kind: 'log-archive';
  readonly flowLogBucket: {
    readonly account: AccountRef;
    /** The bucket's name is this prefix plus the account id. */
    readonly namePrefix: string;
    readonly organizationId: string;
    readonly transitionToInfrequentAccessDays: number;
    readonly transitionToGlacierDays: number;
    readonly expirationDays: number;
  };
}

export interface IpamPlan extends StackPlanBase {
  readonly kind: 'ipam';
  readonly ipamName: string;
  readonly homeRegion: string;
  readonly ipv4Cidrs: readonly string[];
  /** Each region's pool holds the ranges of the environments in it. */
  readonly regionalPools: Readonly<Record<string, readonly string[]>>;
  readonly ipv6: boolean;
  /** Accounts the pools are shared with. */
  readonly shareWith: readonly AccountRef[];
  /** Fixed VPC blocks reserved per region, keyed `<env>-<vpc>`. */
  readonly reservations: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A VPC of the hub or a spoke, with its module-level settings worked out. */
export interface PlacedVpc {
  /** Name of its resources (`<org>-<env>-<vpc>`). */
  readonly resourceName: string;
  readonly plan: VpcPlan;
  /** Tiers whose IPv6 internet traffic leaves through an egress-only gateway. */
  readonly egressOnlyGatewayTiers: readonly TierName[];
  readonly dns64Tiers: readonly TierName[];
  readonly ipv6OnlyTiers: readonly TierName[];
  /** Destinations each tier sends to the Transit Gateway. */
  readonly transitRoutes: Readonly<Partial<Record<TierName, readonly string[]>>>;
}

export interface HubVpc extends PlacedVpc {
  /** Egress VPCs: NAT gateways per AZ or one for the environment. */
  readonly natGateways?: 'per-az' | 'single';
  /** Each AZ with its subnets' IPv4 blocks by tier (egress: public and attachment; inspection: attachment and firewall). */
  readonly zones: readonly { readonly availabilityZone: string; readonly cidrs: Readonly<Partial<Record<TierName, string>>> }[];
}

export interface HubPlan extends StackPlanBase {
  readonly kind: 'hub';
  readonly environment: string;
  readonly region: string;
  readonly namePrefix: string;
  readonly organizationId: string;
  /** The environment's whole range. */
  readonly environmentCidr: string;
  readonly amazonSideAsn: number;
  /** Every TGW route table (segments, egress, inspection), sorted. */
  readonly routeTables: readonly string[];
  /** Spoke accounts the TGW and Lattice service network are shared with. */
  readonly shareWith: readonly AccountRef[];
  readonly vpcs: readonly HubVpc[];
  /** Routing of the hub's own attachments; spokes associate and propagate from their stacks. */
  readonly routing: {
    /** Route tables each hub attachment propagates into, by VPC name. */
    readonly propagations: Readonly<Record<string, readonly string[]>>;
    readonly staticRoutes: Readonly<
      Record<string, { readonly routeTable: string; readonly destination: string; readonly attachment: string }>
    >;
    readonly blackholes: Readonly<Record<string, { readonly routeTable: string; readonly destination: string }>>;
  };
  readonly interfaceEndpoints?: { readonly vpcName: string; readonly services: readonly string[] };
  readonly lattice?: { readonly serviceNetworkName: string };
  readonly flowLogs: FlowLogTarget;
  /** IPAM pools, read when a hub VPC takes its block from IPAM. */
  readonly ipam?: ContractSource;
}

/** A peering this spoke requests; the accepter's side is read from its spoke stack. */
export interface RequestedPeering {
  readonly name: string;
  readonly requesterCidr: string;
  readonly accepter: {
    readonly stack: ContractSource;
    readonly account: AccountRef;
    readonly region: string;
    readonly cidr: string;
    readonly vpcName: string;
  };
  readonly routeTiers: readonly TierName[];
  readonly allowRemoteDnsResolution: boolean;
}

export interface SpokePlan extends StackPlanBase {
  readonly kind: 'spoke';
  readonly environment: string;
  readonly region: string;
  readonly accountName: string;
  readonly organizationId: string;
  readonly vpc: PlacedVpc;
  readonly hub: ContractSource & {
    readonly routeTables: readonly string[];
    /** Centralized endpoint services whose hosted zones the spoke associates. */
    readonly endpointServices: readonly string[];
    /** Shared-services VPCs whose block comes from IPAM: their ranges are read from the hub's outputs. */
    readonly ipamSharedServices: readonly string[];
  };
  /** IPAM pools, when the VPC takes its block from IPAM. */
  readonly ipam?: ContractSource;
  /** What the NACLs let in from outside the VPC. */
  readonly networkAcl: {
    /** Shared-services VPCs with fixed blocks, by VPC name. */
    readonly sharedServices: Readonly<Record<string, string>>;
    /** The other side of every peering, by `peer-<peering>`. */
    readonly peers: Readonly<Record<string, string>>;
  };
  /** The TGW attachment: associated route table and propagations (created with the network account's provider). */
  readonly transitGateway?: { readonly associatedRouteTable: string; readonly propagatedRouteTables: readonly string[] };
  readonly interfaceEndpoints:
    { readonly kind: 'local'; readonly services: readonly string[] } | { readonly kind: 'hub' } | { readonly kind: 'none' };
  readonly lattice: boolean;
  readonly requestedPeerings: readonly RequestedPeering[];
  readonly flowLogs: FlowLogTarget;
}
