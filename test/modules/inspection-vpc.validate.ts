import { InspectionVpc, type InspectionVpcProps } from '../../modules/network/inspection-vpc';
import { TransitGatewayAttachment } from '../../modules/network/transit-gateway-attachment';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of inspection-vpc.test.ts, with the fixtures the two share. */

export const zones = [
  { availabilityZone: 'eu-west-1b', attachmentCidrBlock: '10.254.0.16/28', firewallCidrBlock: '10.254.0.80/28' },
  { availabilityZone: 'eu-west-1a', attachmentCidrBlock: '10.254.0.0/28', firewallCidrBlock: '10.254.0.64/28' },
  { availabilityZone: 'eu-west-1c', attachmentCidrBlock: '10.254.0.32/28', firewallCidrBlock: '10.254.0.96/28' },
];

export const props: InspectionVpcProps = {
  name: 'acme-prod-inspection',
  region: 'eu-west-1',
  cidrBlock: '10.254.0.0/24',
  zones,
  homeNetCidrs: ['10.0.0.0/8'],
};

export const movedFrom = {
  firewallId: 'firewall-inspection',
  firewallRouteId: 'inspection-inspection-to-firewall',
  transitGatewayRouteId: 'inspection-inspection-to-transit-gateway',
};

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const inspectionVpcCase: ValidateCase = {
  name: 'inspection-vpc',
  title: 'inspection VPC: accepts a dual-stack VPC attached in appliance mode, moved blocks included',
  build: (stack) => {
    const inspection = new InspectionVpc(stack, 'vpc-inspection', { ...props, ipv6: {}, movedFrom });
    const attachment = new TransitGatewayAttachment(stack, 'attachment', {
      name: 'inspection',
      transitGatewayId: 'tgw-1',
      vpcId: inspection.vpcId,
      subnetIds: inspection.attachmentSubnetIds,
      associatedRouteTableId: 'tgw-rtb-inspection',
      applianceMode: true,
      ipv6Support: true,
    });
    inspection.routeToTransitGateway({ transitGatewayId: 'tgw-1', attachment: attachment.attachment });
  },
};
