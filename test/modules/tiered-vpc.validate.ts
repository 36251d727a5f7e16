import { TieredVpc, type TieredSubnetSpec, type TieredVpcProps } from '../../modules/network/tiered-vpc';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of tiered-vpc.test.ts, with the fixtures the two share. */

export const subnets: TieredSubnetSpec[] = [
  { tier: 'public', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.32.0/24' },
  { tier: 'public', availabilityZone: 'eu-west-1b', cidrBlock: '10.0.33.0/24' },
  { tier: 'app', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/20' },
  { tier: 'app', availabilityZone: 'eu-west-1b', cidrBlock: '10.0.16.0/20' },
  { tier: 'data', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.34.0/24' },
  { tier: 'data', availabilityZone: 'eu-west-1b', cidrBlock: '10.0.35.0/24' },
];

export const base: TieredVpcProps = { name: 'acme-dev-payments', cidrBlock: '10.0.0.0/16', subnets };

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const tieredVpcCase: ValidateCase = {
  name: 'tiered-vpc',
  title: 'tiered VPC: accepts dual-stack with an IPv6-only data tier, and IPv4 and IPv6 from IPAM pools',
  build: (stack) => {
    new TieredVpc(stack, 'dual-stack', {
      ...base,
      subnets: subnets.map((spec) => (spec.tier === 'data' ? { tier: spec.tier, availabilityZone: spec.availabilityZone } : spec)),
      ipv6: { dns64Tiers: ['app'], ipv6OnlyTiers: ['data'] },
    });
    new TieredVpc(stack, 'from-ipam', {
      name: 'from-ipam',
      ipv4IpamPoolId: 'ipam-pool-4',
      ipv4NetmaskLength: 20,
      subnets: [{ tier: 'app', availabilityZone: 'eu-west-1a', newBits: 4, netNum: 0 }],
      ipv6: { ipamPoolId: 'ipam-pool-6', netmaskLength: 52 },
    });
  },
};
