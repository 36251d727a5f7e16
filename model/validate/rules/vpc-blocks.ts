import { Ipv4Cidr } from '../../cidr';
import type { ConfigIndex, VpcEntry } from '../config-index';

/*
 * Where each VPC's IPv4 block comes from, worked out once for the address and IPAM rules. A VPC
 * gets at most one block problem (the first that applies, in the order below), and its subnets
 * are checked only against a block that has none.
 */

export type BlockStatus =
  | { readonly kind: 'not-exactly-one' }
  | { readonly kind: 'outside-environment' }
  | { readonly kind: 'ipam-not-configured' }
  | { readonly kind: 'netmask-exceeds-pool'; readonly pool: Ipv4Cidr }
  | { readonly kind: 'no-free-block' }
  | { readonly kind: 'ok'; readonly block: string };

const statusCache = new WeakMap<ConfigIndex, Map<VpcEntry, BlockStatus>>();

export function blockStatus(index: ConfigIndex, entry: VpcEntry): BlockStatus {
  let statuses = statusCache.get(index);
  if (!statuses) {
    statuses = computeStatuses(index);
    statusCache.set(index, statuses);
  }
  return statuses.get(entry) ?? { kind: 'not-exactly-one' };
}

function computeStatuses(index: ConfigIndex): Map<VpcEntry, BlockStatus> {
  const fitsPool = new Map(index.environments.flatMap((environment) => simulateIpamAllocations(index.vpcsOf(environment))));
  return new Map(index.vpcs.map((entry) => [entry, statusOf(index, entry, fitsPool.get(entry) ?? true)]));
}

function statusOf(index: ConfigIndex, entry: VpcEntry, fitsPool: boolean): BlockStatus {
  const { vpc } = entry;
  if ((vpc.cidr === undefined) === (vpc.ipamNetmask === undefined)) return { kind: 'not-exactly-one' };
  if (vpc.cidr !== undefined) {
    const inside = Ipv4Cidr.of(entry.environment.config.cidr).contains(Ipv4Cidr.of(vpc.cidr));
    return inside ? { kind: 'ok', block: vpc.cidr } : { kind: 'outside-environment' };
  }
  const netmask = vpc.ipamNetmask!;
  if (index.org && !index.org.config.network.ipam) return { kind: 'ipam-not-configured' };
  const pool = Ipv4Cidr.of(entry.environment.config.cidr);
  if (netmask < pool.prefixLength) return { kind: 'netmask-exceeds-pool', pool };
  if (!fitsPool) return { kind: 'no-free-block' };
  return { kind: 'ok', block: `0.0.0.0/${netmask}` };
}

/**
 * Allocates the environment's IPAM VPCs, in name order, around the VPCs with fixed blocks (the
 * IPAM stack reserves those), the way IPAM hands out the first free aligned block.
 */
function simulateIpamAllocations(entries: readonly VpcEntry[]): [VpcEntry, boolean][] {
  const occupied = entries
    .filter((entry) => entry.vpc.cidr && !('error' in Ipv4Cidr.parse(entry.vpc.cidr)))
    .map((entry) => Ipv4Cidr.of(entry.vpc.cidr!));
  const pool = entries[0] ? Ipv4Cidr.parse(entries[0].environment.config.cidr) : { error: 'no entries' };
  if ('error' in pool) return [];
  const ipamEntries = entries.filter((entry) => entry.vpc.ipamNetmask !== undefined && entry.vpc.ipamNetmask >= pool.prefixLength);
  return [...ipamEntries]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => {
      const size = 2 ** (32 - entry.vpc.ipamNetmask!);
      for (let offset = 0; offset < pool.size; offset += size) {
        const candidate = pool.blockAt(offset, entry.vpc.ipamNetmask!);
        if (occupied.every((block) => !block.overlaps(candidate))) {
          occupied.push(candidate);
          return [entry, true];
        }
      }
      return [entry, false];
    });
}
