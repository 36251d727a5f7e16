import type { TerraformProvider } from 'cdktf';
import { Ipam, type IpamProps } from '../../modules/network/ipam';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of ipam.test.ts, with the fixtures the two share. */

export const props: IpamProps = {
  name: 'acme',
  homeRegion: 'eu-west-1',
  ipv4Cidrs: ['10.0.0.0/8'],
  regions: {
    'eu-west-1': { cidrs: ['10.0.0.0/12', '10.64.0.0/12'], allocationDefaultNetmaskLength: 20 },
    'us-east-1': { cidrs: ['10.16.0.0/14'], allocationMinNetmaskLength: 18, allocationMaxNetmaskLength: 24 },
  },
  ipv6: true,
  principals: { payments: '222222222222' },
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const ipamCase: ValidateCase = {
  name: 'ipam',
  title: 'IPAM: accepts regional IPv4 pools, IPv6 and RAM sharing, on the network provider',
  build: (stack) => {
    new Ipam(stack, 'ipam', { ...props, provider: stack.node.tryFindChild('network') as TerraformProvider });
  },
};
