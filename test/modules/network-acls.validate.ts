import { NetworkAcls, networkAclTiersOf } from '../../modules/network/network-acls';
import { TieredVpc } from '../../modules/network/tiered-vpc';
import type { ValidateCase } from '../support/terraform-validate-cases';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const networkAclsCase: ValidateCase = {
  name: 'network-acls',
  title: 'network ACLs: accept the tiers of a dual-stack TieredVpc, with shared-services and peer blocks',
  build: (stack) => {
    const vpc = new TieredVpc(stack, 'vpc', {
      name: 'payments',
      cidrBlock: '10.0.0.0/16',
      subnets: [
        { tier: 'public', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.32.0/24' },
        { tier: 'app', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/20' },
        { tier: 'data', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.34.0/24' },
      ],
      ipv6: {},
    });
    new NetworkAcls(stack, 'acls', {
      name: 'payments',
      vpcId: vpc.vpcId,
      tiers: networkAclTiersOf(vpc),
      sharedServicesIpv4CidrBlocks: { shared: '10.100.0.0/16' },
      peerIpv4CidrBlocks: { 'peer-orders': '10.60.0.0/16' },
    });
  },
};
