import { EgressVpc, type EgressVpcProps } from '../../modules/network/egress-vpc';
import { TransitGatewayAttachment } from '../../modules/network/transit-gateway-attachment';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of egress-vpc.test.ts, with the fixtures the two share. */

export const props: EgressVpcProps = {
  name: 'acme-prod-egress',
  cidrBlock: '10.255.0.0/24',
  zones: [
    { availabilityZone: 'eu-west-1b', publicCidrBlock: '10.255.0.32/28', attachmentCidrBlock: '10.255.0.48/28' },
    { availabilityZone: 'eu-west-1a', publicCidrBlock: '10.255.0.0/28', attachmentCidrBlock: '10.255.0.16/28' },
  ],
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const egressVpcCase: ValidateCase = {
  name: 'egress-vpc',
  title: 'egress VPC: accepts a dual-stack VPC attached with TransitGatewayAttachment, with IPv4 and IPv6 return routes',
  build: (stack) => {
    const egress = new EgressVpc(stack, 'egress', { ...props, ipv6: {} });
    const attachment = new TransitGatewayAttachment(stack, 'attachment', {
      name: 'egress',
      transitGatewayId: 'tgw-1',
      vpcId: egress.vpcId,
      subnetIds: egress.attachmentSubnetIds,
      associatedRouteTableId: 'tgw-rtb-egress',
    });
    egress.routeToTransitGateway({
      transitGatewayId: 'tgw-1',
      attachment: attachment.attachment,
      destinations: ['10.0.0.0/8'],
      ipv6Destinations: { spokes: '2001:db8::/40' },
    });
  },
};
