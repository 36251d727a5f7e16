import type { PolicyRule, Violation } from '../types';
import { asBoolean } from '../values';

/** Our own rule (no checkov equivalent): closing an account must never happen through a destroy. */
export const accountCannotBeClosed: PolicyRule = {
  id: 'LZ-ORG-001',
  title: 'Member accounts cannot be closed by Terraform (close_on_deletion false, prevent_destroy)',
  severity: 'error',
  resourceTypes: ['aws_organizations_account'],
  evaluate: (resource, context) => {
    const violations: Violation[] = [];
    if (asBoolean(resource.values.close_on_deletion) === true) violations.push({ detail: 'has close_on_deletion = true' });
    if (resource.lifecycle === undefined) {
      context.note('prevent_destroy is not recorded in plan JSON; it was not checked (check the cdk.tf.json, or keep it beside the plan)');
    } else if (!resource.lifecycle.preventDestroy) {
      violations.push({ detail: 'has no lifecycle prevent_destroy' });
    }
    return violations;
  },
  fix: 'set close_on_deletion = false and lifecycle { prevent_destroy = true } (modules/organization/member-account.ts does)',
};
