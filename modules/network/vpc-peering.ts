import { Route } from '@cdktf/provider-aws/lib/route';
import { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
import { VpcPeeringConnectionAccepterA } from '@cdktf/provider-aws/lib/vpc-peering-connection-accepter';
import { VpcPeeringConnectionOptions } from '@cdktf/provider-aws/lib/vpc-peering-connection-options';
import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as ipaddr from 'ipaddr.js';

/** One VPC of the pair; the requester is exactly this. */
export interface VpcPeeringSide {
  /** CAUTION: changing it replaces the peering connection. */
  readonly vpcId: string;
  /** IPv4 CIDR of the VPC: the other side routes it to the peering. */
  readonly cidr: string;
  /** IPv6 CIDR of the VPC; IPv6 routes are made only when both sides have one. @default - no IPv6 routes */
  readonly ipv6Cidr?: string;
  /** Route tables of this VPC, keyed by tier, that route the other side's CIDRs to the peering. */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** Provider of this side's account and region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export interface VpcPeeringAccepter extends VpcPeeringSide {
  /** Account that owns the accepter VPC (12 digits). CAUTION: changing it replaces the peering connection. */
  readonly ownerAccountId: string;
  /** Region of the accepter VPC. CAUTION: changing it replaces the peering connection. */
  readonly region: string;
  /** Provider of the accepter's account, configured for the accepter's region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export interface VpcPeeringProps {
  /** Name of the pair (`payments-to-analytics`): the connection's Name tag and error messages. */
  readonly name: string;
  readonly requester: VpcPeeringSide;
  readonly accepter: VpcPeeringAccepter;
  /** Let each side resolve the other's public DNS hostnames to private addresses. @default true */
  readonly allowRemoteVpcDnsResolution?: boolean;
}

/**
 * A VPC peering connection between two VPCs in the same or different accounts and regions. The
 * requester side is created with the requester's provider and never auto-accepts (`peer_region`
 * forbids it); the accepter resource accepts in the accepter's account. DNS options and routes are
 * set on both sides, each with its own provider, once the connection is active.
 * Peering is not transitive: neither side reaches anything beyond the other VPC through it.
 */
export class VpcPeering extends Construct {
  readonly connection: VpcPeeringConnection;
  readonly accepterConnection: VpcPeeringConnectionAccepterA;

  constructor(scope: Construct, id: string, props: VpcPeeringProps) {
    super(scope, id);
    validate(props);
    const { requester, accepter } = props;
    this.connection = new VpcPeeringConnection(this, 'connection', {
      provider: requester.provider,
      vpcId: requester.vpcId,
      peerVpcId: accepter.vpcId,
      peerOwnerId: accepter.ownerAccountId,
      peerRegion: accepter.region,
      autoAccept: false,
      tags: { Name: props.name, Side: 'requester' },
    });
    this.accepterConnection = new VpcPeeringConnectionAccepterA(this, 'accepter', {
      provider: accepter.provider,
      vpcPeeringConnectionId: this.connection.id,
      autoAccept: true,
      tags: { Name: props.name, Side: 'accepter' },
    });
    const dnsResolution = props.allowRemoteVpcDnsResolution ?? true;
    const active = [this.accepterConnection];
    new VpcPeeringConnectionOptions(this, 'requester-options', {
      provider: requester.provider,
      vpcPeeringConnectionId: this.connection.id,
      requester: { allowRemoteVpcDnsResolution: dnsResolution },
      dependsOn: active,
    });
    new VpcPeeringConnectionOptions(this, 'accepter-options', {
      provider: accepter.provider,
      vpcPeeringConnectionId: this.accepterConnection.id,
      accepter: { allowRemoteVpcDnsResolution: dnsResolution },
    });
    const bothIpv6 = requester.ipv6Cidr !== undefined && accepter.ipv6Cidr !== undefined;
    const routes = (side: 'requester' | 'accepter', from: VpcPeeringSide, to: VpcPeeringSide): void => {
      for (const [tier, routeTableId] of Object.entries(from.routeTableIds)) {
        const common = { provider: from.provider, routeTableId, vpcPeeringConnectionId: this.connection.id, dependsOn: active };
        new Route(this, `${side}-${tier}-ipv4`, { ...common, destinationCidrBlock: to.cidr });
        if (bothIpv6) new Route(this, `${side}-${tier}-ipv6`, { ...common, destinationIpv6CidrBlock: to.ipv6Cidr });
      }
    };
    routes('requester', requester, accepter);
    routes('accepter', accepter, requester);
  }

  get connectionId(): string {
    return this.connection.id;
  }
}

function validate(props: VpcPeeringProps): void {
  const where = `VpcPeering ${props.name}`;
  const { requester, accepter } = props;
  const literal = (value: string): boolean => !Token.isUnresolved(value);
  if (literal(requester.vpcId) && requester.vpcId === accepter.vpcId) {
    throw new Error(`${where}: requester and accepter are the same VPC; peer two different VPCs`);
  }
  for (const [side, spec] of [
    ['requester', requester],
    ['accepter', accepter],
  ] as const) {
    if (Object.keys(spec.routeTableIds).length === 0) {
      throw new Error(`${where}: ${side}.routeTableIds is empty; give the route tables (by tier) that should reach the other VPC`);
    }
    if (literal(spec.cidr) && !ipaddr.IPv4.isValidCIDR(spec.cidr)) {
      throw new Error(`${where}: ${side}.cidr ${spec.cidr} is not an IPv4 CIDR block`);
    }
    if (spec.ipv6Cidr !== undefined && literal(spec.ipv6Cidr) && !ipaddr.IPv6.isValidCIDR(spec.ipv6Cidr)) {
      throw new Error(`${where}: ${side}.ipv6Cidr ${spec.ipv6Cidr} is not an IPv6 CIDR block`);
    }
  }
  if (literal(accepter.ownerAccountId) && !/^\d{12}$/.test(accepter.ownerAccountId)) {
    throw new Error(`${where}: accepter.ownerAccountId ${accepter.ownerAccountId} is not a 12-digit account id`);
  }
  if (literal(requester.cidr) && literal(accepter.cidr) && overlap(requester.cidr, accepter.cidr)) {
    throw new Error(`${where}: requester.cidr ${requester.cidr} overlaps accepter.cidr ${accepter.cidr}; peered VPCs need distinct ranges`);
  }
  if (requester.ipv6Cidr !== undefined && literal(requester.ipv6Cidr) && accepter.ipv6Cidr !== undefined && literal(accepter.ipv6Cidr)) {
    if (overlap(requester.ipv6Cidr, accepter.ipv6Cidr)) {
      throw new Error(
        `${where}: requester.ipv6Cidr ${requester.ipv6Cidr} overlaps accepter.ipv6Cidr ${accepter.ipv6Cidr}; peered VPCs need distinct ranges`,
      );
    }
  }
}

function overlap(a: string, b: string): boolean {
  const [first, second] = [ipaddr.parseCIDR(a), ipaddr.parseCIDR(b)];
  const [shorter, longer] = first[1] <= second[1] ? [first, second] : [second, first];
  return longer[0].match(shorter);
}
