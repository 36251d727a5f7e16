import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface TransitGatewayAttachmentProps {
  /** Name tag of the attachment. */
  readonly name: string;
  readonly transitGatewayId: string;
  readonly vpcId: string;
  /** One subnet per AZ the attachment serves (the app tier). CAUTION: changing the set re-creates ENIs. */
  readonly subnetIds: readonly string[];
  /** The segment route table the attachment is associated with (in the network account). */
  readonly associatedRouteTableId: string;
  /** Segment route tables the VPC's CIDR is propagated to, keyed by segment name. @default {} */
  readonly propagatedRouteTableIds?: Readonly<Record<string, string>>;
  /** VPC route tables, keyed by tier, that send `destinations` to the gateway. @default {} */
  readonly vpcRouteTableIds?: Readonly<Record<string, string>>;
  /** CIDRs those VPC route tables reach through the gateway. @default [] */
  readonly destinations?: readonly string[];
  /** Provider of the VPC's account (attachment and VPC routes). @default - the stack's default provider */
  readonly vpcProvider?: TerraformProvider;
  /** Provider of the gateway owner's account (association and propagation). @default - the stack's default provider */
  readonly gatewayProvider?: TerraformProvider;
  /** Keep traffic of a flow on one AZ's appliance (inspection VPCs). @default false */
  readonly applianceMode?: boolean;
  /** Carry IPv6 (the VPC and its subnets must be dual-stack). @default false */
  readonly ipv6Support?: boolean;
}

/**
 * Attaches a VPC to a Transit Gateway. The attachment lives in the VPC's account, its route-table
 * association and propagations in the gateway owner's account: two providers for two accounts.
 */
export class TransitGatewayAttachment extends Construct {
  readonly attachment: Ec2TransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: TransitGatewayAttachmentProps) {
    super(scope, id);
    if (props.subnetIds.length === 0) throw new Error(`TransitGatewayAttachment ${props.name}: give at least one subnet`);
    if ((props.destinations ?? []).length > 0 && Object.keys(props.vpcRouteTableIds ?? {}).length === 0) {
      throw new Error(`TransitGatewayAttachment ${props.name}: destinations need vpcRouteTableIds to route from`);
    }
    this.attachment = new Ec2TransitGatewayVpcAttachment(this, 'attachment', {
      provider: props.vpcProvider,
      transitGatewayId: props.transitGatewayId,
      vpcId: props.vpcId,
      subnetIds: [...props.subnetIds],
      dnsSupport: 'enable',
      applianceModeSupport: props.applianceMode ? 'enable' : 'disable',
      ipv6Support: props.ipv6Support ? 'enable' : 'disable',
      tags: { Name: props.name },
    });
    new Ec2TransitGatewayRouteTableAssociation(this, 'association', {
      provider: props.gatewayProvider,
      transitGatewayAttachmentId: this.attachment.id,
      transitGatewayRouteTableId: props.associatedRouteTableId,
    });
    for (const [segment, routeTableId] of Object.entries(props.propagatedRouteTableIds ?? {})) {
      new Ec2TransitGatewayRouteTablePropagation(this, `propagation-${segment}`, {
        provider: props.gatewayProvider,
        transitGatewayAttachmentId: this.attachment.id,
        transitGatewayRouteTableId: routeTableId,
      });
    }
    for (const [tier, routeTableId] of Object.entries(props.vpcRouteTableIds ?? {})) {
      for (const destination of props.destinations ?? []) {
        const ipv6 = destination.includes(':');
        new Route(this, `route-${tier}-${destination.replace('/', '_')}`, {
          provider: props.vpcProvider,
          routeTableId,
          ...(ipv6 ? { destinationIpv6CidrBlock: destination } : { destinationCidrBlock: destination }),
          transitGatewayId: props.transitGatewayId,
          dependsOn: [this.attachment],
        });
      }
    }
  }
}
