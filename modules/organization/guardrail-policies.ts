import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { Construct } from 'constructs';
import type { PolicyDocument } from '../shared/policy-document';
import { denyLeavingOrganization, protectSecurityServices, restrictRegions } from './guardrail-documents';

export interface GuardrailPoliciesProps {
  /** OU ids the policies attach to, keyed by OU name (the name becomes part of the construct ID). */
  readonly targets: Readonly<Record<string, string>>;
  /** @default true */
  readonly denyLeavingOrganization?: boolean;
  /** Deny stopping or deleting CloudTrail, GuardDuty and AWS Config. @default true */
  readonly protectSecurityServices?: boolean;
  /** Deny regional actions outside these regions (global services excepted). @default - no region restriction */
  readonly allowedRegions?: readonly string[];
  /** Role names the security and region guardrails exempt, e.g. the landing zone's deploy role. @default [] */
  readonly exemptRoleNames?: readonly string[];
  /** Prefix of the policy names. @default 'guardrail' */
  readonly namePrefix?: string;
}

const SCP_SIZE_LIMIT = 5120;

/** Service control policies that every account under the target OUs inherits. */
export class GuardrailPolicies extends Construct {
  readonly policyIds: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: GuardrailPoliciesProps) {
    super(scope, id);
    const exempt = props.exemptRoleNames ?? [];
    const documents: Record<string, { description: string; document: PolicyDocument }> = {};
    if (props.denyLeavingOrganization ?? true) {
      documents['deny-leaving-organization'] = {
        description: 'Accounts cannot leave the organization',
        document: denyLeavingOrganization(),
      };
    }
    if (props.protectSecurityServices ?? true) {
      documents['protect-security-services'] = {
        description: 'CloudTrail, GuardDuty and Config cannot be stopped or deleted',
        document: protectSecurityServices(exempt),
      };
    }
    if (props.allowedRegions && props.allowedRegions.length > 0) {
      documents['restrict-regions'] = {
        description: `Only ${props.allowedRegions.join(', ')} (global services excepted)`,
        document: restrictRegions(props.allowedRegions, exempt),
      };
    }
    for (const [name, { description, document }] of Object.entries(documents)) {
      const content = JSON.stringify(document);
      if (content.length > SCP_SIZE_LIMIT)
        throw new Error(`GuardrailPolicies: ${name} is ${content.length} characters; SCPs are limited to ${SCP_SIZE_LIMIT}`);
      const policy = new OrganizationsPolicy(this, name, {
        name: `${props.namePrefix ?? 'guardrail'}-${name}`,
        description,
        type: 'SERVICE_CONTROL_POLICY',
        content,
      });
      this.policyIds[name] = policy.id;
      for (const [targetName, targetId] of Object.entries(props.targets)) {
        new OrganizationsPolicyAttachment(this, `${name}-${targetName}`, { policyId: policy.id, targetId });
      }
    }
  }
}
