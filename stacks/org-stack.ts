import { Construct } from 'constructs';
import { GuardrailPolicies } from '../modules/organization/guardrail-policies';
import { MemberAccount } from '../modules/organization/member-account';
import { OrganizationalUnits } from '../modules/organization/organizational-units';
import { OrganizationResourceSharing } from '../modules/organization/resource-sharing';
import { ORG_STACK } from '../model/naming';
import { publishOrgOutputs } from './contracts';
import { LandingZoneStack, type LandingZoneStackProps } from './landing-zone-stack';

/** The management account: OUs, vended accounts, guardrail SCPs, RAM sharing within the organization. */
export class OrgStack extends LandingZoneStack {
  constructor(scope: Construct, props: Omit<LandingZoneStackProps, 'environment'>) {
    super(scope, ORG_STACK, props);
    const { organization, guardrails } = this.model;
    this.providerFor('management', 'management', organization.homeRegion);
    new OrganizationResourceSharing(this, 'resource-sharing');
    const units = new OrganizationalUnits(this, 'organizational-units', {
      rootId: organization.rootId,
      units: this.model.organizationalUnits,
    });
    const accounts = this.model.accounts.map(
      (account) =>
        [
          account.name,
          new MemberAccount(this, `account-${account.name}`, {
            accountName: account.name,
            email: account.email,
            parentId: units.idOf(account.ou),
            roleName: organization.vendedAccountRoleName,
            importAccountId: this.settings.mode === 'live' ? account.id : undefined,
            tags: { ...account.tags, ...(account.environment ? { Environment: account.environment } : {}) },
          }),
        ] as const,
    );
    new GuardrailPolicies(this, 'guardrails', {
      targets: Object.fromEntries(guardrails.attachTo.map((name) => [name, units.idOf(name)])),
      denyLeavingOrganization: guardrails.denyLeavingOrganization,
      protectSecurityServices: guardrails.protectSecurityServices,
      allowedRegions: guardrails.allowedRegions,
      exemptRoleNames: [organization.deployRoleName],
      namePrefix: `${organization.name}-guardrail`,
    });
    publishOrgOutputs(this, { accountIds: Object.fromEntries(accounts.map(([name, account]) => [name, account.accountId])) });
  }
}
