import { GatewayEndpoints, type GatewayEndpointsProps } from '../../modules/network/gateway-endpoints';
import { TieredVpc } from '../../modules/network/tiered-vpc';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of gateway-endpoints.test.ts, with the fixtures the two share. */

export const props: GatewayEndpointsProps = {
  name: 'payments',
  vpcId: 'vpc-1',
  region: 'eu-west-1',
  routeTableIds: { app: 'rtb-app', data: 'rtb-data' },
  organizationId: 'o-a1b2c3d4e5',
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const gatewayEndpointsCase: ValidateCase = {
  name: 'gateway-endpoints',
  title: 'gateway endpoints: accept S3 and DynamoDB endpoints on the route tables of a TieredVpc',
  build: (stack) => {
    const vpc = new TieredVpc(stack, 'vpc', {
      name: 'payments',
      cidrBlock: '10.0.0.0/16',
      subnets: [
        { tier: 'app', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/20' },
        { tier: 'data', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.16.0/24' },
      ],
    });
    new GatewayEndpoints(stack, 'endpoints', {
      ...props,
      vpcId: vpc.vpcId,
      routeTableIds: { app: vpc.routeTableId('app'), data: vpc.routeTableId('data') },
    });
  },
};
