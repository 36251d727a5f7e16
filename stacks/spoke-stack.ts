import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { FlowLogs, type FlowLogDestination } from '../modules/network/flow-logs';
import { GatewayEndpoints } from '../modules/network/gateway-endpoints';
import { InterfaceEndpoints } from '../modules/network/interface-endpoints';
import { LatticeVpcAssociation } from '../modules/network/lattice-vpc-association';
import { NetworkAcls, networkAclTiersOf } from '../modules/network/network-acls';
import { PrivateZoneAssociation } from '../modules/network/private-zone-association';
import { SecurityGroupTiers } from '../modules/network/security-group-tiers';
import { TieredVpc } from '../modules/network/tiered-vpc';
import { TransitGatewayAttachment } from '../modules/network/transit-gateway-attachment';
import { IPAM_STACK, LOG_ARCHIVE_STACK } from '../model/naming';
import type { Environment, Spoke } from '../model/types';
import {
  hubOutputPlaceholders,
  ipamOutputPlaceholders,
  logArchiveOutputPlaceholders,
  publishSpokeOutputs,
  readHubOutputs,
  readIpamPoolIds,
  readLogArchiveOutputs,
  type HubOutputs,
} from './contracts';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';
import { peerRanges, requestPeerings } from './spoke-peering';
import { tieredVpcProps, transitRoutesByTier } from './vpc-wiring';

/**
 * A workload account's network: a tiered, dual-stack VPC with NACL and security-group tiers, flow
 * logs and gateway endpoints, attached to the environment's Transit Gateway (attachment in the
 * spoke account; association and propagations in the network account through a second provider),
 * associated with the hub's private hosted zones and Lattice service network, and its peerings.
 */
export class SpokeStack extends LandingZoneStack {
  constructor(scope: Construct, environment: Environment, spoke: Spoke, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, spoke.stackName, { ...props, environment: environment.name });
    const { hub } = environment;
    const plan = spoke.vpc;
    const name = `${this.model.organization.name}-${environment.name}-${spoke.accountName}`;
    const spokeProvider = this.providerFor('spoke', spoke.accountName, environment.region);
    const networkProvider = this.providerFor('network', hub.accountName, environment.region, 'network');
    const services = hub.interfaceEndpoints?.services ?? [];
    const hubOutputs = readHubOutputs(
      this.readStack('hub-outputs', hub.stackName, environment.name, hubOutputPlaceholders(hub.routeTables, services)),
      hub.routeTables,
      services,
    );

    const ipamPool = plan.cidr
      ? undefined
      : readIpamPoolIds(
          this.readStack('ipam-outputs', IPAM_STACK, undefined, ipamOutputPlaceholders([environment.region])),
          environment.region,
        ).ipv4;
    const vpc = new TieredVpc(this, 'vpc', tieredVpcProps(name, plan, ipamPool));
    const sharedServices = Object.fromEntries(
      hub.vpcs
        .filter((candidate) => candidate.role === 'shared-services' && candidate.cidr)
        .map((candidate) => [candidate.name, candidate.cidr!]),
    );
    new NetworkAcls(this, 'network-acls', {
      name,
      vpcId: vpc.vpcId,
      tiers: networkAclTiersOf(vpc),
      sharedServicesIpv4CidrBlocks: { ...sharedServices, ...peerRanges(environment, this.model.environments, spoke.accountName) },
    });
    const securityGroups = new SecurityGroupTiers(this, 'security-groups', { name, vpcId: vpc.vpcId, ipv6: plan.ipv6 });
    new FlowLogs(this, 'flow-logs', { name, vpcId: vpc.vpcId, destination: this.flowLogDestination(spoke) });
    if (plan.gatewayEndpoints) {
      new GatewayEndpoints(this, 'gateway-endpoints', {
        name,
        vpcId: vpc.vpcId,
        region: environment.region,
        routeTableIds: { app: vpc.routeTableId('app') },
        organizationId: this.model.organization.id,
      });
    }
    if (plan.attachToTransitGateway) this.attach(name, environment, spoke, vpc, hubOutputs, spokeProvider, networkProvider);
    this.useHubServices(name, environment, spoke, vpc, hubOutputs, networkProvider);
    requestPeerings(this, environment, spoke, vpc, spokeProvider);

    publishSpokeOutputs(this, {
      vpcId: vpc.vpcId,
      vpcCidr: vpc.vpc.cidrBlock,
      vpcIpv6Cidr: vpc.ipv6CidrBlock ?? '',
      subnetIds: Object.fromEntries(vpc.tiers.map((tier) => [tier, vpc.subnetIds(tier)])),
      routeTableIds: Object.fromEntries(vpc.tiers.map((tier) => [tier, vpc.routeTableId(tier)])),
      securityGroupIds: securityGroups.securityGroupIds,
    });
  }

  private attach(
    name: string,
    environment: Environment,
    spoke: Spoke,
    vpc: TieredVpc,
    hub: HubOutputs,
    spokeProvider: AwsProvider,
    networkProvider: AwsProvider,
  ): void {
    const propagatedTo = environment.hub.routing.propagations.filter((propagation) => propagation.attachment === spoke.accountName);
    const routes = transitRoutesByTier(spoke.vpc);
    new TransitGatewayAttachment(this, 'transit-gateway', {
      name,
      transitGatewayId: hub.transitGatewayId,
      vpcId: vpc.vpcId,
      subnetIds: vpc.subnetIds('app'),
      associatedRouteTableId: hub.transitGatewayRouteTableIds[spoke.vpc.segment],
      propagatedRouteTableIds: Object.fromEntries(
        propagatedTo.map(({ routeTable }) => [routeTable, hub.transitGatewayRouteTableIds[routeTable]]),
      ),
      vpcRouteTableIds: Object.fromEntries(Object.keys(routes).map((tier) => [tier, vpc.routeTableId(tier as 'app')])),
      destinations: routes.app ?? [],
      ipv6Support: spoke.vpc.ipv6,
      vpcProvider: spokeProvider,
      gatewayProvider: networkProvider,
    });
  }

  private useHubServices(
    name: string,
    environment: Environment,
    spoke: Spoke,
    vpc: TieredVpc,
    hub: HubOutputs,
    networkProvider: AwsProvider,
  ): void {
    const plan = spoke.vpc;
    if (plan.localInterfaceEndpoints.length > 0) {
      new InterfaceEndpoints(this, 'interface-endpoints', {
        name,
        region: environment.region,
        vpcId: vpc.vpcId,
        subnetIds: vpc.subnetIds('app'),
        services: [...plan.localInterfaceEndpoints],
        allowedCidrBlocks: [plan.cidr ?? vpc.vpc.cidrBlock],
        dualStack: plan.ipv6,
        organizationId: this.model.organization.id,
      });
    } else if (environment.hub.interfaceEndpoints) {
      new PrivateZoneAssociation(this, 'private-zones', {
        name,
        vpcId: vpc.vpcId,
        hostedZoneIds: hub.privateHostedZoneIds,
        zoneOwnerProvider: networkProvider,
      });
    }
    if (environment.hub.lattice) {
      new LatticeVpcAssociation(this, 'lattice', {
        vpcName: name,
        vpcId: vpc.vpcId,
        serviceNetworkIdentifier: hub.latticeServiceNetworkArn,
        vpcCidrBlocks: [plan.cidr ?? vpc.vpc.cidrBlock],
        vpcIpv6CidrBlocks: vpc.ipv6CidrBlock ? [vpc.ipv6CidrBlock] : [],
      });
    }
  }

  private flowLogDestination(spoke: Spoke): FlowLogDestination {
    if (spoke.vpc.flowLogs === 'cloud-watch-logs') {
      return {
        type: 'cloud-watch-logs',
        accountId: this.accountIdOf(spoke.accountName),
        retentionInDays: this.model.network.flowLogRetentionDays,
      };
    }
    return {
      type: 's3',
      bucketArn: readLogArchiveOutputs(this.readStack('log-archive-outputs', LOG_ARCHIVE_STACK, undefined, logArchiveOutputPlaceholders()))
        .flowLogBucketArn,
    };
  }
}
