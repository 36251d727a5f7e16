import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import type { SubnetConfig } from '@cdktf/provider-aws/lib/subnet';
import { Vpc, type VpcConfig } from '@cdktf/provider-aws/lib/vpc';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { zoneIndex } from '../shared/zones';

/** Where a VPC's IPv6 block comes from. */
export interface Ipv6BlockSource {
  /**
   * IPAM pool (IPv6) to take the VPC's block from.
   * CAUTION: changing it replaces the VPC's IPv6 block, and with it every subnet's /64.
   * @default - an Amazon-provided /56
   */
  readonly ipamPoolId?: string;
  /** Size of the block taken from `ipamPoolId`: 44 to 56, in steps of 4. Only with ipamPoolId. @default 56 */
  readonly netmaskLength?: number;
}

export interface VpcBaseProps {
  /** Name tag of the VPC, and prefix of everything in it. */
  readonly name: string;
  /** CAUTION: changing it replaces the VPC and everything in it. @default - taken from ipv4IpamPoolId */
  readonly cidrBlock?: string;
  /** CAUTION: changing it replaces the VPC. @default - cidrBlock is used */
  readonly ipv4IpamPoolId?: string;
  /** Only with ipv4IpamPoolId. CAUTION: changing it replaces the VPC. @default - none */
  readonly ipv4NetmaskLength?: number;
  /** @default true */
  readonly enableDnsHostnames?: boolean;
  /** @default - IPv4 only */
  readonly ipv6?: Ipv6BlockSource;
}

/**
 * What every VPC of the landing zone starts with: the VPC (construct ID `vpc`) and its default
 * security group emptied of rules (`default-security-group`), so nothing lands in a group that
 * allows traffic by accident. Subclasses add subnets and routes; `addInternetGateway` gives them
 * the internet gateway and the public default routes under the same IDs in every VPC kind.
 */
export abstract class VpcBase extends Construct {
  readonly vpc: Vpc;
  private readonly ipv6Source?: Ipv6BlockSource;

  protected constructor(scope: Construct, id: string, props: VpcBaseProps) {
    super(scope, id);
    this.ipv6Source = props.ipv6;
    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.cidrBlock,
      ipv4IpamPoolId: props.ipv4IpamPoolId,
      ipv4NetmaskLength: props.ipv4IpamPoolId ? props.ipv4NetmaskLength : undefined,
      enableDnsSupport: true,
      enableDnsHostnames: props.enableDnsHostnames ?? true,
      ...ipv6VpcArguments(props.ipv6),
      tags: { Name: props.name },
    });
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${props.name}-default-deny-all` },
    });
  }

  get vpcId(): string {
    return this.vpc.id;
  }

  /** The VPC's IPv6 block; undefined when the VPC is IPv4-only. */
  get ipv6CidrBlock(): string | undefined {
    return this.ipv6Source ? this.vpc.ipv6CidrBlock : undefined;
  }

  /** Subnet arguments for a dual-stack subnet's /64 (none in an IPv4-only VPC); see `ipv6SubnetIndex`. */
  protected ipv6SubnetArguments(tierOffset: number, availabilityZone: string): Partial<SubnetConfig> {
    const ipv6 = this.ipv6Source;
    if (!ipv6) return {};
    return {
      ipv6CidrBlock: Fn.cidrsubnet(this.vpc.ipv6CidrBlock, ipv6SubnetBits(ipv6), ipv6SubnetIndex(tierOffset, availabilityZone)),
      assignIpv6AddressOnCreation: true,
    };
  }

  /**
   * The internet gateway (`internet-gateway`) and the public route table's default route to it
   * (`public-default-route`, and `public-default-route-ipv6` for `::/0` when `ipv6Default`).
   */
  protected addInternetGateway(name: string, publicRouteTableId: string, ipv6Default: boolean): InternetGateway {
    const gateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id, tags: { Name: name } });
    new Route(this, 'public-default-route', {
      routeTableId: publicRouteTableId,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: gateway.id,
    });
    if (ipv6Default) {
      new Route(this, 'public-default-route-ipv6', {
        routeTableId: publicRouteTableId,
        destinationIpv6CidrBlock: '::/0',
        gatewayId: gateway.id,
      });
    }
    return gateway;
  }
}

/**
 * Index of a subnet's /64 inside the VPC's IPv6 block: tier offset × 16 + zone letter (a = 0 …
 * p = 15). Derived from names only, so adding a zone or a tier never moves another subnet's block,
 * and each tier's subnets share one /60.
 */
export function ipv6SubnetIndex(tierOffset: number, availabilityZone: string): number {
  const letter = zoneIndex(availabilityZone);
  if (letter < 0) throw new Error(`availability zone ${availabilityZone} must end in a letter a–p to get an IPv6 /64`);
  return tierOffset * 16 + letter;
}

/** Arguments of an `aws_vpc` for its IPv6 block. */
export function ipv6VpcArguments(ipv6: Ipv6BlockSource | undefined): Partial<VpcConfig> {
  if (!ipv6) return {};
  if (ipv6.ipamPoolId) return { ipv6IpamPoolId: ipv6.ipamPoolId, ipv6NetmaskLength: ipv6.netmaskLength ?? 56 };
  return { assignGeneratedIpv6CidrBlock: true };
}

/** Bits between the VPC's IPv6 block and a /64. */
export function ipv6SubnetBits(ipv6: Ipv6BlockSource): number {
  return 64 - (ipv6.ipamPoolId ? (ipv6.netmaskLength ?? 56) : 56);
}

/** Refuses an IPAM netmask a VPC with a /64 per tier and zone cannot use; `owner` prefixes the message. */
export function validateIpv6BlockSource(owner: string, ipv6: Ipv6BlockSource): void {
  if (ipv6.netmaskLength === undefined) return;
  if (!ipv6.ipamPoolId) throw new Error(`${owner}: ipv6.netmaskLength only applies with ipv6.ipamPoolId; set the pool or remove it`);
  if (![44, 48, 52, 56].includes(ipv6.netmaskLength))
    throw new Error(
      `${owner}: ipv6.netmaskLength ${ipv6.netmaskLength} is not 44, 48, 52 or 56; a /64 per tier and zone needs at least a /56`,
    );
}
