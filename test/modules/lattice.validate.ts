import type { TerraformProvider } from 'cdktf';
import { LatticeServiceNetwork, type LatticeServiceNetworkProps } from '../../modules/network/lattice-service-network';
import { LatticeVpcAssociation } from '../../modules/network/lattice-vpc-association';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of lattice.test.ts, with the fixtures the two share. */

export const props: LatticeServiceNetworkProps = {
  name: 'acme-dev',
  organizationId: 'o-a1b2c3d4e5',
  principals: { payments: '222222222222', orders: '333333333333' },
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const latticeCase: ValidateCase = {
  name: 'lattice',
  title: 'VPC Lattice: accepts the service network on the network provider and a cross-account VPC association',
  build: (stack) => {
    const network = stack.node.tryFindChild('network') as TerraformProvider;
    const lattice = new LatticeServiceNetwork(stack, 'lattice', { ...props, provider: network });
    new LatticeVpcAssociation(stack, 'lattice-payments', {
      vpcName: 'acme-dev-payments',
      vpcId: 'vpc-payments',
      serviceNetworkIdentifier: lattice.serviceNetworkArn,
      vpcCidrBlocks: ['10.16.0.0/16'],
      vpcIpv6CidrBlocks: ['2001:db8:1::/56'],
    });
  },
};
