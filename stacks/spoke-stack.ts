import { Construct } from 'constructs';
import { TieredVpc } from '../modules/network/tiered-vpc';
import { TransitGatewayAttachment } from '../modules/network/transit-gateway-attachment';
import type { Environment, Spoke } from '../model/types';
import { hubOutputPlaceholders, readHubOutputs } from './contracts';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { remoteState } from './state';
import { vpcRouteTablesToTransit, vpcSubnets } from './vpc-wiring';

/**
 * A workload account's network: its VPC, attached to the environment's Transit Gateway. Two
 * accounts, two providers: the attachment in the spoke account, its association in the network account.
 */
export class SpokeStack extends LandingZoneStack {
  constructor(scope: Construct, environment: Environment, spoke: Spoke, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, spoke.stackName, { ...props, environment: environment.name });
    const { hub } = environment;
    const name = `${this.model.organization.name}-${environment.name}-${spoke.accountName}`;
    const spokeProvider = this.providerFor('spoke', spoke.accountName, environment.region);
    const networkProvider = this.providerFor('network', hub.accountName, environment.region, 'network');

    const hubOutputs = readHubOutputs(
      remoteState(this, 'hub-outputs', {
        settings: this.settings,
        backend: this.model.stateBackend,
        consumer: this.stackName,
        producer: hub.stackName,
        producerEnvironment: environment.name,
        placeholders: hubOutputPlaceholders(hub.segments),
      }),
      hub.segments,
    );
    const vpc = new TieredVpc(this, 'vpc', { name, cidrBlock: spoke.vpc.cidr!, subnets: vpcSubnets(spoke.vpc) });
    const segmentTable = hubOutputs.transitGatewayRouteTableIds[spoke.vpc.segment];
    new TransitGatewayAttachment(this, 'transit-gateway', {
      name,
      transitGatewayId: hubOutputs.transitGatewayId,
      vpcId: vpc.vpcId,
      subnetIds: vpc.subnetIds('app'),
      associatedRouteTableId: segmentTable,
      propagatedRouteTableIds: { [spoke.vpc.segment]: segmentTable },
      vpcRouteTableIds: vpcRouteTablesToTransit(vpc),
      destinations: [...new Set(spoke.vpc.transitRoutes.map((route) => route.destination))].filter((d) => !d.includes(':')),
      vpcProvider: spokeProvider,
      gatewayProvider: networkProvider,
    });
  }
}
