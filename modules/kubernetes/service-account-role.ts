import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { policyDocument, type PolicyStatement } from '../containers/iam';
import { validateConstructNames } from '../shared/names';
import { checkAccountId } from './checks';

/** IRSA: the cluster's OIDC provider vouches for a service account (a `*` pattern is allowed). */
export interface IrsaTrust {
  readonly kind: 'irsa';
  readonly oidcProviderArn: string;
  /** The issuer without `https://` (`EksCluster.oidcIssuerHost`). */
  readonly oidcIssuerHost: string;
  readonly namespace: string;
  /** Service account name or pattern, e.g. `efs-csi-*`. */
  readonly serviceAccount: string;
}

/** EKS Pod Identity: the agent assumes the role for pods of this account's clusters. */
export interface PodIdentityTrust {
  readonly kind: 'pod-identity';
  readonly accountId: string;
}

export interface ServiceAccountRoleProps {
  /** Role name. CAUTION: changing it replaces the role. */
  readonly name: string;
  readonly description: string;
  readonly trust: IrsaTrust | PodIdentityTrust;
  /** Managed policies by a stable name. @default {} */
  readonly managedPolicyArns?: Readonly<Record<string, string>>;
  /** Inline statements; no inline policy when empty. @default [] */
  readonly statements?: readonly PolicyStatement[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A role for Kubernetes pods, trusted through IRSA (a `StringLike` on the service account's `sub`
 * and `aud = sts.amazonaws.com`) or through EKS Pod Identity. The IRSA trust is an
 * `aws_iam_policy_document` because its condition keys start with the issuer, known only after apply.
 */
export class ServiceAccountRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ServiceAccountRoleProps) {
    super(scope, id);
    validate(props);
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: props.description,
      assumeRolePolicy: this.trustPolicy(props.trust),
      tags: { Name: props.name, ...props.tags },
    });
    const statements = props.statements ?? [];
    if (statements.length > 0) {
      new IamRolePolicy(this, 'policy', { name: props.name, role: this.role.id, policy: JSON.stringify(policyDocument(statements)) });
    }
    for (const [name, policyArn] of Object.entries(props.managedPolicyArns ?? {})) {
      new IamRolePolicyAttachment(this, `attachment-${name}`, { role: this.role.name, policyArn });
    }
  }

  private trustPolicy(trust: IrsaTrust | PodIdentityTrust): string {
    if (trust.kind === 'pod-identity') {
      return JSON.stringify(
        policyDocument([
          {
            Effect: 'Allow',
            Principal: { Service: 'pods.eks.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Condition: { StringEquals: { 'aws:SourceAccount': trust.accountId } },
          },
        ]),
      );
    }
    const document = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [trust.oidcProviderArn] }],
          condition: [
            {
              test: 'StringLike',
              variable: `${trust.oidcIssuerHost}:sub`,
              values: [`system:serviceaccount:${trust.namespace}:${trust.serviceAccount}`],
            },
            { test: 'StringEquals', variable: `${trust.oidcIssuerHost}:aud`, values: ['sts.amazonaws.com'] },
          ],
        },
      ],
    });
    return document.json;
  }

  get roleArn(): string {
    return this.role.arn;
  }
}

function validate(props: ServiceAccountRoleProps): void {
  const where = `ServiceAccountRole ${props.name}`;
  if (props.trust.kind === 'pod-identity') checkAccountId(where, 'trust.accountId', props.trust.accountId);
  else if (!/^[a-z0-9*]([-a-z0-9*.]*[a-z0-9*])?$/.test(props.trust.serviceAccount)) {
    throw new Error(`${where}: trust.serviceAccount "${props.trust.serviceAccount}" is not a service account name or pattern`);
  }
  validateConstructNames(where, 'managedPolicyArns key', Object.keys(props.managedPolicyArns ?? {}));
}
