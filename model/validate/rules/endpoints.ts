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
