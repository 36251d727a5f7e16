import { defineContract, output, placeholderHex } from './contract';

/** The `network-ipam` stack: regional pools VPCs take their blocks from. */
export const ipamContract = defineContract('network-ipam', {
  ipv4PoolIds: output.map(
    'ipam_ipv4_pool_ids',
    'Regional IPv4 IPAM pool ids by region',
    (_source, region) => `ipam-pool-${placeholderHex('ipv4', region)}`,
  ),
  ipv6PoolIds: output.map(
    'ipam_ipv6_pool_ids',
    'Regional IPv6 IPAM pool ids by region (empty without IPv6)',
    (_source, region) => `ipam-pool-${placeholderHex('ipv6', region)}`,
  ),
});
