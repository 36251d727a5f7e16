import { Construct } from 'constructs';
import { FlowLogs } from '../../modules/network/flow-logs';
import { GatewayEndpoints } from '../../modules/network/gateway-endpoints';
import { InterfaceEndpoints } from '../../modules/network/interface-endpoints';
import { LatticeVpcAssociation } from '../../modules/network/lattice-vpc-association';
import { NetworkAcls, networkAclTiersOf } from '../../modules/network/network-acls';
import { PrivateZoneAssociation } from '../../modules/network/private-zone-association';
import { SecurityGroupTiers } from '../../modules/network/security-group-tiers';
import { TieredVpc } from '../../modules/network/tiered-vpc';
import { TransitGatewayAttachment } from '../../modules/network/transit-gateway-attachment';
import type { SpokePlan } from '../../model/stack-plans';
import { LandingZoneStack } from '../base/landing-zone-stack';
import type { ContractReader } from '../contracts/contract';
import { hubContract } from '../contracts/hub';
import { ipamContract } from '../contracts/ipam';
import { spokeContract, subnetKey } from '../contracts/spoke';
import type { SynthSettings } from '../settings';
import { requestPeerings } from './spoke-peering';
import { flowLogDestination, tieredVpcProps, transitRouteTableIds } from './vpc-wiring';

type HubReader = ContractReader<typeof hubContract.outputs>;

/**
 * A workload account's network: a tiered, dual-stack VPC with NACL and security-group tiers, flow
 * logs and gateway endpoints, attached to the environment's Transit Gateway (attachment in the
 * spoke account; association and propagations in the network account through a second provider),
 * associated with the hub's private hosted zones and Lattice service network, and its peerings.
 */
export class SpokeStack extends LandingZoneStack {
  constructor(scope: Construct, plan: SpokePlan, settings: SynthSettings) {
    super(scope, plan, settings);
    const name = plan.vpc.resourceName;
    const hub = this.read(hubContract, 'hub-outputs', plan.hub);
    const ipamPool = plan.ipam ? this.read(ipamContract, 'ipam-outputs', plan.ipam).entry('ipv4PoolIds', plan.region) : undefined;
    const vpc = new TieredVpc(this, 'vpc', tieredVpcProps(plan.vpc, ipamPool));
    new NetworkAcls(this, 'network-acls', {
      name,
      vpcId: vpc.vpcId,
      tiers: networkAclTiersOf(vpc),
      sharedServicesIpv4CidrBlocks: {
        ...plan.networkAcl.sharedServices,
        ...hub.entries('sharedServicesCidrs', plan.hub.ipamSharedServices),
      },
      peerIpv4CidrBlocks: plan.networkAcl.peers,
    });
    const securityGroups = new SecurityGroupTiers(this, 'security-groups', { name, vpcId: vpc.vpcId, ipv6: plan.vpc.plan.ipv6 });
    new FlowLogs(this, 'flow-logs', { name, vpcId: vpc.vpcId, destination: flowLogDestination(this, plan.flowLogs) });
    if (plan.vpc.plan.gatewayEndpoints) {
      new GatewayEndpoints(this, 'gateway-endpoints', {
        name,
        vpcId: vpc.vpcId,
        region: plan.region,
        routeTableIds: { app: vpc.routeTableId('app') },
        organizationId: plan.organizationId,
      });
    }
    if (plan.transitGateway) this.attach(plan, plan.transitGateway, vpc, hub);
    this.useInterfaceEndpoints(plan, vpc, hub);
    const lattice = plan.lattice
      ? new LatticeVpcAssociation(this, 'lattice', {
          vpcName: name,
          vpcId: vpc.vpcId,
          serviceNetworkIdentifier: hub.string('latticeServiceNetworkArn'),
          vpcCidrBlocks: [plan.vpc.plan.cidr ?? vpc.vpc.cidrBlock],
          vpcIpv6CidrBlocks: vpc.ipv6CidrBlock ? [vpc.ipv6CidrBlock] : [],
        })
      : undefined;
    requestPeerings(this, plan, vpc);

    spokeContract.publish(this, {
      vpcId: vpc.vpcId,
      vpcCidr: vpc.vpc.cidrBlock,
      vpcIpv6Cidr: vpc.ipv6CidrBlock ?? '',
      subnetIds: Object.fromEntries(
        vpc.tiers.flatMap((tier) => Object.entries(vpc.subnetIdsByZone(tier)).map(([letter, id]) => [subnetKey(tier, letter), id])),
      ),
      routeTableIds: Object.fromEntries(vpc.tiers.map((tier) => [tier, vpc.routeTableId(tier)])),
      securityGroupIds: securityGroups.securityGroupIds,
      latticeAssociationId: lattice?.associationId ?? '',
    });
  }

  private attach(plan: SpokePlan, routing: NonNullable<SpokePlan['transitGateway']>, vpc: TieredVpc, hub: HubReader): void {
    new TransitGatewayAttachment(this, 'transit-gateway', {
      name: plan.vpc.resourceName,
      transitGatewayId: hub.string('transitGatewayId'),
      vpcId: vpc.vpcId,
      subnetIds: vpc.subnetIds('app'),
      associatedRouteTableId: hub.entry('transitGatewayRouteTableIds', routing.associatedRouteTable),
      propagatedRouteTableIds: hub.entries('transitGatewayRouteTableIds', routing.propagatedRouteTables),
      vpcRouteTableIds: transitRouteTableIds(plan.vpc, vpc),
      destinations: [...(plan.vpc.transitRoutes.app ?? [])],
      ipv6Support: plan.vpc.plan.ipv6,
      vpcProvider: this.provider('spoke'),
      gatewayProvider: this.provider('network'),
    });
  }

  private useInterfaceEndpoints(plan: SpokePlan, vpc: TieredVpc, hub: HubReader): void {
    const endpoints = plan.interfaceEndpoints;
    if (endpoints.kind === 'local') {
      new InterfaceEndpoints(this, 'interface-endpoints', {
        name: plan.vpc.resourceName,
        region: plan.region,
        vpcId: vpc.vpcId,
        subnetIds: vpc.subnetIds('app'),
        services: [...endpoints.services],
        allowedCidrBlocks: [plan.vpc.plan.cidr ?? vpc.vpc.cidrBlock],
        dualStack: plan.vpc.plan.ipv6,
        organizationId: plan.organizationId,
      });
    } else if (endpoints.kind === 'hub') {
      new PrivateZoneAssociation(this, 'private-zones', {
        name: plan.vpc.resourceName,
        vpcId: vpc.vpcId,
        hostedZoneIds: hub.entries('privateHostedZoneIds', plan.hub.endpointServices),
        zoneOwnerProvider: this.provider('network'),
      });
    }
  }
}
