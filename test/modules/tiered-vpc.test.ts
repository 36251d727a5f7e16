import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformOutput, Testing } from 'cdktf';
import { TieredVpc, type TieredVpcProps } from '../../modules/network/tiered-vpc';
import { referenceTo, resourceAt, resourcesOf } from './synthesized';
import { base, subnets } from './tiered-vpc.validate';

function synth(props: Partial<TieredVpcProps>): string {
  return Testing.synthScope((scope) => void new TieredVpc(scope, 'vpc', { ...base, ...props }));
}

/** Routes of a route table, by the construct path of the table. */
function routesOf(synthesized: string, table: string): Record<string, unknown>[] {
  const reference = referenceTo(synthesized, 'aws_route_table', table);
  return Object.values(resourcesOf(synthesized, 'aws_route')).filter((route) => route.route_table_id === `\${${reference}.id}`);
}

describe('tiered VPC', () => {
  describe('with IPv6 disabled', () => {
    const synthesized = synth({});

    it('creates no egress-only gateway', () => {
      expect(synthesized).not.toHaveResource(EgressOnlyInternetGateway);
    });

    it('gives the VPC and its subnets no IPv6 block', () => {
      expect(resourceAt(synthesized, 'aws_vpc', 'vpc').assign_generated_ipv6_cidr_block).toBeUndefined();
      for (const subnet of Object.values(resourcesOf(synthesized, 'aws_subnet'))) expect(subnet.ipv6_cidr_block).toBeUndefined();
      expect(Object.values(resourcesOf(synthesized, 'aws_route')).map((route) => route.destination_ipv6_cidr_block)).toEqual([undefined]);
    });
  });

  describe('with IPv6 from an Amazon-provided block', () => {
    const synthesized = synth({ ipv6: {} });
    const vpc = () => referenceTo(synthesized, 'aws_vpc', 'vpc');

    it('asks for a generated /56', () => {
      expect(synthesized).toHaveResourceWithProperties(Vpc, { assign_generated_ipv6_cidr_block: true });
    });

    it('gives each subnet a /64 at tier offset × 16 + zone letter, with IPv6 addresses on creation', () => {
      const expected = { 'public-a': 0, 'public-b': 1, 'app-a': 16, 'app-b': 17, 'data-a': 32, 'data-b': 33 };
      for (const [subnet, index] of Object.entries(expected)) {
        expect(resourceAt(synthesized, 'aws_subnet', `vpc_${subnet}`)).toMatchObject({
          ipv6_cidr_block: `\${cidrsubnet(${vpc()}.ipv6_cidr_block, 8, ${index})}`,
          assign_ipv6_address_on_creation: true,
          enable_dns64: false,
        });
      }
    });

    it('keeps every /64 when zones are reordered or one is removed', () => {
      const reordered = synth({ ipv6: {}, subnets: [...subnets].reverse().filter((spec) => spec.availabilityZone !== 'eu-west-1a') });
      expect(resourceAt(reordered, 'aws_subnet', 'vpc_app-b').ipv6_cidr_block).toEqual(
        resourceAt(synthesized, 'aws_subnet', 'vpc_app-b').ipv6_cidr_block,
      );
    });

    it('routes the public tier ::/0 to the internet gateway and the app tier ::/0 to the egress-only gateway', () => {
      const igw = referenceTo(synthesized, 'aws_internet_gateway', 'vpc_internet-gateway');
      const eigw = referenceTo(synthesized, 'aws_egress_only_internet_gateway', 'vpc_egress-only-internet-gateway');
      expect(routesOf(synthesized, 'vpc_public-route-table')).toContainEqual(
        expect.objectContaining({ destination_ipv6_cidr_block: '::/0', gateway_id: `\${${igw}.id}` }),
      );
      expect(routesOf(synthesized, 'vpc_app-route-table')).toEqual([
        expect.objectContaining({ destination_ipv6_cidr_block: '::/0', egress_only_gateway_id: `\${${eigw}.id}` }),
      ]);
    });

    it('gives the data tier no route to the internet, IPv4 or IPv6', () => {
      expect(routesOf(synthesized, 'vpc_data-route-table')).toEqual([]);
    });

    it('exposes the IPv6 block and each tier’s /60', () => {
      const outputs = Testing.synthScope((scope) => {
        const tiered = new TieredVpc(scope, 'vpc', { ...base, ipv6: {} });
        new TerraformOutput(scope, 'block', { value: tiered.ipv6CidrBlock });
        new TerraformOutput(scope, 'app', { value: tiered.tierIpv6CidrBlock('app') });
      });
      const output = JSON.parse(outputs).output;
      expect(output.block.value).toBe(`\${${vpc()}.ipv6_cidr_block}`);
      expect(output.app.value).toBe(`\${cidrsubnet(${vpc()}.ipv6_cidr_block, 4, 1)}`);
    });
  });

  describe('with egress-only internet gateway tiers', () => {
    it('creates no egress-only gateway when none are listed', () => {
      expect(synth({ ipv6: { egressOnlyInternetGatewayTiers: [] } })).not.toHaveResource(EgressOnlyInternetGateway);
    });

    it('refuses the data tier, which never routes to the internet', () => {
      expect(() => synth({ ipv6: { egressOnlyInternetGatewayTiers: ['app', 'data'] } })).toThrow(
        'TieredVpc acme-dev-payments: the data tier must never route to the internet; remove data from ipv6.egressOnlyInternetGatewayTiers',
      );
    });

    it('refuses the public tier, which uses the internet gateway', () => {
      expect(() => synth({ ipv6: { egressOnlyInternetGatewayTiers: ['public'] } })).toThrow(
        'remove public from ipv6.egressOnlyInternetGatewayTiers',
      );
    });
  });

  describe('with DNS64 and an IPv6-only tier', () => {
    const dataIpv6Only = subnets.map((spec) =>
      spec.tier === 'data' ? { tier: spec.tier, availabilityZone: spec.availabilityZone } : spec,
    );
    const synthesized = synth({ subnets: dataIpv6Only, ipv6: { dns64Tiers: ['app', 'data'], ipv6OnlyTiers: ['data'] } });

    it('turns DNS64 on only in the listed tiers', () => {
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc_app-a').enable_dns64).toBe(true);
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc_public-a').enable_dns64).toBe(false);
    });

    it('creates IPv6-native subnets with no IPv4 block and resource-name hostnames', () => {
      const data = resourceAt(synthesized, 'aws_subnet', 'vpc_data-b');
      expect(data).toMatchObject({
        ipv6_native: true,
        assign_ipv6_address_on_creation: true,
        private_dns_hostname_type_on_launch: 'resource-name',
        enable_resource_name_dns_aaaa_record_on_launch: true,
        enable_resource_name_dns_a_record_on_launch: false,
      });
      expect(data.cidr_block).toBeUndefined();
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc_app-b').ipv6_native).toBeUndefined();
    });

    it('refuses an IPv4 block in an IPv6-only tier', () => {
      expect(() => synth({ ipv6: { ipv6OnlyTiers: ['data'] } })).toThrow(
        'TieredVpc acme-dev-payments: subnet data-eu-west-1a is in an IPv6-only tier (ipv6.ipv6OnlyTiers); remove its cidrBlock, newBits and netNum',
      );
    });

    it('refuses a subnet without an IPv4 block when its tier is not IPv6-only', () => {
      expect(() => synth({ subnets: dataIpv6Only })).toThrow(
        'subnet data-eu-west-1a needs a cidrBlock (and no newBits or netNum); for a subnet without IPv4, set ipv6 and list data in ipv6.ipv6OnlyTiers',
      );
    });
  });

  describe('with an IPAM IPv6 pool', () => {
    it('takes a block of the netmask length and carves /64s with the matching new bits', () => {
      const synthesized = synth({ ipv6: { ipamPoolId: 'ipam-pool-6', netmaskLength: 52 } });
      expect(synthesized).toHaveResourceWithProperties(Vpc, { ipv6_ipam_pool_id: 'ipam-pool-6', ipv6_netmask_length: 52 });
      expect(resourceAt(synthesized, 'aws_vpc', 'vpc').assign_generated_ipv6_cidr_block).toBeUndefined();
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc_data-b').ipv6_cidr_block).toMatch(/ipv6_cidr_block, 12, 33\)\}$/);
    });

    it('refuses a block too small for a /64 per tier and zone', () => {
      expect(() => synth({ ipv6: { ipamPoolId: 'ipam-pool-6', netmaskLength: 60 } })).toThrow(
        'ipv6.netmaskLength 60 is not 44, 48, 52 or 56; a /64 per tier and zone needs at least a /56',
      );
    });

    it('refuses a netmask length without a pool', () => {
      expect(() => synth({ ipv6: { netmaskLength: 56 } })).toThrow('ipv6.netmaskLength only applies with ipv6.ipamPoolId');
    });
  });

  describe('with an IPAM IPv4 pool', () => {
    const positioned = subnets.map((spec, netNum) => ({ tier: spec.tier, availabilityZone: spec.availabilityZone, newBits: 4, netNum }));

    it('takes the VPC block from the pool and places subnets by newBits and netNum', () => {
      const synthesized = synth({ cidrBlock: undefined, ipv4IpamPoolId: 'ipam-pool-4', ipv4NetmaskLength: 20, subnets: positioned });
      expect(synthesized).toHaveResourceWithProperties(Vpc, { ipv4_ipam_pool_id: 'ipam-pool-4', ipv4_netmask_length: 20 });
      const vpc = referenceTo(synthesized, 'aws_vpc', 'vpc');
      expect(resourceAt(synthesized, 'aws_subnet', 'vpc_app-b').cidr_block).toBe(`\${cidrsubnet(${vpc}.cidr_block, 4, 3)}`);
    });

    it('refuses both a CIDR and a pool', () => {
      expect(() => synth({ ipv4IpamPoolId: 'ipam-pool-4', ipv4NetmaskLength: 20 })).toThrow(
        'give exactly one of cidrBlock and ipv4IpamPoolId',
      );
    });

    it('refuses subnets given as CIDRs when the block comes from the pool', () => {
      expect(() => synth({ cidrBlock: undefined, ipv4IpamPoolId: 'ipam-pool-4', ipv4NetmaskLength: 20 })).toThrow(
        'the VPC block comes from ipv4IpamPoolId, so give newBits and netNum instead of cidrBlock',
      );
    });
  });
});
