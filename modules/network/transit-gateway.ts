import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { Construct } from 'constructs';

export interface TransitGatewayProps {
  /** Name tag of the gateway; route tables are tagged `<name>-<segment>`. */
  readonly name: string;
  /** Private ASN of the Amazon side. CAUTION: changing it replaces the gateway. @default 64512 */
  readonly amazonSideAsn?: number;
  /** One route table per segment (e.g. prod, nonprod, shared). Segment names become construct IDs. */
  readonly segments: readonly string[];
  /**
   * Accept attachments from accounts the gateway is shared with. Safe because nothing is
   * associated or propagated by default: an attachment has no connectivity until its segment's
   * route table association is made by the network account.
   * @default true
   */
  readonly autoAcceptSharedAttachments?: boolean;
}

/** A Transit Gateway with default association and propagation off, and a route table per segment. */
export class TransitGateway extends Construct {
  readonly gateway: Ec2TransitGateway;
  private readonly routeTables = new Map<string, Ec2TransitGatewayRouteTable>();

  constructor(scope: Construct, id: string, props: TransitGatewayProps) {
    super(scope, id);
    if (props.segments.length === 0) throw new Error('TransitGateway: give at least one segment');
    if (new Set(props.segments).size !== props.segments.length)
      throw new Error(`TransitGateway: segments must be unique, got ${props.segments.join(', ')}`);
    this.gateway = new Ec2TransitGateway(this, 'gateway', {
      description: `${props.name} hub`,
      amazonSideAsn: props.amazonSideAsn ?? 64512,
      autoAcceptSharedAttachments: (props.autoAcceptSharedAttachments ?? true) ? 'enable' : 'disable',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'enable',
      tags: { Name: props.name },
    });
    for (const segment of props.segments) {
      this.routeTables.set(
        segment,
        new Ec2TransitGatewayRouteTable(this, `segment-${segment}`, {
          transitGatewayId: this.gateway.id,
          tags: { Name: `${props.name}-${segment}`, Segment: segment },
        }),
      );
    }
  }

  routeTableId(segment: string): string {
    const table = this.routeTables.get(segment);
    if (!table) throw new Error(`TransitGateway: no route table for segment ${segment}`);
    return table.id;
  }

  /** Route table ids keyed by segment. */
  get routeTableIds(): Record<string, string> {
    return Object.fromEntries([...this.routeTables].map(([segment, table]) => [segment, table.id]));
  }
}
