import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { type ITerraformDependable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import { byZoneLetter, isLetteredZone, zoneLetter } from '../shared/zones';
import { type Ipv6BlockSource, validateIpv6BlockSource, VpcBase } from './vpc-base';

export interface EgressZoneSpec {
  readonly availabilityZone: string;
  /** IPv4 block of the zone's public subnet (its NAT gateway). CAUTION: changing it replaces the subnet and the NAT gateway. */
  readonly publicCidrBlock: string;
  /** IPv4 block of the zone's Transit Gateway attachment subnet (a /28 is enough). CAUTION: changing it replaces the subnet. */
  readonly attachmentCidrBlock: string;
}

/** `per-az`: a NAT gateway in every zone, each zone's traffic through its own; `single`: one, for cost. */
export type NatGatewayPlacement = 'per-az' | 'single';

export interface EgressVpcProps {
  /** Name tag prefix of the VPC and everything in it. */
  readonly name: string;
  /** CAUTION: changing it replaces the VPC and everything in it. */
  readonly cidrBlock: string;
  /** One entry per availability zone: a public subnet and an attachment subnet each. */
  readonly zones: readonly EgressZoneSpec[];
  /**
   * With `single`, the NAT gateway sits in the zone whose letter comes first.
   * CAUTION: changing it creates or destroys NAT gateways and their public IPs.
   * @default 'per-az'
   */
  readonly natGateways?: NatGatewayPlacement;
  /**
   * Dual-stack, for NAT64: attachment subnets send `64:ff9b::/96` to the NAT gateway, which
   * translates IPv6-only clients' traffic to IPv4. IPv6 traffic to the internet does not come here:
   * each spoke sends it through its own egress-only internet gateway.
   * @default - IPv4 only
   */
  readonly ipv6?: Ipv6BlockSource;
  /**
   * Where the public route table sends `::/0`. `transit-gateway` (set through
   * `routeToTransitGateway`'s ipv6Destinations) is what NAT64 needs when the spokes' IPv6 blocks
   * are Amazon-assigned and unknown: the NAT gateway's translated replies must go back to the TGW.
   * @default 'internet-gateway'
   */
  readonly publicIpv6Default?: 'internet-gateway' | 'transit-gateway';
}

export interface EgressTransitRoutesProps {
  readonly transitGatewayId: string;
  /** The VPC's Transit Gateway attachment: a route to the gateway fails until the attachment exists. */
  readonly attachment: ITerraformDependable;
  /** IPv4 ranges behind the gateway (spokes, the environment's range); literal CIDRs, which name the routes. */
  readonly destinations: readonly string[];
  /** IPv6 ranges behind the gateway (for NAT64 return traffic), keyed by a stable name. @default {} */
  readonly ipv6Destinations?: Readonly<Record<string, string>>;
}

const PUBLIC_IPV6_OFFSET = 0;
const ATTACHMENT_IPV6_OFFSET = 1;

/**
 * The hub's central egress VPC: per zone a public subnet (NAT gateway) and a Transit Gateway
 * attachment subnet. Spokes send `0.0.0.0/0` to the gateway; it arrives in the attachment subnets,
 * whose per-zone route tables send it to the NAT gateway of the same zone (or the single one); the
 * public route table sends it on to the internet gateway. Return routes to the spokes through the
 * gateway come from `routeToTransitGateway`, once the attachment exists.
 */
export class EgressVpc extends VpcBase {
  readonly internetGateway: InternetGateway;
  readonly publicRouteTable: RouteTable;
  private readonly props: EgressVpcProps;
  private readonly publicSubnets = new Map<string, Subnet>();
  private readonly attachmentSubnets = new Map<string, Subnet>();
  private readonly attachmentRouteTables = new Map<string, RouteTable>();
  private readonly natGatewaysByZone = new Map<string, NatGateway>();
  private routedToTransitGateway = false;

  constructor(scope: Construct, id: string, props: EgressVpcProps) {
    validate(props);
    super(scope, id, { name: props.name, cidrBlock: props.cidrBlock, ipv6: props.ipv6 });
    this.props = props;
    const { name, ipv6 } = props;
    this.publicRouteTable = new RouteTable(this, 'public-route-table', { vpcId: this.vpc.id, tags: { Name: `${name}-public` } });
    const ipv6ToInternet = ipv6 !== undefined && (props.publicIpv6Default ?? 'internet-gateway') === 'internet-gateway';
    this.internetGateway = this.addInternetGateway(name, this.publicRouteTable.id, ipv6ToInternet);

    const zones = byZoneLetter(props.zones);
    for (const zone of zones) {
      const letter = zoneLetter(zone.availabilityZone);
      const publicSubnet = this.subnet('public', zone.availabilityZone, zone.publicCidrBlock, PUBLIC_IPV6_OFFSET);
      new RouteTableAssociation(this, `public-${letter}-routes`, { subnetId: publicSubnet.id, routeTableId: this.publicRouteTable.id });
      this.publicSubnets.set(letter, publicSubnet);
      if ((props.natGateways ?? 'per-az') === 'per-az' || zone === zones[0]) {
        const eip = new Eip(this, `nat-${letter}-eip`, { domain: 'vpc', tags: { Name: `${name}-nat-${letter}` } });
        const nat = new NatGateway(this, `nat-gateway-${letter}`, {
          subnetId: publicSubnet.id,
          allocationId: eip.allocationId,
          connectivityType: 'public',
          tags: { Name: `${name}-${letter}` },
          dependsOn: [this.internetGateway],
        });
        this.natGatewaysByZone.set(letter, nat);
      }
    }
    for (const zone of zones) {
      const letter = zoneLetter(zone.availabilityZone);
      const nat = this.natGatewaysByZone.get(letter) ?? this.natGatewaysByZone.values().next().value!;
      const subnet = this.subnet('attachment', zone.availabilityZone, zone.attachmentCidrBlock, ATTACHMENT_IPV6_OFFSET);
      const table = new RouteTable(this, `attachment-${letter}-route-table`, {
        vpcId: this.vpc.id,
        tags: { Name: `${name}-attachment-${letter}` },
      });
      new RouteTableAssociation(this, `attachment-${letter}-routes`, { subnetId: subnet.id, routeTableId: table.id });
      new Route(this, `attachment-${letter}-default-route`, {
        routeTableId: table.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: nat.id,
      });
      if (ipv6) {
        new Route(this, `attachment-${letter}-nat64-route`, {
          routeTableId: table.id,
          destinationIpv6CidrBlock: '64:ff9b::/96',
          natGatewayId: nat.id,
        });
      }
      this.attachmentSubnets.set(letter, subnet);
      this.attachmentRouteTables.set(letter, table);
    }
  }

  /**
   * Routes the spokes' ranges back through the Transit Gateway from the public route table (NAT
   * return traffic) and from every attachment route table. Call once, after creating the attachment.
   */
  routeToTransitGateway(props: EgressTransitRoutesProps): void {
    const owner = `EgressVpc ${this.props.name}`;
    if (this.routedToTransitGateway)
      throw new Error(`${owner}: routeToTransitGateway was already called; call it once with every destination`);
    this.routedToTransitGateway = true;
    if (props.destinations.length === 0) throw new Error(`${owner}: routeToTransitGateway needs at least one destination`);
    for (const destination of props.destinations) {
      if (Token.isUnresolved(destination) || !/^[0-9.]+\/\d+$/.test(destination))
        throw new Error(
          `${owner}: destination ${destination} must be a literal IPv4 CIDR (it names the route); put IPv6 ranges in ipv6Destinations`,
        );
    }
    validateConstructNames(owner, 'ipv6Destinations name', Object.keys(props.ipv6Destinations ?? {}));
    for (const [key, routeTableId] of Object.entries(this.routeTableIds)) {
      for (const destination of props.destinations) {
        new Route(this, `${key}-to-${destination.replace('/', '_')}`, {
          routeTableId,
          destinationCidrBlock: destination,
          transitGatewayId: props.transitGatewayId,
          dependsOn: [props.attachment],
        });
      }
      for (const [name, destination] of Object.entries(props.ipv6Destinations ?? {})) {
        new Route(this, `${key}-to-${name}-ipv6`, {
          routeTableId,
          destinationIpv6CidrBlock: destination,
          transitGatewayId: props.transitGatewayId,
          dependsOn: [props.attachment],
        });
      }
    }
  }

  /** One per zone, in zone-letter order: the subnets to attach to the Transit Gateway. */
  get attachmentSubnetIds(): string[] {
    return [...this.attachmentSubnets.values()].map((subnet) => subnet.id);
  }

  /** One per zone, in zone-letter order. */
  get publicSubnetIds(): string[] {
    return [...this.publicSubnets.values()].map((subnet) => subnet.id);
  }

  /** NAT gateway ids keyed by zone letter (one entry with `single`). */
  get natGatewayIds(): Record<string, string> {
    return Object.fromEntries([...this.natGatewaysByZone].map(([letter, nat]) => [letter, nat.id]));
  }

  /** Public IPv4 addresses of the NAT gateways keyed by zone letter: what the internet sees. */
  get natPublicIps(): Record<string, string> {
    return Object.fromEntries([...this.natGatewaysByZone].map(([letter, nat]) => [letter, nat.publicIp]));
  }

  /** Attachment route tables keyed by zone letter. */
  get attachmentRouteTableIds(): Record<string, string> {
    return Object.fromEntries([...this.attachmentRouteTables].map(([letter, table]) => [letter, table.id]));
  }

  /** Every route table: `public`, and `attachment-<zone letter>`. */
  get routeTableIds(): Record<string, string> {
    return {
      public: this.publicRouteTable.id,
      ...Object.fromEntries([...this.attachmentRouteTables].map(([letter, table]) => [`attachment-${letter}`, table.id])),
    };
  }

  private subnet(role: 'public' | 'attachment', availabilityZone: string, cidrBlock: string, ipv6Offset: number): Subnet {
    const letter = zoneLetter(availabilityZone);
    return new Subnet(this, `${role}-${letter}`, {
      vpcId: this.vpc.id,
      cidrBlock,
      availabilityZone,
      mapPublicIpOnLaunch: false,
      ...this.ipv6SubnetArguments(ipv6Offset, availabilityZone),
      tags: { Name: `${this.props.name}-${role}-${letter}`, Role: role },
    });
  }
}

function validate(props: EgressVpcProps): void {
  const owner = `EgressVpc ${props.name}`;
  if (props.zones.length === 0) throw new Error(`${owner}: give at least one zone`);
  const letters = props.zones.map((zone) => zoneLetter(zone.availabilityZone));
  const repeated = letters.find((letter, index) => letters.indexOf(letter) !== index);
  if (repeated) throw new Error(`${owner}: two zones end in the letter ${repeated}; give one entry per availability zone`);
  for (const zone of props.zones) {
    if (!isLetteredZone(zone.availabilityZone))
      throw new Error(`${owner}: availability zone ${zone.availabilityZone} must be a literal zone name ending in a letter a–p`);
    if (zone.publicCidrBlock === zone.attachmentCidrBlock)
      throw new Error(`${owner}: zone ${zone.availabilityZone} uses ${zone.publicCidrBlock} for both subnets; give each its own block`);
  }
  const placement = props.natGateways ?? 'per-az';
  if (placement !== 'per-az' && placement !== 'single') throw new Error(`${owner}: natGateways must be per-az or single, got ${placement}`);
  if (props.ipv6) validateIpv6BlockSource(owner, props.ipv6);
}
