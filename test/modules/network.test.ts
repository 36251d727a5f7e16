import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Testing } from 'cdktf';
import { TieredVpc, type TieredSubnetSpec } from '../../modules/network/tiered-vpc';
import { TransitGateway } from '../../modules/network/transit-gateway';
import { TransitGatewayAttachment } from '../../modules/network/transit-gateway-attachment';
import { ResourceShare } from '../../modules/sharing/resource-share';

const threeTiers: TieredSubnetSpec[] = [
  { tier: 'public', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.32.0/24' },
  { tier: 'app', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/20' },
  { tier: 'app', availabilityZone: 'eu-west-1b', cidrBlock: '10.0.16.0/20' },
  { tier: 'data', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.33.0/24' },
];

function resources(synthesized: string, type: string): Record<string, Record<string, unknown>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

describe('tiered VPC', () => {
  const synthesized = Testing.synthScope((scope) => {
    new TieredVpc(scope, 'vpc', { name: 'acme-dev-payments', cidrBlock: '10.0.0.0/16', subnets: threeTiers });
  });

  it('creates the VPC with DNS support and hostnames', () => {
    expect(synthesized).toHaveResourceWithProperties(Vpc, {
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it('creates one subnet per tier and AZ, named by tier and zone letter, with no public IPs on launch', () => {
    const ids = Object.keys(resources(synthesized, 'aws_subnet')).map((id) => id.replace(/_[0-9A-F]{8}$/, ''));
    expect(ids.sort()).toEqual(['vpc_app-a', 'vpc_app-b', 'vpc_data-a', 'vpc_public-a']);
    expect(synthesized).toHaveResourceWithProperties(Subnet, {
      cidr_block: '10.0.16.0/20',
      availability_zone: 'eu-west-1b',
      map_public_ip_on_launch: false,
      tags: { Name: 'acme-dev-payments-app-b', Tier: 'app' },
    });
  });

  it('locks down the default security group (no rules at all)', () => {
    expect(synthesized).toHaveResourceWithProperties(DefaultSecurityGroup, { ingress: [], egress: [] });
  });

  it('routes only the public tier to an internet gateway', () => {
    expect(synthesized).toHaveResource(InternetGateway);
    const routes = Object.values(resources(synthesized, 'aws_route'));
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({ destination_cidr_block: '0.0.0.0/0', route_table_id: expect.stringContaining('public-route-table') });
  });

  describe('without a public tier', () => {
    it('creates no internet gateway and no route to the internet', () => {
      const privateOnly = Testing.synthScope((scope) => {
        new TieredVpc(scope, 'vpc', {
          name: 'private',
          cidrBlock: '10.0.0.0/16',
          subnets: threeTiers.filter((spec) => spec.tier !== 'public'),
        });
      });
      expect(privateOnly).not.toHaveResource(InternetGateway);
      expect(resources(privateOnly, 'aws_route')).toEqual({});
    });
  });

  it('refuses a tier and AZ listed twice', () => {
    expect(() =>
      Testing.synthScope((scope) => {
        new TieredVpc(scope, 'vpc', { name: 'twice', cidrBlock: '10.0.0.0/16', subnets: [threeTiers[1], threeTiers[1]] });
      }),
    ).toThrow('TieredVpc twice: app-eu-west-1a is listed twice; give one subnet per tier and AZ');
  });
});

describe('transit gateway', () => {
  const synthesized = Testing.synthScope((scope) => {
    new TransitGateway(scope, 'tgw', { name: 'acme-prod', amazonSideAsn: 64514, segments: ['prod', 'shared'] });
  });

  it('turns default route-table association and propagation off, DNS support on', () => {
    expect(synthesized).toHaveResourceWithProperties(Ec2TransitGateway, {
      amazon_side_asn: 64514,
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
      dns_support: 'enable',
      auto_accept_shared_attachments: 'enable',
    });
  });

  it('creates one route table per segment', () => {
    expect(Object.keys(resources(synthesized, 'aws_ec2_transit_gateway_route_table'))).toHaveLength(2);
    expect(synthesized).toHaveResourceWithProperties(Ec2TransitGatewayRouteTable, {
      tags: { Name: 'acme-prod-shared', Segment: 'shared' },
    });
  });

  it('refuses no segments or repeated segments', () => {
    expect(() => Testing.synthScope((scope) => void new TransitGateway(scope, 'tgw', { name: 'x', segments: [] }))).toThrow(
      'give at least one segment',
    );
    expect(() => Testing.synthScope((scope) => void new TransitGateway(scope, 'tgw', { name: 'x', segments: ['a', 'a'] }))).toThrow(
      'segments must be unique',
    );
  });
});

describe('transit gateway attachment across two accounts', () => {
  const synthesized = Testing.synthScope((scope) => {
    const spoke = new AwsProvider(scope, 'spoke', { region: 'eu-west-1' });
    const network = new AwsProvider(scope, 'network', { region: 'eu-west-1', alias: 'network' });
    new TransitGatewayAttachment(scope, 'tgw', {
      name: 'payments',
      transitGatewayId: 'tgw-123',
      vpcId: 'vpc-123',
      subnetIds: ['subnet-a', 'subnet-b'],
      associatedRouteTableId: 'tgw-rtb-nonprod',
      propagatedRouteTableIds: { nonprod: 'tgw-rtb-nonprod', shared: 'tgw-rtb-shared' },
      vpcRouteTableIds: { app: 'rtb-app', data: 'rtb-data' },
      destinations: ['10.16.0.0/12'],
      vpcProvider: spoke,
      gatewayProvider: network,
    });
  });

  it('creates the attachment with the VPC account provider', () => {
    expect(synthesized).toHaveResourceWithProperties(Ec2TransitGatewayVpcAttachment, {
      subnet_ids: ['subnet-a', 'subnet-b'],
      provider: 'aws',
      dns_support: 'enable',
      appliance_mode_support: 'disable',
    });
  });

  it('associates and propagates with the gateway owner provider', () => {
    expect(synthesized).toHaveResourceWithProperties(Ec2TransitGatewayRouteTableAssociation, {
      transit_gateway_route_table_id: 'tgw-rtb-nonprod',
      provider: 'aws.network',
    });
    const propagations = Object.values(resources(synthesized, 'aws_ec2_transit_gateway_route_table_propagation'));
    expect(propagations.map((propagation) => propagation.transit_gateway_route_table_id).sort()).toEqual([
      'tgw-rtb-nonprod',
      'tgw-rtb-shared',
    ]);
    expect(propagations.every((propagation) => propagation.provider === 'aws.network')).toBe(true);
  });

  it('routes each private route table to the destinations, after the attachment exists', () => {
    expect(synthesized).toHaveResourceWithProperties(Route, {
      route_table_id: 'rtb-data',
      destination_cidr_block: '10.16.0.0/12',
      transit_gateway_id: 'tgw-123',
    });
    const routes = Object.values(resources(synthesized, 'aws_route'));
    expect(routes).toHaveLength(2);
    for (const route of routes) expect(route.depends_on).toEqual([expect.stringMatching(/^aws_ec2_transit_gateway_vpc_attachment\./)]);
  });
});

describe('resource share', () => {
  it('shares within the organization only, one principal association per account', () => {
    const synthesized = Testing.synthScope((scope) => {
      new ResourceShare(scope, 'share', {
        name: 'tgw',
        resourceArns: { tgw: 'arn:tgw' },
        principals: { a: '111111111111', b: '222222222222' },
      });
    });
    expect(synthesized).toHaveResourceWithProperties(RamResourceShare, { name: 'tgw', allow_external_principals: false });
    expect(synthesized).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: '222222222222' });
    expect(Object.keys(resources(synthesized, 'aws_ram_principal_association'))).toHaveLength(2);
  });
});
