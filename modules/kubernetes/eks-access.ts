import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import { checkRoleArn } from './checks';

/** EKS access policies by the word config uses. */
export const ACCESS_POLICIES = {
  admin: 'AmazonEKSClusterAdminPolicy',
  edit: 'AmazonEKSEditPolicy',
  view: 'AmazonEKSViewPolicy',
} as const;
export type AccessLevel = keyof typeof ACCESS_POLICIES;

export interface ClusterAccess {
  readonly principalArn: string;
  readonly level: AccessLevel;
  /** Namespaces the policy applies to; the whole cluster when empty. @default [] */
  readonly namespaces?: readonly string[];
}

export interface EksAccessProps {
  readonly clusterName: string;
  /** Principals by a stable name (e.g. `deploy`, `platform-admins`). CAUTION: changing an ARN replaces its entry. */
  readonly principals: Readonly<Record<string, ClusterAccess>>;
  /** @default 'aws' */
  readonly partition?: string;
}

/** Access entries with one access-policy association each: who may use the cluster, stated in Terraform. */
export class EksAccess extends Construct {
  constructor(scope: Construct, id: string, props: EksAccessProps) {
    super(scope, id);
    const where = `EksAccess ${props.clusterName}`;
    validateConstructNames(where, 'principals name', Object.keys(props.principals));
    const partition = props.partition ?? 'aws';
    for (const [name, access] of Object.entries(props.principals)) {
      checkRoleArn(where, `principals.${name}.principalArn`, access.principalArn);
      const entry = new EksAccessEntry(this, `entry-${name}`, {
        clusterName: props.clusterName,
        principalArn: access.principalArn,
        type: 'STANDARD',
      });
      const namespaces = access.namespaces ?? [];
      new EksAccessPolicyAssociation(this, `policy-${name}`, {
        clusterName: props.clusterName,
        principalArn: entry.principalArn,
        policyArn: `arn:${partition}:eks::aws:cluster-access-policy/${ACCESS_POLICIES[access.level]}`,
        accessScope: namespaces.length > 0 ? { type: 'namespace', namespaces: [...namespaces] } : { type: 'cluster' },
      });
    }
  }
}
