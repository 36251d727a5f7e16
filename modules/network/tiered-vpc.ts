import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';

export type Tier = 'public' | 'app' | 'data';

export interface TieredSubnetSpec {
  readonly tier: Tier;
  readonly availabilityZone: string;
  /** CAUTION: changing it replaces the subnet. */
  readonly cidrBlock: string;
}

export interface TieredVpcProps {
  /** Name tag prefix of the VPC and everything in it. */
  readonly name: string;
  /** CAUTION: changing it replaces the VPC and everything in it. */
  readonly cidrBlock: string;
  /** One subnet per tier and AZ; a `public` tier gets an internet gateway. */
  readonly subnets: readonly TieredSubnetSpec[];
  /** @default true */
  readonly enableDnsHostnames?: boolean;
}

/**
 * A VPC with subnets per tier (public, app, data) and AZ, one route table per tier, and a default
 * security group with no rules. Only the public tier routes to the internet gateway; app and data
 * tiers get their routes from whatever attaches them (the Transit Gateway).
 * Construct IDs are `<tier>-<zone letter>`, so adding an AZ never renames another subnet.
 */
export class TieredVpc extends Construct {
  readonly vpc: Vpc;
  private readonly subnetsByTier = new Map<Tier, Subnet[]>();
  private readonly routeTablesByTier = new Map<Tier, RouteTable>();

  constructor(scope: Construct, id: string, props: TieredVpcProps) {
    super(scope, id);
    validate(props);
    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: props.enableDnsHostnames ?? true,
      tags: { Name: props.name },
    });
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${props.name}-default-deny-all` },
    });
    for (const spec of props.subnets) {
      const table = this.routeTableFor(props.name, spec.tier);
      const letter = spec.availabilityZone.slice(-1);
      const subnet = new Subnet(this, `${spec.tier}-${letter}`, {
        vpcId: this.vpc.id,
        cidrBlock: spec.cidrBlock,
        availabilityZone: spec.availabilityZone,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-${spec.tier}-${letter}`, Tier: spec.tier },
      });
      new RouteTableAssociation(this, `${spec.tier}-${letter}-routes`, { subnetId: subnet.id, routeTableId: table.id });
      this.subnetsByTier.set(spec.tier, [...(this.subnetsByTier.get(spec.tier) ?? []), subnet]);
    }
    const publicTable = this.routeTablesByTier.get('public');
    if (publicTable) {
      const gateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id, tags: { Name: props.name } });
      new Route(this, 'public-default-route', { routeTableId: publicTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: gateway.id });
    }
  }

  get vpcId(): string {
    return this.vpc.id;
  }

  get tiers(): Tier[] {
    return [...this.subnetsByTier.keys()];
  }

  subnetIds(tier: Tier): string[] {
    return (this.subnetsByTier.get(tier) ?? []).map((subnet) => subnet.id);
  }

  routeTableId(tier: Tier): string {
    const table = this.routeTablesByTier.get(tier);
    if (!table) throw new Error(`TieredVpc: this VPC has no ${tier} tier`);
    return table.id;
  }

  private routeTableFor(name: string, tier: Tier): RouteTable {
    let table = this.routeTablesByTier.get(tier);
    if (!table) {
      table = new RouteTable(this, `${tier}-route-table`, { vpcId: this.vpc.id, tags: { Name: `${name}-${tier}`, Tier: tier } });
      this.routeTablesByTier.set(tier, table);
    }
    return table;
  }
}

function validate(props: TieredVpcProps): void {
  if (props.subnets.length === 0) throw new Error(`TieredVpc ${props.name}: give at least one subnet`);
  const keys = props.subnets.map((spec) => `${spec.tier}-${spec.availabilityZone}`);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) throw new Error(`TieredVpc ${props.name}: ${repeated} is listed twice; give one subnet per tier and AZ`);
}
