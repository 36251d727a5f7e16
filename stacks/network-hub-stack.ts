import { Construct } from 'constructs';
import type { FlowLogDestination } from '../modules/network/flow-logs';
import { InterfaceEndpoints } from '../modules/network/interface-endpoints';
import { LatticeServiceNetwork } from '../modules/network/lattice-service-network';
import { TransitGateway } from '../modules/network/transit-gateway';
import { TransitGatewayRouting } from '../modules/network/transit-gateway-routing';
import { ResourceShare } from '../modules/sharing/resource-share';
import { LOG_ARCHIVE_STACK } from '../model/naming';
import type { Environment, VpcPlan } from '../model/types';
import { logArchiveOutputPlaceholders, publishHubOutputs, readLogArchiveOutputs } from './contracts';
import { buildHubVpc, type BuiltHubVpc } from './hub-vpcs';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';

/**
 * An environment's hub in the network account: the Transit Gateway with a route table per segment
 * and its routing intent, shared through RAM; hub VPCs (shared services, egress, inspection);
 * centralized interface endpoints; the Lattice service network.
 */
export class NetworkHubStack extends LandingZoneStack {
  constructor(scope: Construct, environment: Environment, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, environment.hub.stackName, { ...props, environment: environment.name });
    const { hub } = environment;
    const { organization } = this.model;
    const namePrefix = `${organization.name}-${environment.name}`;
    this.providerFor('network', hub.accountName, environment.region);
    const principals = Object.fromEntries(hub.sharedWithAccounts.map((account) => [account, this.accountIdOf(account)]));

    const gateway = new TransitGateway(this, 'transit-gateway', {
      name: namePrefix,
      amazonSideAsn: hub.amazonSideAsn,
      segments: hub.routeTables,
    });
    new ResourceShare(this, 'transit-gateway-share', {
      name: `${namePrefix}-transit-gateway`,
      resourceArns: { 'transit-gateway': gateway.gateway.arn },
      principals,
    });
    const context = {
      environment,
      organizationId: organization.id,
      namePrefix,
      transitGatewayId: gateway.gateway.id,
      routeTableId: (table: string) => gateway.routeTableId(table),
      flowLogDestination: this.flowLogDestination(hub.vpcs, hub.accountName),
    };
    const built = hub.vpcs.map((plan) => buildHubVpc(this, plan, context));
    this.routeTransitGateway(environment, gateway.routeTableIds, built);

    const endpointsVpc = built.find((vpc) => vpc.plan.name === hub.interfaceEndpoints?.vpcName)?.vpc;
    const endpoints =
      hub.interfaceEndpoints && endpointsVpc
        ? new InterfaceEndpoints(this, 'interface-endpoints', {
            name: namePrefix,
            region: environment.region,
            vpcId: endpointsVpc.vpcId,
            subnetIds: endpointsVpc.subnetIds('app'),
            services: [...hub.interfaceEndpoints.services],
            allowedCidrBlocks: [environment.cidr],
            dualStack: built.find((vpc) => vpc.vpc === endpointsVpc)!.plan.ipv6,
            organizationId: organization.id,
          })
        : undefined;
    const lattice = hub.lattice
      ? new LatticeServiceNetwork(this, 'lattice', { name: hub.lattice.serviceNetworkName, organizationId: organization.id, principals })
      : undefined;

    publishHubOutputs(this, {
      transitGatewayId: gateway.gateway.id,
      transitGatewayRouteTableIds: gateway.routeTableIds,
      latticeServiceNetworkArn: lattice?.serviceNetworkArn ?? '',
      privateHostedZoneIds: endpoints?.hostedZoneIds ?? {},
    });
  }

  /** Static routes, blackholes, and the propagations of the hub's own attachments (spokes propagate from their stacks). */
  private routeTransitGateway(environment: Environment, routeTableIds: Record<string, string>, built: readonly BuiltHubVpc[]): void {
    const { routing } = environment.hub;
    const attachments = Object.fromEntries(built.map((vpc) => [vpc.plan.name, { id: vpc.attachmentId, segment: vpc.plan.segment }]));
    const propagations: Record<string, string[]> = {};
    for (const propagation of routing.propagations.filter((candidate) => attachments[candidate.attachment])) {
      propagations[propagation.attachment] = [...(propagations[propagation.attachment] ?? []), propagation.routeTable];
    }
    new TransitGatewayRouting(this, 'transit-gateway-routing', {
      name: environment.hub.stackName,
      routeTableIds,
      attachments,
      propagations,
      routes: Object.fromEntries(
        routing.staticRoutes.map((route) => [
          `${route.routeTable}-${route.destination.replace(/[/:.]/g, '-')}`,
          { segment: route.routeTable, destinationCidrBlock: route.destination, attachment: route.attachment },
        ]),
      ),
      blackholes: Object.fromEntries(
        routing.blackholes.map((route) => [
          `${route.routeTable}-${route.destination.replace(/[/:.]/g, '-')}`,
          { segment: route.routeTable, destinationCidrBlock: route.destination },
        ]),
      ),
    });
  }

  private flowLogDestination(vpcs: readonly VpcPlan[], hubAccountName: string): FlowLogDestination {
    if (vpcs.every((vpc) => vpc.flowLogs === 'cloud-watch-logs')) {
      return {
        type: 'cloud-watch-logs',
        accountId: this.accountIdOf(hubAccountName),
        retentionInDays: this.model.network.flowLogRetentionDays,
      };
    }
    const logArchive = readLogArchiveOutputs(
      this.readStack('log-archive-outputs', LOG_ARCHIVE_STACK, undefined, logArchiveOutputPlaceholders()),
    );
    return { type: 's3', bucketArn: logArchive.flowLogBucketArn };
  }
}
