import { VpcIpam } from '@cdktf/provider-aws/lib/vpc-ipam';
import { VpcIpamPool } from '@cdktf/provider-aws/lib/vpc-ipam-pool';
import { VpcIpamPoolCidr } from '@cdktf/provider-aws/lib/vpc-ipam-pool-cidr';
import { TerraformProvider, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import * as ipaddr from 'ipaddr.js';
import { ResourceShare } from '../sharing/resource-share';

/** VPC sizes AWS allows: a VPC's IPv4 block is /16 to /28. */
const LARGEST_VPC = 16;
const SMALLEST_VPC = 28;
/** Amazon-provided IPv6 VPC blocks are /56. */
const VPC_IPV6_NETMASK = 56;

export interface IpamRegionalPool {
  /**
   * IPv4 blocks provisioned to the region's pool, each inside one of `ipv4Cidrs`.
   * CAUTION: removing or changing one deprovisions it, which fails while VPCs still use it.
   */
  readonly cidrs: readonly string[];
  /** Largest block a VPC may take (smallest netmask). @default - the region's largest block, but not larger than /16 */
  readonly allocationMinNetmaskLength?: number;
  /** Smallest block a VPC may take (largest netmask). @default 28 */
  readonly allocationMaxNetmaskLength?: number;
  /** Netmask of an allocation that names none. @default - none: every allocation names its netmask */
  readonly allocationDefaultNetmaskLength?: number;
}

export interface IpamProps {
  /** Description and Name tag prefix. */
  readonly name: string;
  /** Region of the IPAM and its pools (the provider's region); always an operating region. CAUTION: changing it replaces the IPAM. */
  readonly homeRegion: string;
  /** IPv4 blocks of the top-level pool, from which regional pools are carved. */
  readonly ipv4Cidrs: readonly string[];
  /** One IPv4 pool (and, with `ipv6`, one IPv6 pool) per region, keyed by region name: the regions the IPAM operates in. */
  readonly regions: Readonly<Record<string, IpamRegionalPool>>;
  /** Amazon-provided IPv6 pool per region in the public scope; VPCs take /56 blocks from it. @default false */
  readonly ipv6?: boolean;
  /** Size of the Amazon-provided IPv6 block provisioned to each regional IPv6 pool. CAUTION: changing it replaces the block. @default 52 */
  readonly ipv6NetmaskLength?: number;
  /** Accounts (or OU / organization ARNs) the regional pools are shared with through RAM, keyed by a stable name. @default {} - no share */
  readonly principals?: Readonly<Record<string, string>>;
  /** @default 'advanced' */
  readonly tier?: 'free' | 'advanced';
  /** Provider of the network account in `homeRegion`. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * VPC IPAM in the network account: a top-level IPv4 pool, a child pool per region (locale) with
 * allocation netmask bounds, optionally an Amazon-provided IPv6 pool per region, and a RAM share
 * of the regional pools. Construct IDs use region names and CIDRs, never positions.
 */
export class Ipam extends Construct {
  readonly ipam: VpcIpam;
  readonly topLevelIpv4Pool: VpcIpamPool;
  private readonly ipv4Pools = new Map<string, VpcIpamPool>();
  private readonly ipv6Pools = new Map<string, VpcIpamPool>();

  constructor(scope: Construct, id: string, props: IpamProps) {
    super(scope, id);
    validate(props);
    const { provider } = props;
    const regions = Object.keys(props.regions);
    const operatingRegions = [props.homeRegion, ...regions.filter((region) => region !== props.homeRegion)];
    this.ipam = new VpcIpam(this, 'ipam', {
      provider,
      description: props.name,
      tier: props.tier ?? 'advanced',
      operatingRegions: operatingRegions.map((regionName) => ({ regionName })),
      tags: { Name: props.name },
    });
    this.topLevelIpv4Pool = new VpcIpamPool(this, 'ipv4', {
      provider,
      addressFamily: 'ipv4',
      ipamScopeId: this.ipam.privateDefaultScopeId,
      description: `${props.name} IPv4`,
      tags: { Name: `${props.name}-ipv4` },
    });
    const topLevelCidrs = props.ipv4Cidrs.map(
      (cidr) => new VpcIpamPoolCidr(this, `ipv4-cidr-${cidrKey(cidr)}`, { provider, ipamPoolId: this.topLevelIpv4Pool.id, cidr }),
    );
    for (const [region, pool] of Object.entries(props.regions)) {
      const regional = new VpcIpamPool(this, `ipv4-${region}`, {
        provider,
        addressFamily: 'ipv4',
        ipamScopeId: this.ipam.privateDefaultScopeId,
        sourceIpamPoolId: this.topLevelIpv4Pool.id,
        locale: region,
        autoImport: false,
        allocationMinNetmaskLength: minNetmask(pool),
        allocationMaxNetmaskLength: pool.allocationMaxNetmaskLength ?? SMALLEST_VPC,
        allocationDefaultNetmaskLength: pool.allocationDefaultNetmaskLength,
        description: `${props.name} IPv4 ${region}`,
        tags: { Name: `${props.name}-ipv4-${region}` },
      });
      for (const cidr of pool.cidrs) {
        new VpcIpamPoolCidr(this, `ipv4-${region}-cidr-${cidrKey(cidr)}`, {
          provider,
          ipamPoolId: regional.id,
          cidr,
          dependsOn: topLevelCidrs,
        });
      }
      this.ipv4Pools.set(region, regional);
      if (props.ipv6) {
        const ipv6 = new VpcIpamPool(this, `ipv6-${region}`, {
          provider,
          addressFamily: 'ipv6',
          ipamScopeId: this.ipam.publicDefaultScopeId,
          locale: region,
          awsService: 'ec2',
          publicIpSource: 'amazon',
          allocationDefaultNetmaskLength: VPC_IPV6_NETMASK,
          description: `${props.name} IPv6 ${region}`,
          tags: { Name: `${props.name}-ipv6-${region}` },
        });
        new VpcIpamPoolCidr(this, `ipv6-${region}-cidr`, { provider, ipamPoolId: ipv6.id, netmaskLength: props.ipv6NetmaskLength ?? 52 });
        this.ipv6Pools.set(region, ipv6);
      }
    }
    const principals = props.principals ?? {};
    if (Object.keys(principals).length > 0) {
      const pools = [
        ...[...this.ipv4Pools].map(([region, pool]) => [`ipv4-${region}`, pool.arn]),
        ...[...this.ipv6Pools].map(([region, pool]) => [`ipv6-${region}`, pool.arn]),
      ];
      const share = new ResourceShare(this, 'share', {
        name: `${props.name}-ipam-pools`,
        resourceArns: Object.fromEntries(pools),
        principals,
      });
      if (provider) useProvider(share, provider);
    }
  }

  get ipamId(): string {
    return this.ipam.id;
  }

  /** Regional IPv4 pool ids keyed by region: what a VPC passes as `ipv4_ipam_pool_id`. */
  get ipv4PoolIds(): Record<string, string> {
    return Object.fromEntries([...this.ipv4Pools].map(([region, pool]) => [region, pool.id]));
  }

  /** Regional IPv6 pool ids keyed by region (empty without `ipv6`): what a VPC passes as `ipv6_ipam_pool_id`. */
  get ipv6PoolIds(): Record<string, string> {
    return Object.fromEntries([...this.ipv6Pools].map(([region, pool]) => [region, pool.id]));
  }
}

/** ResourceShare has no provider prop, and a share must live in the account and region of the pools. */
function useProvider(share: ResourceShare, provider: TerraformProvider): void {
  for (const child of share.node.children) {
    if (child instanceof TerraformResource) child.provider = provider;
  }
}

function minNetmask(pool: IpamRegionalPool): number {
  return pool.allocationMinNetmaskLength ?? Math.max(LARGEST_VPC, largestBlock(pool));
}

/** Prefix length of the region's largest block. */
function largestBlock(pool: IpamRegionalPool): number {
  return Math.min(...pool.cidrs.map((cidr) => ipaddr.IPv4.parseCIDR(cidr)[1]));
}

function cidrKey(cidr: string): string {
  return cidr.replace(/[.:]/g, '-').replace('/', '_');
}

function validate(props: IpamProps): void {
  const where = `Ipam ${props.name}`;
  const regions = Object.entries(props.regions);
  if (regions.length === 0) throw new Error(`${where}: regions is empty; give at least one region's pool`);
  if (props.ipv4Cidrs.length === 0) throw new Error(`${where}: ipv4Cidrs is empty; give the top-level pool's blocks`);
  const parsed = (cidr: string, prop: string): [ipaddr.IPv4, number] => {
    if (!ipaddr.IPv4.isValidCIDR(cidr) || ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() !== cidr.split('/')[0]) {
      throw new Error(`${where}: ${prop} ${cidr} is not an IPv4 CIDR block with its host bits clear, such as 10.0.0.0/8`);
    }
    return ipaddr.IPv4.parseCIDR(cidr);
  };
  const disjoint = (entries: readonly (readonly [string, string])[]): void => {
    entries.forEach(([cidr, prop], index) => {
      for (const [other, otherProp] of entries.slice(index + 1)) {
        const [a, b] = [ipaddr.IPv4.parseCIDR(cidr), ipaddr.IPv4.parseCIDR(other)];
        if (a[0].match(b) || b[0].match(a)) {
          throw new Error(`${where}: ${prop} ${cidr} overlaps ${otherProp} ${other}; give each pool its own block`);
        }
      }
    });
  };
  const topLevel = props.ipv4Cidrs.map((cidr) => [cidr, parsed(cidr, 'ipv4Cidrs entry')] as const);
  disjoint(props.ipv4Cidrs.map((cidr) => [cidr, 'ipv4Cidrs entry'] as const));
  const regional: (readonly [string, string])[] = [];
  for (const [region, pool] of regions) {
    const prop = `regions.${region}`;
    if (pool.cidrs.length === 0) throw new Error(`${where}: ${prop}.cidrs is empty; give the region at least one block`);
    for (const cidr of pool.cidrs) {
      const block = parsed(cidr, `${prop}.cidrs entry`);
      if (!topLevel.some(([, parent]) => block[0].match(parent) && block[1] >= parent[1])) {
        throw new Error(
          `${where}: ${prop}.cidrs entry ${cidr} is not inside ipv4Cidrs (${props.ipv4Cidrs.join(', ')}); carve it from the top-level pool`,
        );
      }
      regional.push([cidr, `${prop}.cidrs entry`]);
    }
    const largest = largestBlock(pool);
    const min = minNetmask(pool);
    const max = pool.allocationMaxNetmaskLength ?? SMALLEST_VPC;
    if (min < largest) {
      throw new Error(
        `${where}: ${prop}.allocationMinNetmaskLength /${min} does not fit the region's largest block /${largest}; use /${largest} or more`,
      );
    }
    if (min < LARGEST_VPC || max > SMALLEST_VPC || min > max) {
      throw new Error(
        `${where}: ${prop} allocation netmasks /${min}–/${max} must satisfy ${LARGEST_VPC} ≤ min ≤ max ≤ ${SMALLEST_VPC} (VPC sizes)`,
      );
    }
    const fallback = pool.allocationDefaultNetmaskLength;
    if (fallback !== undefined && (fallback < min || fallback > max)) {
      throw new Error(
        `${where}: ${prop}.allocationDefaultNetmaskLength /${fallback} is outside /${min}–/${max}; pick a netmask between them`,
      );
    }
  }
  disjoint(regional);
  const ipv6Netmask = props.ipv6NetmaskLength ?? 52;
  if (props.ipv6NetmaskLength !== undefined && !props.ipv6) {
    throw new Error(`${where}: ipv6NetmaskLength is set but ipv6 is off; set ipv6 to true or drop it`);
  }
  if (ipv6Netmask > VPC_IPV6_NETMASK || ipv6Netmask < 1) {
    throw new Error(`${where}: ipv6NetmaskLength /${ipv6Netmask} cannot hold a /${VPC_IPV6_NETMASK} VPC block; use /52 or less`);
  }
}
