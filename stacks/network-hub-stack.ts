import { Construct } from 'constructs';
import { TieredVpc } from '../modules/network/tiered-vpc';
import { TransitGateway } from '../modules/network/transit-gateway';
import { TransitGatewayAttachment } from '../modules/network/transit-gateway-attachment';
import { ResourceShare } from '../modules/sharing/resource-share';
import type { Environment } from '../model/types';
import { publishHubOutputs } from './contracts';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { vpcRouteTablesToTransit, vpcSubnets } from './vpc-wiring';

/** An environment's hub in the network account: the Transit Gateway, its RAM share, and hub VPCs. */
export class NetworkHubStack extends LandingZoneStack {
  constructor(scope: Construct, environment: Environment, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, environment.hub.stackName, { ...props, environment: environment.name });
    const { hub } = environment;
    const name = `${this.model.organization.name}-${environment.name}`;
    this.providerFor('network', hub.accountName, environment.region);

    const gateway = new TransitGateway(this, 'transit-gateway', { name, amazonSideAsn: hub.amazonSideAsn, segments: hub.segments });
    new ResourceShare(this, 'transit-gateway-share', {
      name: `${name}-transit-gateway`,
      resourceArns: { 'transit-gateway': gateway.gateway.arn },
      principals: Object.fromEntries(hub.sharedWithAccounts.map((account) => [account, this.accountIdOf(account)])),
    });
    for (const plan of hub.vpcs) {
      const vpc = new TieredVpc(this, `vpc-${plan.name}`, {
        name: `${name}-${plan.name}`,
        cidrBlock: plan.cidr!,
        subnets: vpcSubnets(plan),
      });
      new TransitGatewayAttachment(this, `attachment-${plan.name}`, {
        name: `${name}-${plan.name}`,
        transitGatewayId: gateway.gateway.id,
        vpcId: vpc.vpcId,
        subnetIds: vpc.subnetIds('app'),
        associatedRouteTableId: gateway.routeTableId(plan.segment),
        propagatedRouteTableIds: { [plan.segment]: gateway.routeTableId(plan.segment) },
        vpcRouteTableIds: vpcRouteTablesToTransit(vpc),
        destinations: [...new Set(plan.transitRoutes.map((route) => route.destination))].filter((d) => !d.includes(':')),
      });
    }
    publishHubOutputs(this, { transitGatewayId: gateway.gateway.id, transitGatewayRouteTableIds: gateway.routeTableIds });
  }
}
