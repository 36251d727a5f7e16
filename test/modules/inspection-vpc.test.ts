import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Route } from '@cdktf/provider-aws/lib/route';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { InspectionFirewall } from '../../modules/network/inspection-firewall';
import { InspectionVpc, type InspectionVpcProps } from '../../modules/network/inspection-vpc';
import { TieredVpc } from '../../modules/network/tiered-vpc';
import { referenceTo, resourceAt, resourcesOf, type Resource } from './synthesized';
import { movedFrom, props, zones } from './inspection-vpc.validate';

/** An inspection VPC attached to a gateway (appliance mode) and routed back to it. */
function build(scope: Construct, overrides: Partial<InspectionVpcProps> = {}): InspectionVpc {
  const inspection = new InspectionVpc(scope, 'vpc-inspection', { ...props, ...overrides });
  const attachment = new Ec2TransitGatewayVpcAttachment(scope, 'attachment', {
    transitGatewayId: 'tgw-1',
    vpcId: inspection.vpcId,
    subnetIds: inspection.attachmentSubnetIds,
    applianceModeSupport: 'enable',
  });
  inspection.routeToTransitGateway({ transitGatewayId: 'tgw-1', attachment });
  return inspection;
}

function synth(overrides: Partial<InspectionVpcProps> = {}): string {
  return Testing.synthScope((scope) => void build(scope, overrides));
}

function routesOf(synthesized: string, table: string): Resource[] {
  const reference = `\${${referenceTo(synthesized, 'aws_route_table', table)}.id}`;
  return Object.values(resourcesOf(synthesized, 'aws_route')).filter((route) => route.route_table_id === reference);
}

/** `type.name` of every resource, hashes included: the Terraform addresses. */
function addresses(synthesized: string): string[] {
  const byType: Record<string, Record<string, unknown>> = JSON.parse(synthesized).resource ?? {};
  return Object.entries(byType)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();
}

/** The layout stacks/hub-vpcs.ts built before InspectionVpc: a TieredVpc, a firewall and two routes beside it. */
function synthTieredLayout(): string {
  return Testing.synthScope((scope) => {
    const vpc = new TieredVpc(scope, 'vpc-inspection', {
      name: props.name,
      cidrBlock: props.cidrBlock,
      subnets: zones.flatMap((zone) => [
        { tier: 'app' as const, availabilityZone: zone.availabilityZone, cidrBlock: zone.attachmentCidrBlock },
        { tier: 'data' as const, availabilityZone: zone.availabilityZone, cidrBlock: zone.firewallCidrBlock },
      ]),
    });
    const firewall = new InspectionFirewall(scope, 'firewall-inspection', {
      name: props.name,
      region: props.region,
      vpcId: vpc.vpcId,
      firewallSubnetIds: Object.fromEntries(zones.map((zone, index) => [zone.availabilityZone, vpc.subnetIds('data')[index]])),
      homeNetCidrs: props.homeNetCidrs,
    });
    new Route(scope, 'inspection-inspection-to-firewall', {
      routeTableId: vpc.routeTableId('app'),
      destinationCidrBlock: '0.0.0.0/0',
      vpcEndpointId: firewall.endpointId(zones[0].availabilityZone),
    });
    new Route(scope, 'inspection-inspection-to-transit-gateway', {
      routeTableId: vpc.routeTableId('data'),
      destinationCidrBlock: '0.0.0.0/0',
      transitGatewayId: 'tgw-1',
    });
  });
}

/** The firewall's endpoint in one zone, looked up by zone name in its sync states. */
const endpointOf = (zone: string) =>
  expect.stringMatching(new RegExp(`aws_networkfirewall_firewall\\.[^ ]+\\.firewall_status.*\\["${zone}"\\]}$`));

describe('inspection VPC', () => {
  describe('with three zones', () => {
    const synthesized = synth();

    it('sends each zone’s attachment traffic to the firewall endpoint of the same zone', () => {
      for (const letter of ['a', 'b', 'c']) {
        const routes = routesOf(synthesized, `vpc-inspection_app-${letter}-route-table`);
        expect(routes).toEqual([
          expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', vpc_endpoint_id: endpointOf(`eu-west-1${letter}`) }),
        ]);
      }
    });

    it('associates each attachment subnet with its own zone’s route table', () => {
      for (const letter of ['a', 'b', 'c']) {
        expect(resourceAt(synthesized, 'aws_route_table_association', `vpc-inspection_app-${letter}-routes`)).toMatchObject({
          subnet_id: `\${${referenceTo(synthesized, 'aws_subnet', `vpc-inspection_app-${letter}`)}.id}`,
          route_table_id: `\${${referenceTo(synthesized, 'aws_route_table', `vpc-inspection_app-${letter}-route-table`)}.id}`,
        });
      }
    });

    it('routes the firewall subnets back to the Transit Gateway once the attachment exists', () => {
      const attachment = referenceTo(synthesized, 'aws_ec2_transit_gateway_vpc_attachment', 'attachment');
      expect(routesOf(synthesized, 'vpc-inspection_data-route-table')).toEqual([
        expect.objectContaining({ destination_cidr_block: '0.0.0.0/0', transit_gateway_id: 'tgw-1', depends_on: [attachment] }),
      ]);
      for (const letter of ['a', 'b', 'c']) {
        const table = `\${${referenceTo(synthesized, 'aws_route_table', 'vpc-inspection_data-route-table')}.id}`;
        expect(resourceAt(synthesized, 'aws_route_table_association', `vpc-inspection_data-${letter}-routes`).route_table_id).toBe(table);
      }
    });

    it('puts one firewall endpoint in each zone’s firewall subnet', () => {
      const firewall = resourceAt(synthesized, 'aws_networkfirewall_firewall', 'vpc-inspection_firewall');
      const subnets = ['a', 'b', 'c'].map((letter) => `\${${referenceTo(synthesized, 'aws_subnet', `vpc-inspection_data-${letter}`)}.id}`);
      expect(firewall.subnet_mapping.map((mapping: Resource) => mapping.subnet_id).sort()).toEqual(subnets.sort());
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc-inspection_data-b')).toMatchObject({
        availability_zone: 'eu-west-1b',
        cidr_block: '10.254.0.80/28',
      });
    });

    it('empties the default security group', () => {
      expect(resourceAt(synthesized, 'aws_default_security_group', 'vpc-inspection_default-security-group')).toMatchObject({
        ingress: [],
        egress: [],
      });
    });

    it('has addresses named by zone letter and role only', () => {
      const paths = (type: string) => Object.keys(resourcesOf(synthesized, type)).sort();
      expect(paths('aws_subnet')).toEqual(['a', 'b', 'c'].flatMap((l) => [`vpc-inspection_app-${l}`, `vpc-inspection_data-${l}`]).sort());
      expect(paths('aws_route_table')).toEqual([
        'vpc-inspection_app-a-route-table',
        'vpc-inspection_app-b-route-table',
        'vpc-inspection_app-c-route-table',
        'vpc-inspection_data-route-table',
      ]);
      expect(paths('aws_route')).toEqual([
        'vpc-inspection_app-a-to-firewall',
        'vpc-inspection_app-b-to-firewall',
        'vpc-inspection_app-c-to-firewall',
        'vpc-inspection_data-to-transit-gateway',
      ]);
      expect(JSON.parse(synthesized).moved).toBeUndefined();
    });
  });

  describe('with IPv6', () => {
    const synthesized = synth({ ipv6: {} });

    it('sends ::/0 from each attachment subnet to its zone’s endpoint, and back to the Transit Gateway', () => {
      expect(routesOf(synthesized, 'vpc-inspection_app-c-route-table')).toContainEqual(
        expect.objectContaining({ destination_ipv6_cidr_block: '::/0', vpc_endpoint_id: endpointOf('eu-west-1c') }),
      );
      expect(routesOf(synthesized, 'vpc-inspection_data-route-table')).toContainEqual(
        expect.objectContaining({ destination_ipv6_cidr_block: '::/0', transit_gateway_id: 'tgw-1' }),
      );
    });

    it('gives dual-stack endpoints and each subnet the /64 of its tiered position (app 1, data 2)', () => {
      const firewall = resourceAt(synthesized, 'aws_networkfirewall_firewall', 'vpc-inspection_firewall');
      expect(firewall.subnet_mapping.every((mapping: Resource) => mapping.ip_address_type === 'DUALSTACK')).toBe(true);
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc-inspection_app-b').ipv6_cidr_block).toMatch(/, 8, 17\)}$/);
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc-inspection_data-c').ipv6_cidr_block).toMatch(/, 8, 34\)}$/);
    });
  });

  describe('moved from the tiered layout', () => {
    const before = synthTieredLayout();
    const after = synth({ movedFrom });
    const moved: { from: string; to: string }[] = JSON.parse(after).moved ?? [];

    it('moves or keeps every resource of the old layout, so none is replaced', () => {
      const kept = new Set([...addresses(after), ...moved.map((move) => move.from)]);
      expect(addresses(before).filter((address) => !kept.has(address))).toEqual([]);
    });

    it('moves only from old addresses to new ones of the same type', () => {
      const old = new Set(addresses(before));
      const current = new Set(addresses(after));
      for (const move of moved) {
        expect(old.has(move.from)).toBe(true);
        expect(current.has(move.to)).toBe(true);
        expect(move.from.split('.')[0]).toBe(move.to.split('.')[0]);
      }
    });

    it('moves the firewall in whole, the shared attachment table and route to zone a, and the route to the gateway', () => {
      const to = moved.map((move) => move.to.replace(/_[0-9A-F]{8}$/, '')).sort();
      expect(to).toEqual([
        'aws_cloudwatch_log_group.vpc-inspection_firewall_alert-logs',
        'aws_cloudwatch_log_group.vpc-inspection_firewall_flow-logs',
        'aws_networkfirewall_firewall.vpc-inspection_firewall',
        'aws_networkfirewall_firewall_policy.vpc-inspection_firewall_policy',
        'aws_networkfirewall_logging_configuration.vpc-inspection_firewall_logging',
        'aws_networkfirewall_rule_group.vpc-inspection_firewall_baseline-rule-group',
        'aws_route.vpc-inspection_app-a-to-firewall',
        'aws_route.vpc-inspection_data-to-transit-gateway',
        'aws_route_table.vpc-inspection_app-a-route-table',
      ]);
    });
  });

  describe('refuses', () => {
    it('two zones with the same letter', () => {
      expect(() => synth({ zones: [zones[0], { ...zones[1], availabilityZone: 'eu-west-2b' }] })).toThrow(
        'InspectionVpc acme-prod-inspection: two zones end in the letter b; give one entry per availability zone',
      );
    });

    it('a zone that uses one block for both subnets', () => {
      expect(() => synth({ zones: [{ ...zones[0], firewallCidrBlock: zones[0].attachmentCidrBlock }] })).toThrow(
        'zone eu-west-1b uses 10.254.0.16/28 for both subnets; give each its own block',
      );
    });

    it('no zones', () => {
      expect(() => synth({ zones: [] })).toThrow('InspectionVpc acme-prod-inspection: give at least one zone');
    });

    it('a second call of routeToTransitGateway', () => {
      expect(() =>
        Testing.synthScope((scope) => {
          const inspection = build(scope);
          inspection.routeToTransitGateway({ transitGatewayId: 'tgw-1', attachment: inspection.vpc });
        }),
      ).toThrow('routeToTransitGateway was already called');
    });
  });
});
