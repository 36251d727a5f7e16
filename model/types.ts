import type { TierName } from './schema';
import type { StackPlan } from './stack-plans';
import type { WorkloadsConfig } from './workloads/schema';

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
  readonly network: {
    readonly flowLogRetentionDays: number;
    /** Central flow-log bucket in the log-archive account, when any VPC logs to S3. */
    readonly flowLogBucket?: { readonly stackName: string; readonly accountName: string };
    /** VPC IPAM in the network account, when configured. */
    readonly ipam?: { readonly stackName: string; readonly accountName: string; readonly cidr: string; readonly ipv6: boolean };
  };
  /** Sorted by name. */
  readonly environments: readonly Environment[];
  /** Accepted exceptions to policy rules, each with a reason and an expiry date. */
  readonly policyWaivers: readonly PolicyWaiver[];
  /** One plan per stack, in deploy order; the stacks read only these. */
  readonly stacks: readonly StackPlan[];
}

export interface PolicyWaiver {
  /** Our rule id, e.g. LZ-NET-001. */
  readonly rule: string;
  /** Stack name the waiver applies to; `*` for every stack. */
  readonly stack: string;
  /** Terraform address (type.name) or a `*` glob of addresses. */
  readonly resource: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD); the waiver stops applying after this day. */
  readonly expires: string;
}

export interface Organization {
  readonly name: string;
  /** o-xxxx: policies allow only this organization's principals. */
  readonly id: string;
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
  /** VPC peering connections whose requester is in this environment, sorted by name. */
  readonly peerings: readonly Peering[];
  /** Workload accounts with a workloads file (`environments/<env>/<account>.yaml`), sorted by account name. */
  readonly workloads: readonly AccountWorkloads[];
  /** Segments whose accounts count as production (debugging switches stay off). */
  readonly prodSegments: readonly string[];
}

export interface AccountWorkloads {
  readonly accountName: string;
  /** The account's TGW segment. */
  readonly segment: string;
  readonly config: WorkloadsConfig;
}

/** One side of a peering connection. */
export interface PeeringSide {
  readonly environment: string;
  /** Hub VPC name or spoke account name. */
  readonly vpcName: string;
  readonly accountName: string;
  readonly region: string;
  readonly cidr: string;
}

export interface Peering {
  readonly name: string;
  readonly requester: PeeringSide;
  readonly accepter: PeeringSide;
  /** Tiers on both sides whose route tables route to the other side. */
  readonly routeTiers: readonly TierName[];
  readonly allowRemoteDnsResolution: boolean;
}

export interface NetworkHub {
  readonly stackName: string;
  readonly accountName: string;
  readonly amazonSideAsn: number;
  /** Workload segments, sorted. */
  readonly segments: readonly string[];
  /** Every TGW route table: the segments plus egress and inspection when used, sorted. */
  readonly routeTables: readonly string[];
  readonly vpcs: readonly VpcPlan[];
  /** Accounts the TGW, Lattice service network and IPAM pools are shared with (every spoke account), sorted. */
  readonly sharedWithAccounts: readonly string[];
  /** Central egress: the hub VPC with NAT gateways that spokes reach the internet through. */
  readonly egress?: { readonly vpcName: string; readonly natGateways: 'per-az' | 'single' };
  /** Inspection on the TGW path (AWS Network Firewall), when enabled. */
  readonly inspection?: { readonly vpcName: string };
  /** The environment's VPC Lattice service network, when enabled. */
  readonly lattice?: { readonly serviceNetworkName: string };
  /** Centralized interface endpoints with private hosted zones for every spoke. */
  readonly interfaceEndpoints?: { readonly vpcName: string; readonly services: readonly string[] };
  /** Who reaches whom through the TGW. */
  readonly routing: TransitRouting;
}

/**
 * The TGW routing intent, by VPC name (its attachment) and route table (segment) name. Computed
 * once in the model; the stacks render it and a test checks the synthesized result against it.
 */
export interface TransitRouting {
  readonly associations: readonly { readonly attachment: string; readonly routeTable: string }[];
  readonly propagations: readonly { readonly attachment: string; readonly routeTable: string }[];
  readonly staticRoutes: readonly { readonly routeTable: string; readonly destination: string; readonly attachment: string }[];
  readonly blackholes: readonly { readonly routeTable: string; readonly destination: string }[];
}

export interface Spoke {
  readonly stackName: string;
  readonly accountName: string;
  readonly vpc: VpcPlan;
}

export type VpcRole = 'workload' | 'shared-services' | 'egress' | 'inspection';

export interface VpcPlan {
  readonly name: string;
  /** What the VPC is for; hub VPCs are shared-services, egress or inspection. */
  readonly role: VpcRole;
  /** IPv4 block; undefined when the block comes from IPAM (see ipamNetmask). */
  readonly cidr?: string;
  readonly ipamNetmask?: number;
  /** Dual-stack: an Amazon-provided /56 and a /64 per subnet. */
  readonly ipv6: boolean;
  readonly availabilityZones: readonly string[];
  /** TGW route table the attachment associates with. */
  readonly segment: string;
  readonly attachToTransitGateway: boolean;
  readonly subnets: readonly PlannedSubnet[];
  /** Routes from the VPC's route tables to the Transit Gateway, per tier. */
  readonly transitRoutes: readonly { readonly tier: TierName; readonly destination: string }[];
  /** DNS64 on app subnets and 64:ff9b::/96 towards the central NAT gateways. */
  readonly nat64: boolean;
  /** S3 and DynamoDB gateway endpoints on the private route tables. */
  readonly gatewayEndpoints: boolean;
  /** Interface endpoints inside this VPC (instead of the hub's private hosted zones). */
  readonly localInterfaceEndpoints: readonly string[];
  readonly flowLogs: 's3' | 'cloud-watch-logs';
}

export interface PlannedSubnet {
  readonly tier: TierName;
  readonly zone: string;
  /** IPv4 block; undefined for IPv6-only subnets and for VPCs whose block comes from IPAM. */
  readonly cidr?: string;
  /** Position inside the VPC block (`cidrsubnet(vpc, newBits, netNum)`), for IPAM VPCs. */
  readonly newBits?: number;
  readonly netNum?: number;
  readonly ipv6Only: boolean;
}
