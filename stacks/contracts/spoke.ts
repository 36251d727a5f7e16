import { defineContract, output, placeholderHex } from './contract';

/** The tiers every spoke publishes a security group for. */
export const SECURITY_GROUP_TIERS = ['web', 'app', 'data'] as const;

/** An `<env>-spoke-<account>` stack: the network workloads and peers build on. */
export const spokeContract = defineContract('spoke', {
  vpcId: output.string('vpc_id', 'Id of the VPC', (source) => `vpc-${placeholderHex(source.stackName)}`),
  vpcCidr: output.string('vpc_cidr', 'IPv4 block of the VPC', () => '10.255.0.0/16'),
  vpcIpv6Cidr: output.string('vpc_ipv6_cidr', 'IPv6 block of the VPC; empty when IPv4-only', () => '2001:db8::/56'),
  subnetIds: output.map(
    'subnet_ids',
    'Subnet ids by `<tier>-<zone letter>` (e.g. app-a)',
    (source, key) => `subnet-${placeholderHex(source.stackName, key)}`,
  ),
  routeTableIds: output.map(
    'route_table_ids',
    'Route table ids by tier',
    (source, tier) => `rtb-${placeholderHex(source.stackName, tier)}`,
  ),
  securityGroupIds: output.map(
    'security_group_ids',
    'Security group ids by tier (web, app, data)',
    (source, tier) => `sg-${placeholderHex(source.stackName, tier)}`,
  ),
  latticeAssociationId: output.string(
    'lattice_association_id',
    "Id of the VPC's association with the environment's Lattice service network; empty when Lattice is off",
    (source) => `snva-${placeholderHex(source.stackName)}`,
  ),
});

/** The key of a subnet in the spoke contract: `<tier>-<zone letter>`. */
export function subnetKey(tier: string, zoneLetter: string): string {
  return `${tier}-${zoneLetter}`;
}
