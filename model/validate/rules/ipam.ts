import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import { blockStatus } from './vpc-blocks';

/* IPAM rules: a VPC that takes its block from IPAM gets one that exists and fits. */

export const ipamConfigured: ConfigRule = {
  id: 'ipam/configured-for-netmask',
  description: 'A VPC with ipamNetmask needs network.ipam in org.yaml.',
  check: (index) =>
    index.vpcs
      .filter((entry) => blockStatus(index, entry).kind === 'ipam-not-configured')
      .map((entry) =>
        problemAt(
          entry.source,
          [...entry.path, 'ipamNetmask'],
          'needs IPAM, which is not configured',
          `add network.ipam to ${index.org!.source.file}, or give the VPC a cidr`,
        ),
      ),
};

export const netmaskWithinPool: ConfigRule = {
  id: 'ipam/netmask-within-pool',
  description: "An ipamNetmask is no larger than the environment's pool.",
  check: (index) =>
    index.vpcs.flatMap((entry) => {
      const status = blockStatus(index, entry);
      if (status.kind !== 'netmask-exceeds-pool') return [];
      return [
        problemAt(
          entry.source,
          [...entry.path, 'ipamNetmask'],
          `/${entry.vpc.ipamNetmask} does not fit the environment's IPAM pool ${entry.environment.config.cidr}`,
          `use a netmask of /${status.pool.prefixLength} or longer`,
        ),
      ];
    }),
};

export const netmaskAllocatable: ConfigRule = {
  id: 'ipam/netmask-allocatable',
  description: 'IPAM can still hand out a free block of each ipamNetmask beside the VPCs with fixed blocks (in name order).',
  check: (index) =>
    index.vpcs
      .filter((entry) => blockStatus(index, entry).kind === 'no-free-block')
      .map((entry) =>
        problemAt(
          entry.source,
          [...entry.path, 'ipamNetmask'],
          `/${entry.vpc.ipamNetmask} does not fit the environment's IPAM pool ${entry.environment.config.cidr}: no free block of that size is left beside the VPCs with fixed blocks`,
          'use a smaller block (a higher netmask), or free space in the range',
        ),
      ),
};

export const plumbingHasFixedBlock: ConfigRule = {
  id: 'ipam/plumbing-has-fixed-block',
  description: 'Egress and inspection VPCs have a fixed cidr: their subnets and routes are planned from it.',
  check: (index) =>
    index.vpcs
      .filter((entry) => (entry.role === 'egress' || entry.role === 'inspection') && entry.vpc.ipamNetmask !== undefined)
      .map((entry) =>
        problemAt(
          entry.source,
          [...entry.path, 'ipamNetmask'],
          `cannot be used for the ${entry.role} VPC`,
          'give the VPC a fixed cidr inside the environment range',
        ),
      ),
};
