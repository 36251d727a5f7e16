import { arn } from '../../model/naming';
import { defineContract, output, placeholderAccountId, placeholderHex } from './contract';

/** An `<env>-network-hub` stack: what spokes and workloads attach to and use. */
export const hubContract = defineContract('network-hub', {
  transitGatewayId: output.string(
    'transit_gateway_id',
    'Id of the environment Transit Gateway',
    (source) => `tgw-${placeholderHex(source.stackName)}`,
  ),
  transitGatewayRouteTableIds: output.map(
    'transit_gateway_route_table_ids',
    'Transit Gateway route table ids by route table (segment) name',
    (source, table) => `tgw-rtb-${placeholderHex(source.stackName, table)}`,
  ),
  latticeServiceNetworkArn: output.string(
    'lattice_service_network_arn',
    "ARN of the environment's VPC Lattice service network; empty when Lattice is off",
    (source) =>
      arn('vpc-lattice', source.region, placeholderAccountId(source.stackName), `servicenetwork/sn-${placeholderHex(source.stackName)}`),
  ),
  latticeServiceNetworkId: output.string(
    'lattice_service_network_id',
    "Id of the environment's VPC Lattice service network; empty when Lattice is off",
    (source) => `sn-${placeholderHex(source.stackName)}`,
  ),
  privateHostedZoneIds: output.map(
    'private_hosted_zone_ids',
    'Route 53 private hosted zone ids of the centralized interface endpoints, by service',
    (source, service) => `Z${placeholderHex(source.stackName, service).toUpperCase()}`,
  ),
  interfaceEndpointIds: output.map(
    'interface_endpoint_ids',
    'Ids of the centralized interface endpoints by service (execute-api: private REST APIs)',
    (source, service) => `vpce-${placeholderHex(source.stackName, service)}`,
  ),
  sharedServicesCidrs: output.map(
    'shared_services_cidrs',
    'IPv4 blocks of the shared-services VPCs by VPC name (IPAM-allocated ones included)',
    () => '10.255.255.0/24',
  ),
});
