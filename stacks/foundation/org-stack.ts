import { Construct } from 'constructs';
import { GuardrailPolicies } from '../../modules/organization/guardrail-policies';
import { MemberAccount } from '../../modules/organization/member-account';
import { OrganizationalUnits } from '../../modules/organization/organizational-units';
import { OrganizationResourceSharing } from '../../modules/organization/resource-sharing';
import type { OrgPlan } from '../../model/stack-plans';
import { LandingZoneStack } from '../base/landing-zone-stack';
import { orgContract } from '../contracts/org';
import type { SynthSettings } from '../settings';

/** The management account: OUs, vended accounts, guardrail SCPs, RAM sharing within the organization. */
export class OrgStack extends LandingZoneStack {
  constructor(scope: Construct, plan: OrgPlan, settings: SynthSettings) {
    super(scope, plan, settings);
    new OrganizationResourceSharing(this, 'resource-sharing');
    const units = new OrganizationalUnits(this, 'organizational-units', { rootId: plan.rootId, units: plan.organizationalUnits });
    const accountIds: Record<string, string> = {};
    for (const account of plan.accounts) {
      accountIds[account.name] = new MemberAccount(this, `account-${account.name}`, {
        accountName: account.name,
        email: account.email,
        parentId: units.idOf(account.ou),
        roleName: plan.vendedAccountRoleName,
        importAccountId: settings.mode === 'live' ? account.id : undefined,
        tags: account.tags,
      }).accountId;
    }
    const { guardrails } = plan;
    new GuardrailPolicies(this, 'guardrails', {
      targets: Object.fromEntries(guardrails.attachTo.map((name) => [name, units.idOf(name)])),
      denyLeavingOrganization: guardrails.denyLeavingOrganization,
      protectSecurityServices: guardrails.protectSecurityServices,
      allowedRegions: guardrails.allowedRegions,
      exemptRoleNames: guardrails.exemptRoleNames,
      namePrefix: guardrails.namePrefix,
    });
    orgContract.publish(this, { accountIds });
  }
}
