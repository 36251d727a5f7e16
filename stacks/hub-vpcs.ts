import { Route } from '@cdktf/provider-aws/lib/route';
import type { TerraformStack } from 'cdktf';
import { EgressVpc } from '../modules/network/egress-vpc';
import { FlowLogs, type FlowLogDestination } from '../modules/network/flow-logs';
import { GatewayEndpoints } from '../modules/network/gateway-endpoints';
import { InspectionFirewall } from '../modules/network/inspection-firewall';
import { NetworkAcls, networkAclTiersOf } from '../modules/network/network-acls';
import { TieredVpc } from '../modules/network/tiered-vpc';
import { TransitGatewayAttachment } from '../modules/network/transit-gateway-attachment';
import type { Environment, VpcPlan } from '../model/types';
import { tieredVpcProps, transitRoutesByTier } from './vpc-wiring';

export interface HubVpcContext {
  readonly environment: Environment;
  readonly organizationId: string;
  readonly namePrefix: string;
  readonly transitGatewayId: string;
  readonly routeTableId: (routeTable: string) => string;
  readonly flowLogDestination: FlowLogDestination;
}

export interface BuiltHubVpc {
  readonly plan: VpcPlan;
  readonly attachmentId: string;
  /** The shared-services VPC's subnets for interface endpoints. */
  readonly vpc?: TieredVpc;
}

/** One hub VPC with its attachment: shared services (tiered), egress (NAT gateways) or inspection (Network Firewall). */
export function buildHubVpc(stack: TerraformStack, plan: VpcPlan, context: HubVpcContext): BuiltHubVpc {
  const name = `${context.namePrefix}-${plan.name}`;
  const attach = (vpcId: string, subnetIds: string[], extra: Partial<ConstructorParameters<typeof TransitGatewayAttachment>[2]> = {}) =>
    new TransitGatewayAttachment(stack, `attachment-${plan.name}`, {
      name,
      transitGatewayId: context.transitGatewayId,
      vpcId,
      subnetIds,
      associatedRouteTableId: context.routeTableId(plan.segment),
      ipv6Support: plan.ipv6,
      ...extra,
    }).attachment;

  if (plan.role === 'egress') {
    const egress = new EgressVpc(stack, `vpc-${plan.name}`, {
      name,
      cidrBlock: plan.cidr!,
      natGateways: context.environment.hub.egress?.natGateways,
      zones: plan.availabilityZones.map((zone) => ({
        availabilityZone: zone,
        publicCidrBlock: plan.subnets.find((subnet) => subnet.tier === 'public' && subnet.zone === zone)!.cidr!,
        attachmentCidrBlock: plan.subnets.find((subnet) => subnet.tier === 'app' && subnet.zone === zone)!.cidr!,
      })),
      ipv6: plan.ipv6 ? {} : undefined,
      publicIpv6Default: plan.ipv6 ? 'transit-gateway' : undefined,
    });
    const attachment = attach(egress.vpcId, egress.attachmentSubnetIds);
    egress.routeToTransitGateway({
      transitGatewayId: context.transitGatewayId,
      attachment,
      destinations: [context.environment.cidr],
      // NAT64 replies to the spokes' Amazon-assigned IPv6 blocks go back through the TGW.
      ipv6Destinations: plan.ipv6 ? { 'spoke-ranges': '::/0' } : undefined,
    });
    new FlowLogs(stack, `flow-logs-${plan.name}`, { name, vpcId: egress.vpcId, destination: context.flowLogDestination });
    return { plan, attachmentId: attachment.id };
  }

  const vpc = new TieredVpc(stack, `vpc-${plan.name}`, tieredVpcProps(name, plan));
  new FlowLogs(stack, `flow-logs-${plan.name}`, { name, vpcId: vpc.vpcId, destination: context.flowLogDestination });

  if (plan.role === 'inspection') {
    const firewallSubnets = Object.fromEntries(plan.availabilityZones.map((zone, index) => [zone, vpc.subnetIds('data')[index]]));
    const firewall = new InspectionFirewall(stack, `firewall-${plan.name}`, {
      name,
      region: context.environment.region,
      vpcId: vpc.vpcId,
      firewallSubnetIds: firewallSubnets,
      homeNetCidrs: [context.environment.cidr],
      dualStack: plan.ipv6,
    });
    const attachment = attach(vpc.vpcId, vpc.subnetIds('app'), { applianceMode: true });
    // The attachment subnets send everything through the firewall; after inspection it goes back to the TGW.
    new Route(stack, `inspection-${plan.name}-to-firewall`, {
      routeTableId: vpc.routeTableId('app'),
      destinationCidrBlock: '0.0.0.0/0',
      vpcEndpointId: firewall.endpointId(plan.availabilityZones[0]),
    });
    new Route(stack, `inspection-${plan.name}-to-transit-gateway`, {
      routeTableId: vpc.routeTableId('data'),
      destinationCidrBlock: '0.0.0.0/0',
      transitGatewayId: context.transitGatewayId,
      dependsOn: [attachment],
    });
    return { plan, attachmentId: attachment.id };
  }

  new NetworkAcls(stack, `network-acls-${plan.name}`, { name, vpcId: vpc.vpcId, tiers: networkAclTiersOf(vpc) });
  new GatewayEndpoints(stack, `gateway-endpoints-${plan.name}`, {
    name,
    vpcId: vpc.vpcId,
    region: context.environment.region,
    routeTableIds: { app: vpc.routeTableId('app') },
    organizationId: context.organizationId,
  });
  const routes = transitRoutesByTier(plan);
  const attachment = new TransitGatewayAttachment(stack, `attachment-${plan.name}`, {
    name,
    transitGatewayId: context.transitGatewayId,
    vpcId: vpc.vpcId,
    subnetIds: vpc.subnetIds('app'),
    associatedRouteTableId: context.routeTableId(plan.segment),
    ipv6Support: plan.ipv6,
    vpcRouteTableIds: Object.fromEntries(Object.keys(routes).map((tier) => [tier, vpc.routeTableId(tier as 'app')])),
    destinations: routes.app ?? [],
  }).attachment;
  return { plan, attachmentId: attachment.id, vpc };
}
