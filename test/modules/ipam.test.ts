import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { VpcIpam } from '@cdktf/provider-aws/lib/vpc-ipam';
import { VpcIpamPool } from '@cdktf/provider-aws/lib/vpc-ipam-pool';
import { VpcIpamPoolCidr } from '@cdktf/provider-aws/lib/vpc-ipam-pool-cidr';
import { TerraformOutput, Testing } from 'cdktf';
import { Ipam, type IpamProps } from '../../modules/network/ipam';
import { props } from './ipam.validate';

function synth(overrides: Partial<IpamProps> = {}): string {
  return Testing.synthScope((scope) => {
    new Ipam(scope, 'ipam', { ...props, ...overrides });
  });
}

function resources(synthesized: string, type: string): Record<string, Record<string, any>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

function withoutHash(id: string): string {
  return id.replace(/_[0-9A-F]{8}$/, '');
}

describe('IPAM', () => {
  const synthesized = synth();

  it('operates in the home region and every pool region', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcIpam, {
      tier: 'advanced',
      operating_regions: [{ region_name: 'eu-west-1' }, { region_name: 'us-east-1' }],
    });
  });

  it('provisions the top-level IPv4 pool in the private scope', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcIpamPool, {
      address_family: 'ipv4',
      ipam_scope_id: expect.stringMatching(/\.private_default_scope_id\}$/),
      tags: { Name: 'acme-ipv4' },
    });
    expect(synthesized).toHaveResourceWithProperties(VpcIpamPoolCidr, { cidr: '10.0.0.0/8' });
  });

  describe('regional IPv4 pools', () => {
    it('carve each region’s pool from the top-level pool, with its locale and netmask bounds', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcIpamPool, {
        locale: 'us-east-1',
        source_ipam_pool_id: expect.stringMatching(/^\$\{aws_vpc_ipam_pool\.ipam_ipv4_[0-9A-F]{8}\.id\}$/),
        allocation_min_netmask_length: 18,
        allocation_max_netmask_length: 24,
        auto_import: false,
      });
    });

    it('default the bounds to VPC sizes within the region’s largest block', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcIpamPool, {
        locale: 'eu-west-1',
        address_family: 'ipv4',
        allocation_min_netmask_length: 16,
        allocation_max_netmask_length: 28,
        allocation_default_netmask_length: 20,
      });
    });

    it('provision each regional block after the top-level block exists', () => {
      const regional = Object.entries(resources(synthesized, 'aws_vpc_ipam_pool_cidr'))
        .filter(([id]) => /^ipam_ipv4-[a-z0-9-]+-cidr-/.test(id))
        .map(([, cidr]) => cidr);
      expect(regional.map((cidr) => cidr.cidr).sort()).toEqual(['10.0.0.0/12', '10.16.0.0/14', '10.64.0.0/12']);
      for (const cidr of regional)
        expect(cidr.depends_on).toEqual([expect.stringMatching(/^aws_vpc_ipam_pool_cidr\.ipam_ipv4-cidr-10-0-0-0_8_/)]);
    });
  });

  it('adds an Amazon-provided IPv6 pool per region in the public scope, handing out /56 blocks', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcIpamPool, {
      address_family: 'ipv6',
      ipam_scope_id: expect.stringMatching(/\.public_default_scope_id\}$/),
      locale: 'us-east-1',
      aws_service: 'ec2',
      public_ip_source: 'amazon',
      allocation_default_netmask_length: 56,
    });
    expect(synthesized).toHaveResourceWithProperties(VpcIpamPoolCidr, { netmask_length: 52 });
  });

  it('names pools and blocks after regions and CIDRs, never positions', () => {
    const ids = [
      ...Object.keys(resources(synthesized, 'aws_vpc_ipam_pool')),
      ...Object.keys(resources(synthesized, 'aws_vpc_ipam_pool_cidr')),
    ].map(withoutHash);
    expect(ids.sort()).toEqual([
      'ipam_ipv4',
      'ipam_ipv4-cidr-10-0-0-0_8',
      'ipam_ipv4-eu-west-1',
      'ipam_ipv4-eu-west-1-cidr-10-0-0-0_12',
      'ipam_ipv4-eu-west-1-cidr-10-64-0-0_12',
      'ipam_ipv4-us-east-1',
      'ipam_ipv4-us-east-1-cidr-10-16-0-0_14',
      'ipam_ipv6-eu-west-1',
      'ipam_ipv6-eu-west-1-cidr',
      'ipam_ipv6-us-east-1',
      'ipam_ipv6-us-east-1-cidr',
    ]);
  });

  it('shares every regional pool through RAM', () => {
    expect(synthesized).toHaveResourceWithProperties(RamResourceShare, { name: 'acme-ipam-pools', allow_external_principals: false });
    expect(ids(resources(synthesized, 'aws_ram_resource_association'))).toEqual([
      'ipam_share_resource-ipv4-eu-west-1',
      'ipam_share_resource-ipv4-us-east-1',
      'ipam_share_resource-ipv6-eu-west-1',
      'ipam_share_resource-ipv6-us-east-1',
    ]);
  });

  describe('without IPv6 or principals', () => {
    it('creates no IPv6 pool and no share', () => {
      const plain = synth({ ipv6: false, principals: {} });
      expect(Object.values(resources(plain, 'aws_vpc_ipam_pool')).filter((pool) => pool.address_family === 'ipv6')).toEqual([]);
      expect(plain).not.toHaveResource(RamResourceShare);
    });
  });

  describe('with the network account provider', () => {
    it('creates every resource, the share included, with it', () => {
      const withProvider = Testing.synthScope((scope) => {
        const network = new AwsProvider(scope, 'network', { region: 'eu-west-1', alias: 'network' });
        new Ipam(scope, 'ipam', { ...props, provider: network });
      });
      const all = Object.values(JSON.parse(withProvider).resource as Record<string, Record<string, { provider?: string }>>).flatMap(
        (byId) => Object.values(byId),
      );
      expect(all.length).toBeGreaterThan(10);
      expect(all.filter((resource) => resource.provider !== 'aws.network')).toEqual([]);
    });
  });

  it('exposes pool ids per region for IPv4 and IPv6', () => {
    const outputs = JSON.parse(
      Testing.synthScope((scope) => {
        const ipam = new Ipam(scope, 'ipam', props);
        new TerraformOutput(scope, 'ipv4', { value: ipam.ipv4PoolIds });
        new TerraformOutput(scope, 'ipv6', { value: ipam.ipv6PoolIds });
      }),
    ).output;
    expect(Object.keys(outputs.ipv4.value)).toEqual(['eu-west-1', 'us-east-1']);
    expect(outputs.ipv6.value['us-east-1']).toMatch(/^\$\{aws_vpc_ipam_pool\.ipam_ipv6-us-east-1_[0-9A-F]{8}\.id\}$/);
  });

  describe('refuses', () => {
    it('an allocation netmask that does not fit its pool', () => {
      expect(() => synth({ regions: { 'eu-west-1': { cidrs: ['10.0.0.0/20'], allocationMinNetmaskLength: 18 } } })).toThrow(
        "Ipam acme: regions.eu-west-1.allocationMinNetmaskLength /18 does not fit the region's largest block /20; use /20 or more",
      );
    });

    it('a default netmask outside the bounds', () => {
      expect(() => synth({ regions: { 'eu-west-1': { cidrs: ['10.0.0.0/12'], allocationDefaultNetmaskLength: 14 } } })).toThrow(
        'regions.eu-west-1.allocationDefaultNetmaskLength /14 is outside /16–/28; pick a netmask between them',
      );
    });

    it('bounds that are not VPC sizes', () => {
      expect(() => synth({ regions: { 'eu-west-1': { cidrs: ['10.0.0.0/12'], allocationMaxNetmaskLength: 30 } } })).toThrow(
        'regions.eu-west-1 allocation netmasks /16–/30 must satisfy 16 ≤ min ≤ max ≤ 28 (VPC sizes)',
      );
    });

    it('a regional block outside the top-level pool', () => {
      expect(() => synth({ regions: { 'eu-west-1': { cidrs: ['172.16.0.0/12'] } } })).toThrow(
        'regions.eu-west-1.cidrs entry 172.16.0.0/12 is not inside ipv4Cidrs (10.0.0.0/8); carve it from the top-level pool',
      );
    });

    it('regional blocks that overlap', () => {
      expect(() => synth({ regions: { 'eu-west-1': { cidrs: ['10.0.0.0/12'] }, 'us-east-1': { cidrs: ['10.8.0.0/14'] } } })).toThrow(
        'regions.eu-west-1.cidrs entry 10.0.0.0/12 overlaps regions.us-east-1.cidrs entry 10.8.0.0/14; give each pool its own block',
      );
    });

    it('a block with host bits set', () => {
      expect(() => synth({ ipv4Cidrs: ['10.0.0.1/8'] })).toThrow(
        'ipv4Cidrs entry 10.0.0.1/8 is not an IPv4 CIDR block with its host bits clear',
      );
    });

    it('an IPv6 netmask too small for a VPC block', () => {
      expect(() => synth({ ipv6NetmaskLength: 60 })).toThrow('ipv6NetmaskLength /60 cannot hold a /56 VPC block; use /52 or less');
    });
  });
});

function ids(byId: Record<string, unknown>): string[] {
  return Object.keys(byId).map(withoutHash).sort();
}
