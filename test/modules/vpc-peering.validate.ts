import type { TerraformProvider } from 'cdktf';
import { VpcPeering, type VpcPeeringProps } from '../../modules/network/vpc-peering';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of vpc-peering.test.ts, with the fixtures the two share. */

export function pair(requesterProvider?: TerraformProvider, accepterProvider?: TerraformProvider): VpcPeeringProps {
  return {
    name: 'payments-to-analytics',
    requester: {
      vpcId: 'vpc-payments',
      cidr: '10.16.0.0/16',
      ipv6Cidr: '2001:db8:1::/56',
      routeTableIds: { app: 'rtb-payments-app', data: 'rtb-payments-data' },
      provider: requesterProvider,
    },
    accepter: {
      vpcId: 'vpc-analytics',
      cidr: '10.48.0.0/16',
      ipv6Cidr: '2001:db8:2::/56',
      ownerAccountId: '444444444444',
      region: 'eu-central-1',
      routeTableIds: { app: 'rtb-analytics-app' },
      provider: accepterProvider,
    },
  };
}

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const vpcPeeringCase: ValidateCase = {
  name: 'vpc-peering',
  title: 'VPC peering: accepts a cross-account, cross-region pair on two providers',
  build: (stack) => {
    new VpcPeering(stack, 'peering', pair(undefined, stack.node.tryFindChild('network') as TerraformProvider));
  },
};
