import { SecurityGroupTiers, type SecurityGroupTiersProps } from '../../modules/network/security-group-tiers';
import type { ValidateCase } from '../support/terraform-validate-cases';

/* The terraform validate case of security-group-tiers.test.ts, with the fixtures the two share. */

export const props: SecurityGroupTiersProps = { name: 'payments', vpcId: 'vpc-1' };

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const securityGroupTiersCase: ValidateCase = {
  name: 'security-group-tiers',
  title: 'security group tiers: accept app HTTPS from CIDR blocks and prefix lists',
  build: (stack) => {
    new SecurityGroupTiers(stack, 'sg', {
      ...props,
      appHttpsIpv4CidrBlocks: { shared: '10.100.0.0/16' },
      appHttpsPrefixListIds: { s3: 'pl-1' },
    });
  },
};
