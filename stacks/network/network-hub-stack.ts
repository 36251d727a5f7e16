import { Construct } from 'constructs';
import { InterfaceEndpoints } from '../../modules/network/interface-endpoints';
import { LatticeServiceNetwork } from '../../modules/network/lattice-service-network';
import { TransitGateway } from '../../modules/network/transit-gateway';
import { TransitGatewayRouting } from '../../modules/network/transit-gateway-routing';
import { ResourceShare } from '../../modules/sharing/resource-share';
import type { HubPlan } from '../../model/stack-plans';
import { LandingZoneStack } from '../base/landing-zone-stack';
import { hubContract } from '../contracts/hub';
import { ipamContract } from '../contracts/ipam';
import type { SynthSettings } from '../settings';
import { buildHubVpc, type BuiltHubVpc } from './hub-vpcs';
import { flowLogDestination } from './vpc-wiring';

/**
 * An environment's hub in the network account: the Transit Gateway with a route table per segment
 * and its routing intent, shared through RAM; hub VPCs (shared services, egress, inspection);
 * centralized interface endpoints; the Lattice service network.
 */
export class NetworkHubStack extends LandingZoneStack {
  constructor(scope: Construct, plan: HubPlan, settings: SynthSettings) {
    super(scope, plan, settings);
    const principals = Object.fromEntries(plan.shareWith.map((account) => [account.name, this.accountId(account)]));
    const gateway = new TransitGateway(this, 'transit-gateway', {
      name: plan.namePrefix,
      amazonSideAsn: plan.amazonSideAsn,
      segments: plan.routeTables,
    });
    new ResourceShare(this, 'transit-gateway-share', {
      name: `${plan.namePrefix}-transit-gateway`,
      resourceArns: { 'transit-gateway': gateway.gateway.arn },
      principals,
    });
    const context = {
      plan,
      transitGatewayId: gateway.gateway.id,
      routeTableId: (table: string) => gateway.routeTableId(table),
      flowLogDestination: flowLogDestination(this, plan.flowLogs),
      ipv4IpamPoolId: plan.ipam ? this.read(ipamContract, 'ipam-outputs', plan.ipam).entry('ipv4PoolIds', plan.region) : undefined,
    };
    const built = plan.vpcs.map((hubVpc) => buildHubVpc(this, hubVpc, context));
    new TransitGatewayRouting(this, 'transit-gateway-routing', {
      name: plan.name,
      routeTableIds: gateway.routeTableIds,
      attachments: Object.fromEntries(
        built.map(({ hubVpc, attachmentId }) => [hubVpc.plan.name, { id: attachmentId, segment: hubVpc.plan.segment }]),
      ),
      propagations: Object.fromEntries(Object.entries(plan.routing.propagations).map(([vpc, tables]) => [vpc, [...tables]])),
      routes: Object.fromEntries(
        Object.entries(plan.routing.staticRoutes).map(([key, route]) => [
          key,
          { segment: route.routeTable, destinationCidrBlock: route.destination, attachment: route.attachment },
        ]),
      ),
      blackholes: Object.fromEntries(
        Object.entries(plan.routing.blackholes).map(([key, route]) => [
          key,
          { segment: route.routeTable, destinationCidrBlock: route.destination },
        ]),
      ),
    });
    const endpoints = this.interfaceEndpoints(plan, built);
    const lattice = plan.lattice
      ? new LatticeServiceNetwork(this, 'lattice', {
          name: plan.lattice.serviceNetworkName,
          organizationId: plan.organizationId,
          principals,
        })
      : undefined;

    hubContract.publish(this, {
      transitGatewayId: gateway.gateway.id,
      transitGatewayRouteTableIds: gateway.routeTableIds,
      latticeServiceNetworkArn: lattice?.serviceNetworkArn ?? '',
      latticeServiceNetworkId: lattice?.serviceNetworkId ?? '',
      privateHostedZoneIds: endpoints?.hostedZoneIds ?? {},
      interfaceEndpointIds: endpoints?.endpointIds ?? {},
      sharedServicesCidrs: Object.fromEntries(
        built.flatMap(({ hubVpc, vpc }) => (vpc && hubVpc.plan.role === 'shared-services' ? [[hubVpc.plan.name, vpc.vpc.cidrBlock]] : [])),
      ),
    });
  }

  private interfaceEndpoints(plan: HubPlan, built: readonly BuiltHubVpc[]): InterfaceEndpoints | undefined {
    const endpointsVpc = built.find(({ hubVpc }) => hubVpc.plan.name === plan.interfaceEndpoints?.vpcName);
    if (!plan.interfaceEndpoints || !endpointsVpc?.vpc) return undefined;
    return new InterfaceEndpoints(this, 'interface-endpoints', {
      name: plan.namePrefix,
      region: plan.region,
      vpcId: endpointsVpc.vpc.vpcId,
      subnetIds: endpointsVpc.vpc.subnetIds('app'),
      services: [...plan.interfaceEndpoints.services],
      allowedCidrBlocks: [plan.environmentCidr],
      dualStack: endpointsVpc.hubVpc.plan.ipv6,
      organizationId: plan.organizationId,
    });
  }
}
