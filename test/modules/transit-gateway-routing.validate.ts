import type { TerraformProvider } from 'cdktf';
import { TransitGatewayRouting, type TransitGatewayRoutingProps } from '../../modules/network/transit-gateway-routing';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of transit-gateway-routing.test.ts, with the fixtures the two share. */

const routeTableIds = { prod: 'tgw-rtb-prod', nonprod: 'tgw-rtb-nonprod', shared: 'tgw-rtb-shared', egress: 'tgw-rtb-egress' };

export const segmentation: TransitGatewayRoutingProps = {
  name: 'acme-prod',
  routeTableIds,
  attachments: {
    egress: { id: 'tgw-attach-egress', segment: 'egress' },
    shared: { id: 'tgw-attach-shared', segment: 'shared' },
  },
  propagations: { shared: ['prod', 'nonprod', 'egress'] },
  routes: {
    'prod-default-ipv4': { segment: 'prod', destinationCidrBlock: '0.0.0.0/0', attachment: 'egress' },
    'prod-default-ipv6': { segment: 'prod', destinationCidrBlock: '::/0', attachment: 'egress' },
  },
  blackholes: {
    'prod-drops-nonprod': { segment: 'prod', destinationCidrBlock: '10.16.0.0/12' },
    'nonprod-drops-prod': { segment: 'nonprod', destinationCidrBlock: '10.32.0.0/12' },
  },
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const transitGatewayRoutingCase: ValidateCase = {
  name: 'transit-gateway-routing',
  title: 'transit gateway routing: accepts propagations, routes and blackholes on the network provider',
  build: (stack) => {
    new TransitGatewayRouting(stack, 'routing', {
      ...segmentation,
      provider: stack.node.tryFindChild('network') as TerraformProvider,
    });
  },
};
