/**
 * The tier vocabulary of the network modules, in one place.
 *
 * `Tier` is where a subnet sits and what it may reach: `public` (internet-facing), `app`
 * (workloads, and the Transit Gateway attachment), `data` (databases; never the internet).
 * `SecurityGroupTier` is which workload role a security group guards. The two line up one to one
 * except at the edge: the `web` group guards what runs in the `public` subnets (load balancers);
 * `app` and `data` are the same word in both (`SUBNET_TIER_OF`).
 */
export type Tier = 'public' | 'app' | 'data';

/**
 * Tag key whose value is a subnet's tier on every subnet (and route table, NACL and security group)
 * the network modules create. FIS experiments select a tier's subnets by it; keep one key.
 */
export const TIER_TAG = 'Tier';

/** Every subnet tier, in the order their IPv6 /60s are numbered (public 0, app 1, data 2). */
export const TIERS: readonly Tier[] = ['public', 'app', 'data'];

/** Security-group tiers: `web` for the public tier's load balancers, then `app` and `data`. */
export type SecurityGroupTier = 'web' | 'app' | 'data';

/** The subnet tier each security-group tier's resources run in. */
export const SUBNET_TIER_OF: Readonly<Record<SecurityGroupTier, Tier>> = { web: 'public', app: 'app', data: 'data' };
