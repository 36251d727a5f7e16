import { spokeResourceName, spokeStackName } from '../naming';
import type { RequestedPeering, SpokePlan } from '../stack-plans';
import type { Environment, LandingZone, Peering, Spoke } from '../types';
import { accountRef, flowLogTarget, provider, stackBase, type ResolvedZone } from './base';
import { ipamSource } from './hub';
import { placeVpc } from './vpc';

/**
 * A workload account's network. Its attachment lives in the spoke account, its association and
 * propagations in the network account (second provider); each peering it requests uses a provider
 * for the accepter's account and is deployed after the accepter's stack.
 */
export function planSpokeStack(zone: ResolvedZone, environment: Environment, spoke: Spoke): SpokePlan {
  const { hub } = environment;
  const account = accountRef(zone, spoke.accountName);
  const requestedPeerings = environment.peerings
    .filter((peering) => peering.requester.vpcName === spoke.accountName)
    .map((peering) => requestedPeering(zone, peering));
  const sharedServices = hub.vpcs.filter((vpc) => vpc.role === 'shared-services');
  return {
    kind: 'spoke',
    ...stackBase(zone, {
      name: spoke.stackName,
      environment: environment.name,
      providers: [
        provider('spoke', account, environment.region),
        provider('network', accountRef(zone, hub.accountName), environment.region, 'network'),
        ...requestedPeerings.map((peering) =>
          provider(`peer-${peering.name}`, peering.accepter.account, peering.accepter.region, `peer-${peering.name}`),
        ),
      ],
      dependsOn: [hub.stackName, ...requestedPeerings.map((peering) => peering.accepter.stack.stackName)],
    }),
    environment: environment.name,
    region: environment.region,
    accountName: spoke.accountName,
    organizationId: zone.organization.id,
    vpc: placeVpc(spokeResourceName(zone.organization.name, environment.name, spoke.accountName), spoke.vpc),
    hub: {
      stackName: hub.stackName,
      environment: environment.name,
      region: environment.region,
      routeTables: hub.routeTables,
      endpointServices: hub.interfaceEndpoints?.services ?? [],
      ipamSharedServices: sharedServices.filter((vpc) => !vpc.cidr).map((vpc) => vpc.name),
    },
    ...(spoke.vpc.cidr ? {} : { ipam: ipamSource(zone) }),
    networkAcl: {
      sharedServices: Object.fromEntries(sharedServices.flatMap((vpc) => (vpc.cidr ? [[vpc.name, vpc.cidr]] : []))),
      peers: peerRanges(zone, environment.name, spoke.accountName),
    },
    ...(spoke.vpc.attachToTransitGateway ? { transitGateway: transitGatewayRouting(environment, spoke) } : {}),
    interfaceEndpoints:
      spoke.vpc.localInterfaceEndpoints.length > 0
        ? { kind: 'local', services: spoke.vpc.localInterfaceEndpoints }
        : hub.interfaceEndpoints
          ? { kind: 'hub' }
          : { kind: 'none' },
    lattice: hub.lattice !== undefined,
    requestedPeerings,
    flowLogs: flowLogTarget(zone, [spoke.vpc], account),
  };
}

function transitGatewayRouting(environment: Environment, spoke: Spoke): NonNullable<SpokePlan['transitGateway']> {
  const { routing } = environment.hub;
  const association = routing.associations.find((candidate) => candidate.attachment === spoke.accountName);
  if (!association) throw new Error(`internal: ${spoke.accountName} attaches to the hub but has no association`);
  return {
    associatedRouteTable: association.routeTable,
    propagatedRouteTables: routing.propagations
      .filter((propagation) => propagation.attachment === spoke.accountName)
      .map((propagation) => propagation.routeTable),
  };
}

/** The other side's block of every peering the spoke takes part in, in any environment. */
function peerRanges(zone: Pick<LandingZone, 'environments'>, environment: string, accountName: string): Record<string, string> {
  const ranges: Record<string, string> = {};
  for (const peering of zone.environments.flatMap((candidate) => candidate.peerings)) {
    const isSide = (side: Peering['requester']) => side.environment === environment && side.vpcName === accountName;
    const other = isSide(peering.requester) ? peering.accepter : isSide(peering.accepter) ? peering.requester : undefined;
    if (other?.cidr) ranges[`peer-${peering.name}`] = other.cidr;
  }
  return ranges;
}

function requestedPeering(zone: ResolvedZone, peering: Peering): RequestedPeering {
  const { accepter } = peering;
  return {
    name: peering.name,
    requesterCidr: peering.requester.cidr,
    accepter: {
      stack: {
        stackName: spokeStackName(accepter.environment, accepter.vpcName),
        environment: accepter.environment,
        region: accepter.region,
      },
      account: accountRef(zone, accepter.accountName),
      region: accepter.region,
      cidr: accepter.cidr,
      vpcName: accepter.vpcName,
    },
    routeTiers: peering.routeTiers,
    allowRemoteDnsResolution: peering.allowRemoteDnsResolution,
  };
}
