import { EgressVpc } from '../../modules/network/egress-vpc';
import { FlowLogs, type FlowLogDestination } from '../../modules/network/flow-logs';
import { GatewayEndpoints } from '../../modules/network/gateway-endpoints';
import { InspectionVpc } from '../../modules/network/inspection-vpc';
import { NetworkAcls, networkAclTiersOf } from '../../modules/network/network-acls';
import { TieredVpc } from '../../modules/network/tiered-vpc';
import { TransitGatewayAttachment } from '../../modules/network/transit-gateway-attachment';
import type { HubPlan, HubVpc } from '../../model/stack-plans';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import { tieredVpcProps, transitRouteTableIds } from './vpc-wiring';

export interface HubVpcContext {
  readonly plan: HubPlan;
  readonly transitGatewayId: string;
  readonly routeTableId: (routeTable: string) => string;
  readonly flowLogDestination: FlowLogDestination;
  /** The regional IPAM pool, when a hub VPC takes its block from IPAM. */
  readonly ipv4IpamPoolId?: string;
}

export interface BuiltHubVpc {
  readonly hubVpc: HubVpc;
  readonly attachmentId: string;
  /** Shared-services VPCs: subnets for interface endpoints, and the block spokes allow in. */
  readonly vpc?: TieredVpc;
}

/** One hub VPC with its attachment and flow logs, by role. */
export function buildHubVpc(stack: LandingZoneStack, hubVpc: HubVpc, context: HubVpcContext): BuiltHubVpc {
  if (hubVpc.plan.role === 'egress') return buildEgressVpc(stack, hubVpc, context);
  if (hubVpc.plan.role === 'inspection') return buildInspectionVpc(stack, hubVpc, context);
  return buildSharedServicesVpc(stack, hubVpc, context);
}

function attachment(stack: LandingZoneStack, hubVpc: HubVpc, context: HubVpcContext, vpcId: string, subnetIds: string[]) {
  return new TransitGatewayAttachment(stack, `attachment-${hubVpc.plan.name}`, {
    name: hubVpc.resourceName,
    transitGatewayId: context.transitGatewayId,
    vpcId,
    subnetIds,
    associatedRouteTableId: context.routeTableId(hubVpc.plan.segment),
    ipv6Support: hubVpc.plan.ipv6,
    applianceMode: hubVpc.plan.role === 'inspection',
  });
}

function buildEgressVpc(stack: LandingZoneStack, hubVpc: HubVpc, context: HubVpcContext): BuiltHubVpc {
  const { plan } = hubVpc;
  const egress = new EgressVpc(stack, `vpc-${plan.name}`, {
    name: hubVpc.resourceName,
    cidrBlock: plan.cidr ?? '',
    natGateways: hubVpc.natGateways,
    zones: hubVpc.zones.map((zone) => ({
      availabilityZone: zone.availabilityZone,
      publicCidrBlock: zone.cidrs.public ?? '',
      attachmentCidrBlock: zone.cidrs.app ?? '',
    })),
    ipv6: plan.ipv6 ? {} : undefined,
    publicIpv6Default: plan.ipv6 ? 'transit-gateway' : undefined,
  });
  const attached = attachment(stack, hubVpc, context, egress.vpcId, egress.attachmentSubnetIds).attachment;
  egress.routeToTransitGateway({
    transitGatewayId: context.transitGatewayId,
    attachment: attached,
    destinations: [context.plan.environmentCidr],
    // NAT64 replies to the spokes' Amazon-assigned IPv6 blocks go back through the TGW.
    ipv6Destinations: plan.ipv6 ? { 'spoke-ranges': '::/0' } : undefined,
  });
  new FlowLogs(stack, `flow-logs-${plan.name}`, {
    name: hubVpc.resourceName,
    vpcId: egress.vpcId,
    destination: context.flowLogDestination,
  });
  return { hubVpc, attachmentId: attached.id };
}

/**
 * Network Firewall between the segments and egress: each AZ's attachment subnet sends traffic to
 * that AZ's firewall endpoint, the firewall subnets send it back to the TGW. The moved blocks
 * carry the firewall and routes of the earlier single-route-table layout to their new addresses.
 */
function buildInspectionVpc(stack: LandingZoneStack, hubVpc: HubVpc, context: HubVpcContext): BuiltHubVpc {
  const { plan } = hubVpc;
  const inspection = new InspectionVpc(stack, `vpc-${plan.name}`, {
    name: hubVpc.resourceName,
    region: context.plan.region,
    cidrBlock: plan.cidr ?? '',
    zones: hubVpc.zones.map((zone) => ({
      availabilityZone: zone.availabilityZone,
      attachmentCidrBlock: zone.cidrs.app ?? '',
      firewallCidrBlock: zone.cidrs.data ?? '',
    })),
    ipv6: plan.ipv6 ? {} : undefined,
    homeNetCidrs: [context.plan.environmentCidr],
    movedFrom: {
      firewallId: `firewall-${plan.name}`,
      firewallRouteId: `inspection-${plan.name}-to-firewall`,
      transitGatewayRouteId: `inspection-${plan.name}-to-transit-gateway`,
    },
  });
  new FlowLogs(stack, `flow-logs-${plan.name}`, {
    name: hubVpc.resourceName,
    vpcId: inspection.vpcId,
    destination: context.flowLogDestination,
  });
  const attached = attachment(stack, hubVpc, context, inspection.vpcId, inspection.attachmentSubnetIds).attachment;
  inspection.routeToTransitGateway({ transitGatewayId: context.transitGatewayId, attachment: attached });
  return { hubVpc, attachmentId: attached.id };
}

function buildSharedServicesVpc(stack: LandingZoneStack, hubVpc: HubVpc, context: HubVpcContext): BuiltHubVpc {
  const { plan } = hubVpc;
  const vpc = new TieredVpc(stack, `vpc-${plan.name}`, tieredVpcProps(hubVpc, context.ipv4IpamPoolId));
  new FlowLogs(stack, `flow-logs-${plan.name}`, { name: hubVpc.resourceName, vpcId: vpc.vpcId, destination: context.flowLogDestination });
  new NetworkAcls(stack, `network-acls-${plan.name}`, { name: hubVpc.resourceName, vpcId: vpc.vpcId, tiers: networkAclTiersOf(vpc) });
  new GatewayEndpoints(stack, `gateway-endpoints-${plan.name}`, {
    name: hubVpc.resourceName,
    vpcId: vpc.vpcId,
    region: context.plan.region,
    routeTableIds: { app: vpc.routeTableId('app') },
    organizationId: context.plan.organizationId,
  });
  const attached = new TransitGatewayAttachment(stack, `attachment-${plan.name}`, {
    name: hubVpc.resourceName,
    transitGatewayId: context.transitGatewayId,
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds('app'),
    associatedRouteTableId: context.routeTableId(plan.segment),
    ipv6Support: plan.ipv6,
    vpcRouteTableIds: transitRouteTableIds(hubVpc, vpc),
    destinations: [...(hubVpc.transitRoutes.app ?? [])],
  }).attachment;
  return { hubVpc, attachmentId: attached.id, vpc };
}
