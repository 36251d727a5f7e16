import { createHash } from 'node:crypto';
import { Fn, TerraformOutput, TerraformRemoteState, Token } from 'cdktf';
import { Construct } from 'constructs';

/*
 * The only way stacks read each other: named outputs with typed readers. Each contract also says
 * what its outputs look like before the producer was ever applied (offline placeholders).
 */

/** Outputs of the `org` stack. */
export interface OrgOutputs {
  /** Member account ids by account name. */
  readonly accountIds: Readonly<Record<string, string>>;
}

/** Outputs of an `<env>-network-hub` stack. */
export interface HubOutputs {
  readonly transitGatewayId: string;
  /** TGW route table ids by route table (segment) name. */
  readonly transitGatewayRouteTableIds: Readonly<Record<string, string>>;
  /** ARN of the environment's Lattice service network; empty when Lattice is off. */
  readonly latticeServiceNetworkArn: string;
  /** Route 53 private hosted zone ids of the centralized interface endpoints, by service. */
  readonly privateHostedZoneIds: Readonly<Record<string, string>>;
}

/** Outputs of the `log-archive` stack. */
export interface LogArchiveOutputs {
  readonly flowLogBucketArn: string;
}

/** Outputs of the `network-ipam` stack. */
export interface IpamOutputs {
  /** Regional IPv4 pool ids by region. */
  readonly ipv4PoolIds: Readonly<Record<string, string>>;
  /** Regional IPv6 pool ids by region (empty without IPv6). */
  readonly ipv6PoolIds: Readonly<Record<string, string>>;
}

/** Outputs of a `<env>-spoke-<account>` stack: what workload stacks and peers build on. */
export interface SpokeOutputs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly vpcIpv6Cidr: string;
  readonly subnetIds: Readonly<Record<string, readonly string[]>>;
  readonly routeTableIds: Readonly<Record<string, string>>;
  readonly securityGroupIds: Readonly<Record<string, string>>;
}

const OUTPUT_NAMES = {
  accountIds: 'account_ids',
  transitGatewayId: 'transit_gateway_id',
  transitGatewayRouteTableIds: 'transit_gateway_route_table_ids',
  latticeServiceNetworkArn: 'lattice_service_network_arn',
  privateHostedZoneIds: 'private_hosted_zone_ids',
  flowLogBucketArn: 'flow_log_bucket_arn',
  ipv4PoolIds: 'ipam_ipv4_pool_ids',
  ipv6PoolIds: 'ipam_ipv6_pool_ids',
  vpcId: 'vpc_id',
  vpcCidr: 'vpc_cidr',
  vpcIpv6Cidr: 'vpc_ipv6_cidr',
  subnetIds: 'subnet_ids',
  routeTableIds: 'route_table_ids',
  securityGroupIds: 'security_group_ids',
} as const;

type OutputKey = keyof typeof OUTPUT_NAMES;

function publish<T extends object>(scope: Construct, outputs: T): void {
  for (const [key, value] of Object.entries(outputs)) {
    new TerraformOutput(scope, OUTPUT_NAMES[key as OutputKey], { value });
  }
}

export const publishOrgOutputs = (scope: Construct, outputs: OrgOutputs) => publish(scope, outputs);
export const publishHubOutputs = (scope: Construct, outputs: HubOutputs) => publish(scope, outputs);
export const publishLogArchiveOutputs = (scope: Construct, outputs: LogArchiveOutputs) => publish(scope, outputs);
export const publishIpamOutputs = (scope: Construct, outputs: IpamOutputs) => publish(scope, outputs);
export const publishSpokeOutputs = (scope: Construct, outputs: SpokeOutputs) => publish(scope, outputs);

export function hubOutputPlaceholders(routeTables: readonly string[], services: readonly string[]): Record<string, unknown> {
  return {
    [OUTPUT_NAMES.transitGatewayId]: 'tgw-00000000000000000',
    [OUTPUT_NAMES.transitGatewayRouteTableIds]: Object.fromEntries(routeTables.map((table) => [table, `tgw-rtb-${placeholderHex(table)}`])),
    [OUTPUT_NAMES.latticeServiceNetworkArn]: 'arn:aws:vpc-lattice:eu-west-1:000000000000:servicenetwork/sn-00000000000000000',
    [OUTPUT_NAMES.privateHostedZoneIds]: Object.fromEntries(
      services.map((service) => [service, `Z${placeholderHex(service).toUpperCase()}`]),
    ),
  };
}

export const logArchiveOutputPlaceholders = (): Record<string, unknown> => ({
  [OUTPUT_NAMES.flowLogBucketArn]: 'arn:aws:s3:::offline-placeholder-flow-logs',
});

export function ipamOutputPlaceholders(regions: readonly string[]): Record<string, unknown> {
  const pools = (family: string) =>
    Object.fromEntries(regions.map((region) => [region, `ipam-pool-${placeholderHex(`${family}${region}`)}`]));
  return { [OUTPUT_NAMES.ipv4PoolIds]: pools('ipv4'), [OUTPUT_NAMES.ipv6PoolIds]: pools('ipv6') };
}

export function spokeOutputPlaceholders(name: string, cidr: string | undefined, tiers: readonly string[]): Record<string, unknown> {
  return {
    [OUTPUT_NAMES.vpcId]: `vpc-${placeholderHex(name)}`,
    [OUTPUT_NAMES.vpcCidr]: cidr ?? '10.255.0.0/16',
    [OUTPUT_NAMES.vpcIpv6Cidr]: '2001:db8::/56',
    [OUTPUT_NAMES.subnetIds]: Object.fromEntries(tiers.map((tier) => [tier, [`subnet-${placeholderHex(`${name}${tier}`)}`]])),
    [OUTPUT_NAMES.routeTableIds]: Object.fromEntries(tiers.map((tier) => [tier, `rtb-${placeholderHex(`${name}${tier}`)}`])),
    [OUTPUT_NAMES.securityGroupIds]: {},
  };
}

/**
 * Reads account ids from the org stack's outputs. The remote state is opened on first use, and
 * its offline placeholders list only the accounts this stack reads, so vending an account does
 * not touch unrelated stacks.
 */
export class OrgOutputsReader {
  private readonly placeholderIds: Record<string, string> = {};
  private state?: TerraformRemoteState;

  constructor(private readonly open: (placeholders: Record<string, unknown>) => TerraformRemoteState) {}

  accountId(accountName: string): string {
    this.placeholderIds[accountName] = placeholderAccountId(accountName);
    this.state ??= this.open({ [OUTPUT_NAMES.accountIds]: this.placeholderIds });
    return lookup(this.state, 'accountIds', accountName);
  }
}

export function readHubOutputs(state: TerraformRemoteState, routeTables: readonly string[], services: readonly string[]): HubOutputs {
  return {
    transitGatewayId: state.getString(OUTPUT_NAMES.transitGatewayId),
    transitGatewayRouteTableIds: Object.fromEntries(
      routeTables.map((table) => [table, lookup(state, 'transitGatewayRouteTableIds', table)]),
    ),
    latticeServiceNetworkArn: state.getString(OUTPUT_NAMES.latticeServiceNetworkArn),
    privateHostedZoneIds: Object.fromEntries(services.map((service) => [service, lookup(state, 'privateHostedZoneIds', service)])),
  };
}

export const readLogArchiveOutputs = (state: TerraformRemoteState): LogArchiveOutputs => ({
  flowLogBucketArn: state.getString(OUTPUT_NAMES.flowLogBucketArn),
});

export function readIpamPoolIds(state: TerraformRemoteState, region: string): { ipv4: string; ipv6: string } {
  return { ipv4: lookup(state, 'ipv4PoolIds', region), ipv6: lookup(state, 'ipv6PoolIds', region) };
}

export function readSpokeOutputs(
  state: TerraformRemoteState,
  tiers: readonly string[],
): Omit<SpokeOutputs, 'subnetIds' | 'securityGroupIds'> {
  return {
    vpcId: state.getString(OUTPUT_NAMES.vpcId),
    vpcCidr: state.getString(OUTPUT_NAMES.vpcCidr),
    vpcIpv6Cidr: state.getString(OUTPUT_NAMES.vpcIpv6Cidr),
    routeTableIds: Object.fromEntries(tiers.map((tier) => [tier, lookup(state, 'routeTableIds', tier)])),
  };
}

function lookup(state: TerraformRemoteState, output: OutputKey, key: string): string {
  return Token.asString(Fn.lookup(state.get(OUTPUT_NAMES[output]), key));
}

/** A stable, valid-looking 12-digit id per name, so offline plans of different accounts differ. */
function placeholderAccountId(name: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 15)}`)
    .toString()
    .padStart(12, '0');
  return digits.slice(-12);
}

function placeholderHex(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 17);
}
