import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { moveFromPath, moveSubtreeFrom, pathBelowStack } from '../shared/moves';
import type { Tier } from '../shared/tiers';
import { byZoneLetter, isLetteredZone, zoneLetter } from '../shared/zones';
import { InspectionFirewall, type InspectionFirewallProps } from './inspection-firewall';
import { type Ipv6BlockSource, validateIpv6BlockSource, VpcBase } from './vpc-base';

export interface InspectionZoneSpec {
  /** A literal zone name ending in a letter a–p; the letter names the zone's subnets and route table. */
  readonly availabilityZone: string;
  /** IPv4 block of the zone's Transit Gateway attachment subnet (a /28 is enough). CAUTION: changing it replaces the subnet. */
  readonly attachmentCidrBlock: string;
  /** IPv4 block of the zone's firewall subnet, which holds the zone's firewall endpoint. CAUTION: changing it replaces the subnet and the endpoint. */
  readonly firewallCidrBlock: string;
}

/** Firewall settings passed through to `InspectionFirewall` (see its props for each default). */
export type InspectionFirewallOptions = Pick<
  InspectionFirewallProps,
  'deniedDomains' | 'managedDomainRuleGroups' | 'ruleGroupCapacity' | 'logRetentionDays' | 'deleteProtection'
>;

/**
 * Construct IDs, in the scope of this VPC, of the resources that a stack placed beside it when the
 * inspection VPC was a `TieredVpc` with the same ID: the `InspectionFirewall` and the two `Route`s.
 */
export interface InspectionVpcMovedFrom {
  /** The `InspectionFirewall`'s ID, e.g. `firewall-inspection`. */
  readonly firewallId: string;
  /** The route from the attachment subnets to the firewall, e.g. `inspection-inspection-to-firewall`. */
  readonly firewallRouteId: string;
  /** The route from the firewall subnets to the Transit Gateway, e.g. `inspection-inspection-to-transit-gateway`. */
  readonly transitGatewayRouteId: string;
}

export interface InspectionVpcProps {
  /** Name tag prefix of the VPC and everything in it, and the firewall's name. CAUTION: changing it replaces the firewall. */
  readonly name: string;
  /** Region of the VPC, for the ARNs of AWS managed rule groups. */
  readonly region: string;
  /** CAUTION: changing it replaces the VPC and everything in it. */
  readonly cidrBlock: string;
  /** One entry per availability zone: an attachment subnet and a firewall subnet each. */
  readonly zones: readonly InspectionZoneSpec[];
  /** The ranges whose traffic is inspected (the firewall's `HOME_NET`): the environment's ranges, IPv4 and IPv6. */
  readonly homeNetCidrs: readonly string[];
  /**
   * Dual-stack: an IPv6 block for the VPC, a /64 per subnet, dual-stack firewall endpoints, and
   * `::/0` routed like `0.0.0.0/0`.
   * CAUTION: adding or removing it replaces the firewall endpoints.
   * @default - IPv4 only
   */
  readonly ipv6?: Ipv6BlockSource;
  /** @default - InspectionFirewall's defaults */
  readonly firewall?: InspectionFirewallOptions;
  /**
   * Where the firewall and routes lived before this module owned them. Given, the module writes
   * `moved` blocks so Terraform moves them instead of replacing them (and moves the old shared
   * attachment route table to the first zone's). Drop it once every state has been applied.
   * @default - no moved blocks
   */
  readonly movedFrom?: InspectionVpcMovedFrom;
}

export interface InspectionTransitRoutesProps {
  readonly transitGatewayId: string;
  /** The VPC's Transit Gateway attachment (appliance mode on): a route to the gateway fails until it exists. */
  readonly attachment: ITerraformDependable;
}

/** The attachment subnets sit in the `app` tier, the firewall subnets in `data`: IDs and IPv6 /60s of the tiered layout. */
type InspectionTier = Extract<Tier, 'app' | 'data'>;
const ATTACHMENT_TIER: InspectionTier = 'app';
const FIREWALL_TIER: InspectionTier = 'data';
const IPV6_TIER_OFFSET: Readonly<Record<InspectionTier, number>> = { app: 1, data: 2 };

/**
 * The hub's inspection VPC: per zone a Transit Gateway attachment subnet and a firewall subnet
 * holding that zone's AWS Network Firewall endpoint (`InspectionFirewall`, construct ID `firewall`).
 *
 * Each zone's attachment subnet has its own route table sending `0.0.0.0/0` (and `::/0` when
 * dual-stack) to the firewall endpoint of the same zone, so traffic never crosses zones to be
 * inspected and losing a zone loses only that zone's endpoint. The firewall subnets share one route
 * table: after inspection everything goes back to the Transit Gateway (`routeToTransitGateway`,
 * once the attachment exists), which is regional. The attachment needs appliance mode so both
 * directions of a flow use the same zone's endpoint.
 *
 * Construct IDs keep the tiered layout this VPC had before: subnets `app-<zone letter>`
 * (attachment) and `data-<zone letter>` (firewall), their associations `<id>-routes`, and the
 * firewall subnets' table `data-route-table`.
 */
export class InspectionVpc extends VpcBase {
  readonly firewall: InspectionFirewall;
  readonly firewallRouteTable: RouteTable;
  private readonly props: InspectionVpcProps;
  private readonly attachmentSubnets = new Map<string, Subnet>();
  private readonly firewallSubnets = new Map<string, Subnet>();
  private readonly attachmentRouteTables = new Map<string, RouteTable>();
  private routedToTransitGateway = false;

  constructor(scope: Construct, id: string, props: InspectionVpcProps) {
    validate(props);
    super(scope, id, { name: props.name, cidrBlock: props.cidrBlock, ipv6: props.ipv6 });
    this.props = props;
    const zones = byZoneLetter(props.zones);
    this.firewallRouteTable = this.routeTable(FIREWALL_TIER, FIREWALL_TIER);
    for (const zone of zones) {
      const subnet = this.subnet(FIREWALL_TIER, zone.availabilityZone, zone.firewallCidrBlock, this.firewallRouteTable);
      this.firewallSubnets.set(zone.availabilityZone, subnet);
    }
    this.firewall = new InspectionFirewall(this, 'firewall', {
      ...props.firewall,
      name: props.name,
      region: props.region,
      vpcId: this.vpc.id,
      firewallSubnetIds: Object.fromEntries([...this.firewallSubnets].map(([zone, subnet]) => [zone, subnet.id])),
      homeNetCidrs: props.homeNetCidrs,
      dualStack: props.ipv6 !== undefined,
    });
    for (const zone of zones) this.addAttachmentZone(zone);
    if (props.movedFrom) this.moveFromTieredLayout(props.movedFrom, zones[0]);
  }

  /**
   * Routes `0.0.0.0/0` (and `::/0` when dual-stack) from the firewall subnets back to the Transit
   * Gateway. Call once, after creating the attachment.
   */
  routeToTransitGateway(props: InspectionTransitRoutesProps): void {
    if (this.routedToTransitGateway)
      throw new Error(`InspectionVpc ${this.props.name}: routeToTransitGateway was already called; call it once`);
    this.routedToTransitGateway = true;
    const route = new Route(this, `${FIREWALL_TIER}-to-transit-gateway`, {
      routeTableId: this.firewallRouteTable.id,
      destinationCidrBlock: '0.0.0.0/0',
      transitGatewayId: props.transitGatewayId,
      dependsOn: [props.attachment],
    });
    if (this.props.movedFrom) moveFromPath(route, this.previousSiblingPath(this.props.movedFrom.transitGatewayRouteId));
    if (!this.props.ipv6) return;
    new Route(this, `${FIREWALL_TIER}-to-transit-gateway-ipv6`, {
      routeTableId: this.firewallRouteTable.id,
      destinationIpv6CidrBlock: '::/0',
      transitGatewayId: props.transitGatewayId,
      dependsOn: [props.attachment],
    });
  }

  /** One per zone, in zone-letter order: the subnets to attach to the Transit Gateway. */
  get attachmentSubnetIds(): string[] {
    return [...this.attachmentSubnets.values()].map((subnet) => subnet.id);
  }

  /** Firewall subnets keyed by availability zone name. */
  get firewallSubnetIds(): Record<string, string> {
    return Object.fromEntries([...this.firewallSubnets].map(([zone, subnet]) => [zone, subnet.id]));
  }

  /** Attachment route tables keyed by zone letter. */
  get attachmentRouteTableIds(): Record<string, string> {
    return Object.fromEntries([...this.attachmentRouteTables].map(([letter, table]) => [letter, table.id]));
  }

  /** Firewall endpoint ids keyed by availability zone name. */
  get endpointIds(): Record<string, string> {
    return this.firewall.endpointIds;
  }

  private addAttachmentZone(zone: InspectionZoneSpec): void {
    const letter = zoneLetter(zone.availabilityZone);
    const table = this.routeTable(ATTACHMENT_TIER, `${ATTACHMENT_TIER}-${letter}`);
    const subnet = this.subnet(ATTACHMENT_TIER, zone.availabilityZone, zone.attachmentCidrBlock, table);
    const endpointId = this.firewall.endpointId(zone.availabilityZone);
    new Route(this, `${ATTACHMENT_TIER}-${letter}-to-firewall`, {
      routeTableId: table.id,
      destinationCidrBlock: '0.0.0.0/0',
      vpcEndpointId: endpointId,
    });
    if (this.props.ipv6) {
      new Route(this, `${ATTACHMENT_TIER}-${letter}-to-firewall-ipv6`, {
        routeTableId: table.id,
        destinationIpv6CidrBlock: '::/0',
        vpcEndpointId: endpointId,
      });
    }
    this.attachmentSubnets.set(letter, subnet);
    this.attachmentRouteTables.set(letter, table);
  }

  /** `<key>-route-table`, tagged `<name>-<key>`. */
  private routeTable(tier: InspectionTier, key: string): RouteTable {
    return new RouteTable(this, `${key}-route-table`, {
      vpcId: this.vpc.id,
      tags: { Name: `${this.props.name}-${key}`, Tier: tier },
    });
  }

  private subnet(tier: InspectionTier, availabilityZone: string, cidrBlock: string, table: RouteTable): Subnet {
    const id = `${tier}-${zoneLetter(availabilityZone)}`;
    const subnet = new Subnet(this, id, {
      vpcId: this.vpc.id,
      cidrBlock,
      availabilityZone,
      mapPublicIpOnLaunch: false,
      ...this.ipv6SubnetArguments(IPV6_TIER_OFFSET[tier], availabilityZone),
      ...(this.props.ipv6 && { enableDns64: false }),
      tags: { Name: `${this.props.name}-${id}`, Tier: tier },
    });
    new RouteTableAssociation(this, `${id}-routes`, { subnetId: subnet.id, routeTableId: table.id });
    return subnet;
  }

  /**
   * From the layout where a stack placed the firewall and two routes beside a TieredVpc of this ID:
   * the firewall moves in whole, the old shared attachment route table and its route to the
   * firewall become the first zone's (the other zones get new ones).
   */
  private moveFromTieredLayout(movedFrom: InspectionVpcMovedFrom, firstZone: InspectionZoneSpec): void {
    moveSubtreeFrom(this.firewall, this.previousSiblingPath(movedFrom.firewallId));
    const letter = zoneLetter(firstZone.availabilityZone);
    moveFromPath(this.attachmentRouteTables.get(letter)!, [...pathBelowStack(this), `${ATTACHMENT_TIER}-route-table`]);
    const route = this.node.findChild(`${ATTACHMENT_TIER}-${letter}-to-firewall`) as Route;
    moveFromPath(route, this.previousSiblingPath(movedFrom.firewallRouteId));
  }

  /** Path of a construct that sat beside this VPC (in the same scope) under `id`. */
  private previousSiblingPath(id: string): string[] {
    return [...pathBelowStack(this).slice(0, -1), id];
  }
}

function validate(props: InspectionVpcProps): void {
  const owner = `InspectionVpc ${props.name}`;
  if (props.zones.length === 0) throw new Error(`${owner}: give at least one zone`);
  const letters = props.zones.map((zone) => zoneLetter(zone.availabilityZone));
  const repeated = letters.find((letter, index) => letters.indexOf(letter) !== index);
  if (repeated) throw new Error(`${owner}: two zones end in the letter ${repeated}; give one entry per availability zone`);
  for (const zone of props.zones) {
    if (!isLetteredZone(zone.availabilityZone))
      throw new Error(`${owner}: availability zone ${zone.availabilityZone} must be a literal zone name ending in a letter a–p`);
    if (zone.attachmentCidrBlock === zone.firewallCidrBlock)
      throw new Error(`${owner}: zone ${zone.availabilityZone} uses ${zone.firewallCidrBlock} for both subnets; give each its own block`);
  }
  if (props.ipv6) validateIpv6BlockSource(owner, props.ipv6);
  const ids = props.movedFrom ? Object.entries(props.movedFrom) : [];
  const empty = ids.find(([, id]) => id.trim() === '');
  if (empty) throw new Error(`${owner}: movedFrom.${empty[0]} is empty; give the construct ID the stack used, or leave movedFrom out`);
}
