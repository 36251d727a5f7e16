import { EksFargateProfile } from '@cdktf/provider-aws/lib/eks-fargate-profile';
import { Construct } from 'constructs';
import { policyDocument, ServiceRole } from '../containers/iam';
import { validateConstructNames } from '../shared/names';
import { checkAccountId, checkNotEmpty } from './checks';

export interface FargateSelector {
  readonly namespace: string;
  /** @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface EksFargateProfilesProps {
  readonly clusterName: string;
  readonly accountId: string;
  readonly region: string;
  /** Private subnets of the pods (the spoke's app tier). CAUTION: changing them replaces every profile. */
  readonly subnetIds: readonly string[];
  /** Profiles by name, each with up to five selectors. CAUTION: changing a profile's selectors replaces it. */
  readonly profiles: Readonly<Record<string, readonly FargateSelector[]>>;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Fargate profiles of a cluster and their pod execution role (trusted only for this cluster's profiles). */
export class EksFargateProfiles extends Construct {
  readonly podExecutionRole: ServiceRole;
  readonly profiles: ReadonlyMap<string, EksFargateProfile>;

  constructor(scope: Construct, id: string, props: EksFargateProfilesProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    this.podExecutionRole = new ServiceRole(this, 'pod-execution-role', {
      name: `${props.clusterName}-fargate`,
      description: `Fargate pods of EKS cluster ${props.clusterName}`,
      trustPolicy: policyDocument([
        {
          Effect: 'Allow',
          Principal: { Service: 'eks-fargate-pods.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnLike: { 'aws:SourceArn': `arn:${partition}:eks:${props.region}:${props.accountId}:fargateprofile/${props.clusterName}/*` },
          },
        },
      ]),
      managedPolicyArns: { execution: `arn:${partition}:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy` },
      tags: props.tags,
    });
    this.profiles = new Map(
      Object.entries(props.profiles).map(([name, selectors]) => [
        name,
        new EksFargateProfile(this, `profile-${name}`, {
          clusterName: props.clusterName,
          fargateProfileName: name,
          podExecutionRoleArn: this.podExecutionRole.roleArn,
          subnetIds: [...props.subnetIds],
          selector: selectors.map((selector) => ({ namespace: selector.namespace, labels: { ...selector.labels } })),
          tags: { Name: `${props.clusterName}-${name}`, ...props.tags },
        }),
      ]),
    );
  }
}

function validate(props: EksFargateProfilesProps): void {
  const where = `EksFargateProfiles ${props.clusterName}`;
  checkAccountId(where, 'accountId', props.accountId);
  checkNotEmpty(where, 'subnetIds', props.subnetIds, 'give the private app-tier subnets of the spoke');
  validateConstructNames(where, 'profiles name', Object.keys(props.profiles));
  for (const [name, selectors] of Object.entries(props.profiles)) {
    if (selectors.length < 1 || selectors.length > 5) {
      throw new Error(`${where}: profiles.${name} has ${selectors.length} selectors; a Fargate profile takes 1 to 5`);
    }
  }
}
