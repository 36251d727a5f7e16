import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { TIER_TAG, type Tier } from '../shared/tiers';
import { isLetteredZone, zoneLetter } from '../shared/zones';
import { type Ipv6BlockSource, ipv6SubnetBits, validateIpv6BlockSource, VpcBase } from './vpc-base';

export type { Tier } from '../shared/tiers';
export { type Ipv6BlockSource, ipv6SubnetBits, ipv6SubnetIndex, ipv6VpcArguments, validateIpv6BlockSource } from './vpc-base';

export interface TieredSubnetSpec {
  readonly tier: Tier;
  readonly availabilityZone: string;
  /**
   * IPv4 block of the subnet. Omit it for a subnet of an IPv6-only tier, and in a VPC whose block
   * comes from IPAM (give `newBits` and `netNum` instead).
   * CAUTION: changing it replaces the subnet.
   * @default - no IPv4 block given
   */
  readonly cidrBlock?: string;
  /**
   * In a VPC whose IPv4 block comes from IPAM: the subnet is `cidrsubnet(<VPC block>, newBits, netNum)`.
   * CAUTION: changing it replaces the subnet.
   * @default - cidrBlock is used
   */
  readonly newBits?: number;
  /** See `newBits`. CAUTION: changing it replaces the subnet. @default - cidrBlock is used */
  readonly netNum?: number;
}

export interface TieredVpcIpv6Props extends Ipv6BlockSource {
  /**
   * Private tiers whose `::/0` goes to an egress-only internet gateway. The public tier always
   * routes `::/0` to the internet gateway; the data tier never routes to the internet.
   * @default ['app']
   */
  readonly egressOnlyInternetGatewayTiers?: readonly Tier[];
  /** Tiers whose subnets answer DNS queries with synthetic `64:ff9b::/96` addresses (DNS64). @default [] */
  readonly dns64Tiers?: readonly Tier[];
  /**
   * Tiers whose subnets are IPv6-only (no IPv4 block; instance hostnames by resource name).
   * CAUTION: changing it replaces the tier's subnets.
   * @default []
   */
  readonly ipv6OnlyTiers?: readonly Tier[];
}

export interface TieredVpcProps {
  /** Name tag prefix of the VPC and everything in it. */
  readonly name: string;
  /**
   * The VPC's IPv4 block. CAUTION: changing it replaces the VPC and everything in it.
   * @default - taken from ipv4IpamPoolId (one of the two is required)
   */
  readonly cidrBlock?: string;
  /** IPAM pool (IPv4) to take the VPC's block from. CAUTION: changing it replaces the VPC. @default - cidrBlock is used */
  readonly ipv4IpamPoolId?: string;
  /** Size of the block taken from ipv4IpamPoolId (16–28). Required with it. CAUTION: changing it replaces the VPC. @default - none */
  readonly ipv4NetmaskLength?: number;
  /** One subnet per tier and AZ; a `public` tier gets an internet gateway. */
  readonly subnets: readonly TieredSubnetSpec[];
  /** @default true */
  readonly enableDnsHostnames?: boolean;
  /** Dual-stack: an IPv6 block for the VPC and a /64 per subnet (see `ipv6SubnetIndex`). @default - IPv4 only */
  readonly ipv6?: TieredVpcIpv6Props;
}

const IPV6_TIER_OFFSET: Readonly<Record<Tier, number>> = { public: 0, app: 1, data: 2 };

/**
 * A VPC with subnets per tier (public, app, data) and AZ, one route table per tier, and a default
 * security group with no rules. Only the public tier routes to the internet gateway; app and data
 * tiers get their routes from whatever attaches them (the Transit Gateway). With IPv6, the public
 * tier also routes `::/0` to the internet gateway and the `egressOnlyInternetGatewayTiers` to an
 * egress-only internet gateway; the data tier never routes to the internet.
 * Construct IDs are `<tier>-<zone letter>`, so adding an AZ never renames another subnet.
 */
export class TieredVpc extends VpcBase {
  readonly internetGateway?: InternetGateway;
  readonly egressOnlyInternetGateway?: EgressOnlyInternetGateway;
  private readonly props: TieredVpcProps;
  private readonly subnetsByTier = new Map<Tier, Map<string, Subnet>>();
  private readonly routeTablesByTier = new Map<Tier, RouteTable>();

  constructor(scope: Construct, id: string, props: TieredVpcProps) {
    validate(props);
    super(scope, id, props);
    this.props = props;
    const ipv6 = props.ipv6;
    for (const spec of props.subnets) this.addSubnet(spec);

    const publicTable = this.routeTablesByTier.get('public');
    if (publicTable) this.internetGateway = this.addInternetGateway(props.name, publicTable.id, ipv6 !== undefined);
    const egressOnlyTiers = (ipv6?.egressOnlyInternetGatewayTiers ?? ['app']).filter((tier) => this.routeTablesByTier.has(tier));
    if (ipv6 && egressOnlyTiers.length > 0) {
      this.egressOnlyInternetGateway = new EgressOnlyInternetGateway(this, 'egress-only-internet-gateway', {
        vpcId: this.vpc.id,
        tags: { Name: props.name },
      });
      for (const tier of egressOnlyTiers) {
        new Route(this, `${tier}-egress-only-route`, {
          routeTableId: this.routeTableId(tier),
          destinationIpv6CidrBlock: '::/0',
          egressOnlyGatewayId: this.egressOnlyInternetGateway.id,
        });
      }
    }
  }

  get tiers(): Tier[] {
    return [...this.subnetsByTier.keys()];
  }

  subnetIds(tier: Tier): string[] {
    return [...(this.subnetsByTier.get(tier)?.values() ?? [])].map((subnet) => subnet.id);
  }

  /** A tier's subnet ids keyed by zone letter. */
  subnetIdsByZone(tier: Tier): Record<string, string> {
    return Object.fromEntries([...(this.subnetsByTier.get(tier) ?? [])].map(([letter, subnet]) => [letter, subnet.id]));
  }

  /** IPv4 blocks of a tier's subnets keyed by zone letter; IPv6-only subnets are left out. */
  subnetCidrBlocks(tier: Tier): Record<string, string> {
    const specs = this.props.subnets.filter((spec) => spec.tier === tier && !this.isIpv6Only(tier));
    return Object.fromEntries(specs.map((spec) => [zoneLetter(spec.availabilityZone), this.ipv4CidrOf(spec)]));
  }

  /** IPv6 /64s of a tier's subnets keyed by zone letter; empty when the VPC is IPv4-only. */
  subnetIpv6CidrBlocks(tier: Tier): Record<string, string> {
    if (!this.props.ipv6) return {};
    return Object.fromEntries([...(this.subnetsByTier.get(tier) ?? [])].map(([letter, subnet]) => [letter, subnet.ipv6CidrBlock]));
  }

  /** The /60 that holds every /64 of a tier (one range for NACL rules and routes). */
  tierIpv6CidrBlock(tier: Tier): string {
    const ipv6 = this.props.ipv6;
    if (!ipv6) throw new Error(`TieredVpc ${this.props.name}: tierIpv6CidrBlock needs IPv6; set the ipv6 prop`);
    return Fn.cidrsubnet(this.vpc.ipv6CidrBlock, ipv6SubnetBits(ipv6) - 4, IPV6_TIER_OFFSET[tier]);
  }

  routeTableId(tier: Tier): string {
    const table = this.routeTablesByTier.get(tier);
    if (!table) throw new Error(`TieredVpc: this VPC has no ${tier} tier`);
    return table.id;
  }

  private isIpv6Only(tier: Tier): boolean {
    return this.props.ipv6?.ipv6OnlyTiers?.includes(tier) ?? false;
  }

  private ipv4CidrOf(spec: TieredSubnetSpec): string {
    if (spec.cidrBlock !== undefined) return spec.cidrBlock;
    return Fn.cidrsubnet(this.vpc.cidrBlock, spec.newBits!, spec.netNum!);
  }

  private addSubnet(spec: TieredSubnetSpec): void {
    const { name, ipv6 } = this.props;
    const letter = zoneLetter(spec.availabilityZone);
    const ipv6Only = this.isIpv6Only(spec.tier);
    const subnet = new Subnet(this, `${spec.tier}-${letter}`, {
      vpcId: this.vpc.id,
      cidrBlock: ipv6Only ? undefined : this.ipv4CidrOf(spec),
      availabilityZone: spec.availabilityZone,
      mapPublicIpOnLaunch: ipv6Only ? undefined : false,
      ...this.ipv6SubnetArguments(IPV6_TIER_OFFSET[spec.tier], spec.availabilityZone),
      ...(ipv6 && { enableDns64: ipv6.dns64Tiers?.includes(spec.tier) ?? false }),
      ...(ipv6Only && {
        ipv6Native: true,
        privateDnsHostnameTypeOnLaunch: 'resource-name',
        enableResourceNameDnsAaaaRecordOnLaunch: true,
        enableResourceNameDnsARecordOnLaunch: false,
      }),
      tags: { Name: `${name}-${spec.tier}-${letter}`, [TIER_TAG]: spec.tier },
    });
    new RouteTableAssociation(this, `${spec.tier}-${letter}-routes`, {
      subnetId: subnet.id,
      routeTableId: this.routeTableFor(spec.tier).id,
    });
    const byZone = this.subnetsByTier.get(spec.tier) ?? new Map<string, Subnet>();
    this.subnetsByTier.set(spec.tier, byZone.set(letter, subnet));
  }

  private routeTableFor(tier: Tier): RouteTable {
    let table = this.routeTablesByTier.get(tier);
    if (!table) {
      table = new RouteTable(this, `${tier}-route-table`, { vpcId: this.vpc.id, tags: { Name: `${this.props.name}-${tier}`, Tier: tier } });
      this.routeTablesByTier.set(tier, table);
    }
    return table;
  }
}

function validate(props: TieredVpcProps): void {
  const owner = `TieredVpc ${props.name}`;
  if (props.subnets.length === 0) throw new Error(`${owner}: give at least one subnet`);
  const keys = props.subnets.map((spec) => `${spec.tier}-${spec.availabilityZone}`);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) throw new Error(`${owner}: ${repeated} is listed twice; give one subnet per tier and AZ`);
  validateIpv4Block(owner, props);
  if (props.ipv6) validateIpv6(owner, props, props.ipv6);
  const ipv6Only = props.ipv6?.ipv6OnlyTiers ?? [];
  for (const spec of props.subnets) {
    const where = `${owner}: subnet ${spec.tier}-${spec.availabilityZone}`;
    const hasPosition = spec.newBits !== undefined || spec.netNum !== undefined;
    if (ipv6Only.includes(spec.tier)) {
      if (spec.cidrBlock !== undefined || hasPosition)
        throw new Error(`${where} is in an IPv6-only tier (ipv6.ipv6OnlyTiers); remove its cidrBlock, newBits and netNum`);
    } else if (props.ipv4IpamPoolId) {
      if (spec.cidrBlock !== undefined || spec.newBits === undefined || spec.netNum === undefined)
        throw new Error(`${where}: the VPC block comes from ipv4IpamPoolId, so give newBits and netNum instead of cidrBlock`);
    } else if (spec.cidrBlock === undefined || hasPosition) {
      throw new Error(
        `${where} needs a cidrBlock (and no newBits or netNum); for a subnet without IPv4, set ipv6 and list ${spec.tier} in ipv6.ipv6OnlyTiers`,
      );
    }
  }
}

function validateIpv4Block(owner: string, props: TieredVpcProps): void {
  if ((props.cidrBlock === undefined) === (props.ipv4IpamPoolId === undefined))
    throw new Error(`${owner}: give exactly one of cidrBlock and ipv4IpamPoolId`);
  if (props.ipv4IpamPoolId === undefined && props.ipv4NetmaskLength !== undefined)
    throw new Error(`${owner}: ipv4NetmaskLength only applies with ipv4IpamPoolId; set the pool or remove it`);
  if (props.ipv4IpamPoolId !== undefined) {
    const length = props.ipv4NetmaskLength;
    if (length === undefined || !Number.isInteger(length) || length < 16 || length > 28)
      throw new Error(`${owner}: ipv4NetmaskLength must be 16 to 28 with ipv4IpamPoolId, got ${length}`);
  }
}

function validateIpv6(owner: string, props: TieredVpcProps, ipv6: TieredVpcIpv6Props): void {
  validateIpv6BlockSource(owner, ipv6);
  const egressOnly = ipv6.egressOnlyInternetGatewayTiers ?? ['app'];
  if (egressOnly.includes('data'))
    throw new Error(`${owner}: the data tier must never route to the internet; remove data from ipv6.egressOnlyInternetGatewayTiers`);
  if (egressOnly.includes('public'))
    throw new Error(
      `${owner}: the public tier routes ::/0 to the internet gateway; remove public from ipv6.egressOnlyInternetGatewayTiers`,
    );
  for (const spec of props.subnets) {
    if (!isLetteredZone(spec.availabilityZone))
      throw new Error(`${owner}: availability zone ${spec.availabilityZone} must end in a letter a–p to get an IPv6 /64 by zone letter`);
  }
}
