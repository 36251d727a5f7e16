import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformProvider, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { TransitGatewayRouting, type TransitGatewayRoutingProps } from '../../modules/network/transit-gateway-routing';
import { segmentation } from './transit-gateway-routing.validate';

function synth(props: TransitGatewayRoutingProps, provider?: (scope: Construct) => TerraformProvider): string {
  return Testing.synthScope((scope) => {
    new TransitGatewayRouting(scope, 'routing', { ...props, provider: provider?.(scope) });
  });
}

function resources(synthesized: string, type: string): Record<string, Record<string, unknown>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

function withoutHash(id: string): string {
  return id.replace(/_[0-9A-F]{8}$/, '');
}

describe('transit gateway routing', () => {
  const synthesized = synth(segmentation);

  it('propagates each attachment into the listed segment tables, one resource per segment', () => {
    const propagations = Object.values(resources(synthesized, 'aws_ec2_transit_gateway_route_table_propagation'));
    expect(propagations.map((propagation) => propagation.transit_gateway_route_table_id).sort()).toEqual([
      'tgw-rtb-egress',
      'tgw-rtb-nonprod',
      'tgw-rtb-prod',
    ]);
    expect(synthesized).toHaveResourceWithProperties(Ec2TransitGatewayRouteTablePropagation, {
      transit_gateway_attachment_id: 'tgw-attach-shared',
      transit_gateway_route_table_id: 'tgw-rtb-prod',
    });
  });

  it('routes IPv4 and IPv6 defaults of a segment to the egress attachment', () => {
    for (const destination of ['0.0.0.0/0', '::/0']) {
      expect(synthesized).toHaveResourceWithProperties(Ec2TransitGatewayRoute, {
        transit_gateway_route_table_id: 'tgw-rtb-prod',
        destination_cidr_block: destination,
        transit_gateway_attachment_id: 'tgw-attach-egress',
      });
    }
  });

  it('blackholes the other segment’s range without a target attachment', () => {
    const blackholes = Object.values(resources(synthesized, 'aws_ec2_transit_gateway_route')).filter((route) => route.blackhole === true);
    expect(blackholes).toHaveLength(2);
    expect(blackholes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ transit_gateway_route_table_id: 'tgw-rtb-prod', destination_cidr_block: '10.16.0.0/12' }),
        expect.objectContaining({ transit_gateway_route_table_id: 'tgw-rtb-nonprod', destination_cidr_block: '10.32.0.0/12' }),
      ]),
    );
    for (const blackhole of blackholes) expect(blackhole).not.toHaveProperty('transit_gateway_attachment_id');
  });

  it('names every resource after its intent, never its position', () => {
    const ids = [
      ...Object.keys(resources(synthesized, 'aws_ec2_transit_gateway_route')),
      ...Object.keys(resources(synthesized, 'aws_ec2_transit_gateway_route_table_propagation')),
    ].map(withoutHash);
    expect(ids.sort()).toEqual([
      'routing_blackhole-nonprod-drops-prod',
      'routing_blackhole-prod-drops-nonprod',
      'routing_propagation-shared-egress',
      'routing_propagation-shared-nonprod',
      'routing_propagation-shared-prod',
      'routing_route-prod-default-ipv4',
      'routing_route-prod-default-ipv6',
    ]);
    const reordered = synth({
      ...segmentation,
      propagations: { shared: ['egress', 'nonprod', 'prod'] },
      blackholes: {
        'nonprod-drops-prod': segmentation.blackholes!['nonprod-drops-prod'],
        'prod-drops-nonprod': segmentation.blackholes!['prod-drops-nonprod'],
      },
    });
    expect(resources(reordered, 'aws_ec2_transit_gateway_route')).toEqual(resources(synthesized, 'aws_ec2_transit_gateway_route'));
    expect(resources(reordered, 'aws_ec2_transit_gateway_route_table_propagation')).toEqual(
      resources(synthesized, 'aws_ec2_transit_gateway_route_table_propagation'),
    );
  });

  describe('with the network account provider', () => {
    it('creates every route and propagation with it', () => {
      const withProvider = synth(segmentation, (scope) => new AwsProvider(scope, 'network', { region: 'eu-west-1', alias: 'network' }));
      const all = [
        ...Object.values(resources(withProvider, 'aws_ec2_transit_gateway_route')),
        ...Object.values(resources(withProvider, 'aws_ec2_transit_gateway_route_table_propagation')),
      ];
      expect(all).toHaveLength(7);
      for (const resource of all) expect(resource.provider).toBe('aws.network');
    });
  });

  describe('refuses inconsistent intents', () => {
    it('a route to a segment that has no route table', () => {
      expect(() =>
        synth({ ...segmentation, routes: { bad: { segment: 'staging', destinationCidrBlock: '0.0.0.0/0', attachment: 'egress' } } }),
      ).toThrow(
        'TransitGatewayRouting acme-prod: routes.bad.segment names segment staging, which is not in routeTableIds (prod, nonprod, shared, egress)',
      );
    });

    it('a route to an unknown attachment', () => {
      expect(() =>
        synth({ ...segmentation, routes: { bad: { segment: 'prod', destinationCidrBlock: '0.0.0.0/0', attachment: 'inspection' } } }),
      ).toThrow('routes.bad.attachment names attachment inspection, which is not in attachments (egress, shared); add it to attachments');
    });

    it('a propagation of an unknown attachment', () => {
      expect(() => synth({ ...segmentation, propagations: { payments: ['prod'] } })).toThrow(
        'propagations.payments names attachment payments, which is not in attachments',
      );
    });

    it('a destination that is not a network CIDR', () => {
      expect(() => synth({ ...segmentation, blackholes: { bad: { segment: 'prod', destinationCidrBlock: '10.16.0.1/12' } } })).toThrow(
        'blackholes.bad.destinationCidrBlock 10.16.0.1/12 is not a CIDR block with its host bits clear',
      );
    });

    it('a route and a blackhole for the same destination in one segment', () => {
      expect(() => synth({ ...segmentation, blackholes: { clash: { segment: 'prod', destinationCidrBlock: '0:0::/0' } } })).toThrow(
        'routes.prod-default-ipv6 and blackholes.clash both route 0:0::/0 in segment prod',
      );
    });
  });
});
