import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import type { PolicyDocument, PolicyStatement } from './policy-document';

/* IAM roles of workload modules: a service role with one inline policy and named attachments. */

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** Trust policy for a service principal, limited to one account (and optionally one source ARN pattern) against confused deputies. */
export function serviceTrustPolicy(service: string, accountId: string, sourceArnLike?: string): PolicyDocument {
  return policyDocument([
    {
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': accountId },
        ...(sourceArnLike ? { ArnLike: { 'aws:SourceArn': sourceArnLike } } : {}),
      },
    },
  ]);
}

export interface ServiceRoleProps {
  /** Role name. CAUTION: changing it replaces the role. */
  readonly name: string;
  readonly description: string;
  readonly trustPolicy: PolicyDocument;
  /** Inline policy statements; no inline policy when empty. @default [] */
  readonly statements?: readonly PolicyStatement[];
  /** ARNs of managed policies to attach, keyed by a stable name. @default {} */
  readonly managedPolicyArns?: Readonly<Record<string, string>>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An IAM role with one inline policy (its own resource, not the role's inline_policy block) and named attachments. */
export class ServiceRole extends Construct {
  readonly role: IamRole;
  /** The inline policy; undefined when there are no statements. Depend on it where AWS checks the role's permissions at create time. */
  readonly policy?: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: props.description,
      assumeRolePolicy: JSON.stringify(props.trustPolicy),
      tags: { Name: props.name, ...props.tags },
    });
    const statements = props.statements ?? [];
    if (statements.length > 0) {
      this.policy = new IamRolePolicy(this, 'policy', {
        name: props.name,
        role: this.role.id,
        policy: JSON.stringify(policyDocument(statements)),
      });
    }
    for (const [name, policyArn] of Object.entries(props.managedPolicyArns ?? {})) {
      new IamRolePolicyAttachment(this, `attachment-${name}`, { role: this.role.name, policyArn });
    }
  }

  get roleArn(): string {
    return this.role.arn;
  }
}
