import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as ipaddr from 'ipaddr.js';

export interface TransitGatewayRoutedAttachment {
  /** The attachment id (`tgw-attach-…`), or a token that resolves to it. */
  readonly id: string;
  /** The segment the attachment is associated with, checked against `routeTableIds` (TransitGatewayAttachment makes the association). */
  readonly segment: string;
}

export interface TransitGatewayStaticRoute {
  /** Segment whose route table holds the route. */
  readonly segment: string;
  /** IPv4 or IPv6 destination, e.g. `0.0.0.0/0` or `::/0`. CAUTION: changing it replaces the route. */
  readonly destinationCidrBlock: string;
  /** Name of the attachment (a key of `attachments`) that receives the traffic. */
  readonly attachment: string;
}

export interface TransitGatewayBlackholeRoute {
  /** Segment whose route table drops the traffic. */
  readonly segment: string;
  /** IPv4 or IPv6 destination that is dropped. CAUTION: changing it replaces the route. */
  readonly destinationCidrBlock: string;
}

export interface TransitGatewayRoutingProps {
  /** Used in error messages only. */
  readonly name: string;
  /** Route table ids of the existing Transit Gateway, keyed by segment. */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** Attachments the intents refer to, keyed by a stable name (VPC or account name). @default {} */
  readonly attachments?: Readonly<Record<string, TransitGatewayRoutedAttachment>>;
  /**
   * Segments each attachment propagates its CIDRs into, keyed by attachment name:
   * `{ shared: ['prod', 'nonprod'] }`. Construct IDs are `propagation-<attachment>-<segment>`.
   * @default {}
   */
  readonly propagations?: Readonly<Record<string, readonly string[]>>;
  /**
   * Static routes keyed by a stable intent name (`prod-default-ipv4`), which becomes the construct
   * ID `route-<name>`: the destination may be a token (an Amazon-provided IPv6 block).
   * @default {}
   */
  readonly routes?: Readonly<Record<string, TransitGatewayStaticRoute>>;
  /**
   * Blackhole routes keyed by a stable intent name (`prod-drops-nonprod-ipv4`), construct ID
   * `blackhole-<name>`. A blackhole only wins over routes with a shorter prefix: it keeps prod and
   * nonprod apart only if no more specific route (a propagation) into the other segment exists.
   * @default {}
   */
  readonly blackholes?: Readonly<Record<string, TransitGatewayBlackholeRoute>>;
  /** Provider of the gateway owner's account. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Segment routing on an existing Transit Gateway's route tables: propagations, static routes
 * (IPv4 and IPv6) and blackhole routes. It carries out explicit intents; who reaches whom is
 * decided by the model. Associations are made with each attachment (TransitGatewayAttachment).
 */
export class TransitGatewayRouting extends Construct {
  constructor(scope: Construct, id: string, props: TransitGatewayRoutingProps) {
    super(scope, id);
    validate(props);
    const { provider, routeTableIds } = props;
    const attachments = props.attachments ?? {};
    for (const [attachment, segments] of Object.entries(props.propagations ?? {})) {
      for (const segment of segments) {
        new Ec2TransitGatewayRouteTablePropagation(this, `propagation-${attachment}-${segment}`, {
          provider,
          transitGatewayAttachmentId: attachments[attachment].id,
          transitGatewayRouteTableId: routeTableIds[segment],
        });
      }
    }
    for (const [name, route] of Object.entries(props.routes ?? {})) {
      new Ec2TransitGatewayRoute(this, `route-${name}`, {
        provider,
        transitGatewayRouteTableId: routeTableIds[route.segment],
        destinationCidrBlock: route.destinationCidrBlock,
        transitGatewayAttachmentId: attachments[route.attachment].id,
      });
    }
    for (const [name, blackhole] of Object.entries(props.blackholes ?? {})) {
      new Ec2TransitGatewayRoute(this, `blackhole-${name}`, {
        provider,
        transitGatewayRouteTableId: routeTableIds[blackhole.segment],
        destinationCidrBlock: blackhole.destinationCidrBlock,
        blackhole: true,
      });
    }
  }
}

function validate(props: TransitGatewayRoutingProps): void {
  const where = `TransitGatewayRouting ${props.name}`;
  const segments = Object.keys(props.routeTableIds);
  const attachments = props.attachments ?? {};
  const knownSegment = (segment: string, prop: string): void => {
    if (!segments.includes(segment)) {
      throw new Error(
        `${where}: ${prop} names segment ${segment}, which is not in routeTableIds (${segments.join(', ')}); add its route table or fix the name`,
      );
    }
  };
  const knownAttachment = (attachment: string, prop: string): void => {
    if (!(attachment in attachments)) {
      throw new Error(
        `${where}: ${prop} names attachment ${attachment}, which is not in attachments (${Object.keys(attachments).join(', ') || 'none'}); add it to attachments`,
      );
    }
  };
  for (const [name, attachment] of Object.entries(attachments)) knownSegment(attachment.segment, `attachments.${name}.segment`);
  for (const [attachment, targets] of Object.entries(props.propagations ?? {})) {
    knownAttachment(attachment, `propagations.${attachment}`);
    targets.forEach((segment) => knownSegment(segment, `propagations.${attachment}`));
    if (new Set(targets).size !== targets.length) {
      throw new Error(`${where}: propagations.${attachment} lists a segment twice; list each segment once`);
    }
  }
  const destinations = new Map<string, string>();
  const checkDestination = (prop: string, segment: string, cidr: string): void => {
    knownSegment(segment, `${prop}.segment`);
    if (Token.isUnresolved(cidr)) return;
    if (!isNetworkCidr(cidr)) {
      throw new Error(
        `${where}: ${prop}.destinationCidrBlock ${cidr} is not a CIDR block with its host bits clear, such as 10.16.0.0/12 or ::/0`,
      );
    }
    const [address, prefixLength] = ipaddr.parseCIDR(cidr);
    const key = `${segment} ${address.toString()}/${prefixLength}`;
    const other = destinations.get(key);
    if (other) {
      throw new Error(
        `${where}: ${other} and ${prop} both route ${cidr} in segment ${segment}; a route table holds one route per destination — keep one`,
      );
    }
    destinations.set(key, prop);
  };
  for (const [name, route] of Object.entries(props.routes ?? {})) {
    checkDestination(`routes.${name}`, route.segment, route.destinationCidrBlock);
    knownAttachment(route.attachment, `routes.${name}.attachment`);
  }
  for (const [name, blackhole] of Object.entries(props.blackholes ?? {})) {
    checkDestination(`blackholes.${name}`, blackhole.segment, blackhole.destinationCidrBlock);
  }
}

function isNetworkCidr(cidr: string): boolean {
  if (!ipaddr.isValidCIDR(cidr)) return false;
  const [address] = ipaddr.parseCIDR(cidr);
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return network.toString() === address.toString();
}
