import { RamSharingWithOrganization } from '@cdktf/provider-aws/lib/ram-sharing-with-organization';
import { Construct } from 'constructs';

/**
 * Enables AWS RAM sharing within the organization (management account), so shares to member
 * accounts, such as the Transit Gateway's, need no acceptance.
 */
export class OrganizationResourceSharing extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new RamSharingWithOrganization(this, 'enabled', {});
  }
}
