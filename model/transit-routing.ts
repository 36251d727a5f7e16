import { EGRESS_SEGMENT, INSPECTION_SEGMENT, segmentsConnect } from './defaults';
import type { EnvironmentConfig } from './schema';
import type { TransitRouting, VpcPlan } from './types';
import { attachesToHub } from './vpc-roles';

/**
 * Who reaches whom through the hub. Each attached VPC associates with its segment's table and
 * propagates into every segment it may reach (its own, shared, and `connect` pairs), and into the
 * egress and inspection tables for return traffic. Segment tables send the internet to inspection
 * (or straight to egress), NAT64 to the egress NAT gateways, and blackhole every VPC of the segments they must never reach — without
 * that, 0.0.0.0/0 would hairpin through the egress VPC into another segment.
 */
export function planTransitRouting(environment: EnvironmentConfig, segments: readonly string[], vpcs: readonly VpcPlan[]): TransitRouting {
  const hub = environment.networkHub;
  const attached = vpcs.filter((vpc) => vpc.attachToTransitGateway && attachesToHub(vpc.role));
  const egress = hub.egress?.vpc;
  const inspection = hub.inspection?.vpc;
  const anyNat64 = attached.some((vpc) => vpc.nat64);

  const associations = [
    ...attached.map((vpc) => ({ attachment: vpc.name, routeTable: vpc.segment })),
    ...(egress ? [{ attachment: egress, routeTable: EGRESS_SEGMENT }] : []),
    ...(inspection ? [{ attachment: inspection, routeTable: INSPECTION_SEGMENT }] : []),
  ];
  const propagations = attached.flatMap((vpc) => [
    ...segments
      .filter((segment) => segmentsConnect(environment, vpc.segment, segment))
      .map((routeTable) => ({ attachment: vpc.name, routeTable })),
    ...(egress ? [{ attachment: vpc.name, routeTable: EGRESS_SEGMENT }] : []),
    ...(inspection ? [{ attachment: vpc.name, routeTable: INSPECTION_SEGMENT }] : []),
  ]);
  const staticRoutes = egress
    ? [
        ...segments.flatMap((routeTable) => [
          { routeTable, destination: '0.0.0.0/0', attachment: inspection ?? egress },
          ...(anyNat64 ? [{ routeTable, destination: '64:ff9b::/96', attachment: egress }] : []),
        ]),
        ...(inspection
          ? [
              { routeTable: INSPECTION_SEGMENT, destination: '0.0.0.0/0', attachment: egress },
              // Static beats propagated for the same prefix: IPv4 return traffic goes back through the firewall.
              ...attached.flatMap((vpc) =>
                vpc.cidr ? [{ routeTable: EGRESS_SEGMENT, destination: vpc.cidr, attachment: inspection }] : [],
              ),
            ]
          : []),
      ]
    : [];
  const blackholes = segments.flatMap((routeTable) =>
    attached.flatMap((vpc) =>
      vpc.cidr && !segmentsConnect(environment, vpc.segment, routeTable) ? [{ routeTable, destination: vpc.cidr }] : [],
    ),
  );
  return { associations, propagations, staticRoutes, blackholes };
}
