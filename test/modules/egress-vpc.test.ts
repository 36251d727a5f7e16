import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { EgressVpc, type EgressTransitRoutesProps, type EgressVpcProps } from '../../modules/network/egress-vpc';
import { referenceTo, resourceAt, resourcesOf, type Resource } from './synthesized';
import { props } from './egress-vpc.validate';

/** An egress VPC attached to a gateway, with its return routes; `routes` overrides the routing call. */
function build(scope: Construct, overrides: Partial<EgressVpcProps> = {}, routes: Partial<EgressTransitRoutesProps> = {}): EgressVpc {
  const egress = new EgressVpc(scope, 'egress', { ...props, ...overrides });
  const attachment = new Ec2TransitGatewayVpcAttachment(scope, 'attachment', {
    transitGatewayId: 'tgw-1',
    vpcId: egress.vpcId,
    subnetIds: egress.attachmentSubnetIds,
  });
  egress.routeToTransitGateway({ transitGatewayId: 'tgw-1', attachment, destinations: ['10.0.0.0/8'], ...routes });
  return egress;
}

function synth(overrides: Partial<EgressVpcProps> = {}, routes: Partial<EgressTransitRoutesProps> = {}): string {
  return Testing.synthScope((scope) => void build(scope, overrides, routes));
}

function routesOf(synthesized: string, table: string): Resource[] {
  const reference = `\${${referenceTo(synthesized, 'aws_route_table', table)}.id}`;
  return Object.values(resourcesOf(synthesized, 'aws_route')).filter((route) => route.route_table_id === reference);
}

const natId = (synthesized: string, letter: string) =>
  `\${${referenceTo(synthesized, 'aws_nat_gateway', `egress_nat-gateway-${letter}`)}.id}`;

describe('egress VPC', () => {
  const synthesized = synth();

  it('puts a NAT gateway with an Elastic IP in every zone’s public subnet by default', () => {
    expect(Object.keys(resourcesOf(synthesized, 'aws_nat_gateway')).sort()).toEqual(['egress_nat-gateway-a', 'egress_nat-gateway-b']);
    const eip = referenceTo(synthesized, 'aws_eip', 'egress_nat-b-eip');
    const subnet = referenceTo(synthesized, 'aws_subnet', 'egress_public-b');
    expect(resourceAt(synthesized, 'aws_nat_gateway', 'egress_nat-gateway-b')).toMatchObject({
      allocation_id: `\${${eip}.allocation_id}`,
      subnet_id: `\${${subnet}.id}`,
      connectivity_type: 'public',
    });
  });

  it('sends each attachment subnet’s 0.0.0.0/0 to the NAT gateway of its own zone', () => {
    for (const letter of ['a', 'b']) {
      expect(routesOf(synthesized, `egress_attachment-${letter}-route-table`)).toContainEqual(
        expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', nat_gateway_id: natId(synthesized, letter) }),
      );
    }
  });

  it('sends the public subnets’ 0.0.0.0/0 to the internet gateway', () => {
    const igw = referenceTo(synthesized, 'aws_internet_gateway', 'egress_internet-gateway');
    expect(routesOf(synthesized, 'egress_public-route-table')).toContainEqual(
      expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', gateway_id: `\${${igw}.id}` }),
    );
  });

  it('routes the spoke ranges back through the gateway from every route table, once the attachment exists', () => {
    const attachment = referenceTo(synthesized, 'aws_ec2_transit_gateway_vpc_attachment', 'attachment');
    for (const table of ['egress_public-route-table', 'egress_attachment-a-route-table', 'egress_attachment-b-route-table']) {
      expect(routesOf(synthesized, table)).toContainEqual({
        route_table_id: expect.any(String),
        destination_cidr_block: '10.0.0.0/8',
        transit_gateway_id: 'tgw-1',
        depends_on: [attachment],
      });
    }
  });

  it('exposes the attachment subnets in zone-letter order', () => {
    const attachments = JSON.parse(synthesized).resource.aws_ec2_transit_gateway_vpc_attachment;
    const [attachment] = Object.values<Resource>(attachments);
    expect(attachment.subnet_ids).toEqual([
      `\${${referenceTo(synthesized, 'aws_subnet', 'egress_attachment-a')}.id}`,
      `\${${referenceTo(synthesized, 'aws_subnet', 'egress_attachment-b')}.id}`,
    ]);
  });

  describe('with a single NAT gateway', () => {
    const single = synth({ natGateways: 'single' });

    it('creates one NAT gateway, in the zone whose letter comes first', () => {
      expect(Object.keys(resourcesOf(single, 'aws_nat_gateway'))).toEqual(['egress_nat-gateway-a']);
      expect(Object.keys(resourcesOf(single, 'aws_eip'))).toEqual(['egress_nat-a-eip']);
    });

    it('sends every zone’s attachment subnet to it', () => {
      expect(routesOf(single, 'egress_attachment-b-route-table')).toContainEqual(
        expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', nat_gateway_id: natId(single, 'a') }),
      );
    });
  });

  describe('with IPv6', () => {
    const dualStack = synth({ ipv6: {} }, { ipv6Destinations: { spokes: '2001:db8::/40' } });

    it('is dual-stack, a /64 per subnet by role and zone letter', () => {
      expect(dualStack).toHaveResourceWithProperties(Vpc, { assign_generated_ipv6_cidr_block: true });
      expect(resourceAt(dualStack, 'aws_subnet', 'egress_attachment-b').ipv6_cidr_block).toMatch(/, 8, 17\)\}$/);
      expect(resourceAt(dualStack, 'aws_subnet', 'egress_public-a').ipv6_cidr_block).toMatch(/, 8, 0\)\}$/);
    });

    it('sends 64:ff9b::/96 from the attachment subnets to the NAT gateway (NAT64)', () => {
      expect(routesOf(dualStack, 'egress_attachment-b-route-table')).toContainEqual(
        expect.objectContaining({ destination_ipv6_cidr_block: '64:ff9b::/96', nat_gateway_id: natId(dualStack, 'b') }),
      );
    });

    it('routes the spokes’ IPv6 ranges back through the gateway', () => {
      expect(routesOf(dualStack, 'egress_public-route-table')).toContainEqual(
        expect.objectContaining({ destination_ipv6_cidr_block: '2001:db8::/40', transit_gateway_id: 'tgw-1' }),
      );
    });

    it('sends no ::/0 from the attachment subnets (spokes use their own egress-only gateways)', () => {
      expect(
        routesOf(dualStack, 'egress_attachment-a-route-table').filter((route) => route.destination_ipv6_cidr_block === '::/0'),
      ).toEqual([]);
    });
  });

  describe('with IPv6 disabled', () => {
    it('creates no NAT64 route', () => {
      expect(Object.values(resourcesOf(synthesized, 'aws_route')).filter((route) => route.destination_ipv6_cidr_block)).toEqual([]);
    });
  });

  describe('refuses', () => {
    it('two entries for one zone', () => {
      expect(() => synth({ zones: [props.zones[0], props.zones[0]] })).toThrow(
        'EgressVpc acme-prod-egress: two zones end in the letter b; give one entry per availability zone',
      );
    });

    it('a destination that is not a literal IPv4 CIDR', () => {
      expect(() => synth({}, { destinations: ['2001:db8::/40'] })).toThrow('put IPv6 ranges in ipv6Destinations');
    });

    it('routing to the gateway twice', () => {
      expect(() =>
        Testing.synthScope((scope) => {
          const egress = build(scope);
          egress.routeToTransitGateway({ transitGatewayId: 'tgw-1', attachment: egress.vpc, destinations: ['10.1.0.0/16'] });
        }),
      ).toThrow('routeToTransitGateway was already called; call it once with every destination');
    });
  });
});
