import { INTERFACE_ENDPOINT_SERVICES } from '../../endpoint-services';
import { problemAt, type SourceFile } from '../../yaml-source';
import type { ConfigIndex } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/* Endpoint rules: interface endpoint services (the hub's and a VPC's own) are supported and listed once. */

export const endpointServicesSupported: ConfigRule = {
  id: 'endpoints/services-supported',
  description: 'Every interface endpoint service is one the landing zone supports.',
  check: (index) =>
    serviceLists(index).flatMap(({ source, path, services }) =>
      services.flatMap((service, position) =>
        isSupported(service)
          ? []
          : [
              problemAt(
                source,
                [...path, position],
                `"${service}" is not an interface endpoint service the landing zone supports`,
                chooseFrom(INTERFACE_ENDPOINT_SERVICES, service, 'service'),
              ),
            ],
      ),
    ),
};

export const endpointServicesListedOnce: ConfigRule = {
  id: 'endpoints/services-listed-once',
  description: 'No interface endpoint list names a service twice.',
  check: (index) =>
    serviceLists(index).flatMap(({ source, path, services }) =>
      services.flatMap((service, position) =>
        isSupported(service) && services.indexOf(service) !== position
          ? [problemAt(source, [...path, position], `lists ${service} twice`, 'list each service once')]
          : [],
      ),
    ),
};

/** Services whose private DNS names cannot be served from the hub's private hosted zones (modules/network/interface-endpoints.ts). */
const NOT_CENTRALIZABLE: Readonly<Record<string, string>> = {
  'ecs-agent': 'its names (ecs-a-*.<region>.amazonaws.com) share the regional domain',
  'ecs-telemetry': 'its names (ecs-t-*.<region>.amazonaws.com) share the regional domain',
};

export const endpointServicesCentralizable: ConfigRule = {
  id: 'endpoints/services-centralizable',
  description: "The hub's interface endpoints name only services that a private hosted zone in the hub can serve to every spoke.",
  check: ({ environments }) =>
    environments.flatMap(({ source, config }) =>
      (config.networkHub.interfaceEndpoints?.services ?? []).flatMap((service, position) =>
        service in NOT_CENTRALIZABLE
          ? [
              problemAt(
                source,
                ['networkHub', 'interfaceEndpoints', 'services', position],
                `${service} cannot be centralized with a private hosted zone: ${NOT_CENTRALIZABLE[service]}`,
                'remove it here and list it in localInterfaceEndpoints of the spokes that need it',
              ),
            ]
          : [],
      ),
    ),
};

function isSupported(service: string): boolean {
  return (INTERFACE_ENDPOINT_SERVICES as readonly string[]).includes(service);
}

interface ServiceList {
  readonly source: SourceFile;
  readonly path: readonly (string | number)[];
  readonly services: readonly string[];
}

function serviceLists(index: ConfigIndex): ServiceList[] {
  const hub = index.environments.flatMap(({ source, config }) =>
    config.networkHub.interfaceEndpoints
      ? [{ source, path: ['networkHub', 'interfaceEndpoints', 'services'], services: config.networkHub.interfaceEndpoints.services }]
      : [],
  );
  const local = index.vpcs.flatMap(({ source, path, vpc }) =>
    vpc.localInterfaceEndpoints ? [{ source, path: [...path, 'localInterfaceEndpoints'], services: vpc.localInterfaceEndpoints }] : [],
  );
  return [...hub, ...local];
}
