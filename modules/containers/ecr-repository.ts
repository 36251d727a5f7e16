import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository as EcrRepositoryResource } from '@cdktf/provider-aws/lib/ecr-repository';
import { EcrRepositoryPolicy } from '@cdktf/provider-aws/lib/ecr-repository-policy';
import { Construct } from 'constructs';
import { checkAccountId, checkArn, checkIntegerRange, isKnown } from './checks';
import { policyDocument, type PolicyDocument } from './iam';

export interface EcrRepositoryProps {
  /** Repository name, e.g. `orders` or `payments/api`. CAUTION: changing it replaces the repository and deletes its images. */
  readonly name: string;
  /**
   * Customer managed KMS key for the images. CAUTION: changing it replaces the repository.
   * @default - the AWS managed key for ECR (encryption type KMS)
   */
  readonly kmsKeyArn?: string;
  /** Days an untagged image is kept. @default 14 */
  readonly untaggedImageExpiryDays?: number;
  /** Images kept in all; older ones expire. @default 100 */
  readonly maxImageCount?: number;
  /**
   * Accounts that may pull, keyed by a stable name — the same service's accounts in other
   * environments, so one image is promoted from dev to prod. @default {}
   */
  readonly pullAccountIds?: Readonly<Record<string, string>>;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Actions a pulling account needs on the repository. */
export const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

/**
 * An ECR repository with immutable tags, scan on push, KMS encryption, a lifecycle policy, and a
 * repository policy that lets the named accounts pull.
 */
export class EcrRepository extends Construct {
  readonly repository: EcrRepositoryResource;

  constructor(scope: Construct, id: string, props: EcrRepositoryProps) {
    super(scope, id);
    validate(props);
    this.repository = new EcrRepositoryResource(this, 'repository', {
      name: props.name,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: 'KMS', kmsKey: props.kmsKeyArn }],
      forceDelete: false,
      tags: { Name: props.name, ...props.tags },
    });
    new EcrLifecyclePolicy(this, 'lifecycle-policy', {
      repository: this.repository.name,
      policy: JSON.stringify(lifecyclePolicy(props)),
    });
    const pullAccounts = Object.values(props.pullAccountIds ?? {});
    if (pullAccounts.length > 0) {
      new EcrRepositoryPolicy(this, 'policy', {
        repository: this.repository.name,
        policy: JSON.stringify(pullPolicy(pullAccounts, props.partition ?? 'aws')),
      });
    }
  }

  get repositoryArn(): string {
    return this.repository.arn;
  }

  get repositoryUrl(): string {
    return this.repository.repositoryUrl;
  }
}

export function lifecyclePolicy(props: Pick<EcrRepositoryProps, 'untaggedImageExpiryDays' | 'maxImageCount'>) {
  return {
    rules: [
      {
        rulePriority: 1,
        description: 'Expire untagged images',
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: props.untaggedImageExpiryDays ?? 14,
        },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: 'Keep only the most recent images',
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: props.maxImageCount ?? 100 },
        action: { type: 'expire' },
      },
    ],
  };
}

export function pullPolicy(accountIds: readonly string[], partition: string): PolicyDocument {
  return policyDocument([
    {
      Sid: 'PullFromOtherAccounts',
      Effect: 'Allow',
      Principal: { AWS: [...new Set(accountIds)].sort().map((accountId) => `arn:${partition}:iam::${accountId}:root`) },
      Action: PULL_ACTIONS,
    },
  ]);
}

function validate(props: EcrRepositoryProps): void {
  const where = `EcrRepository ${props.name}`;
  if (isKnown(props.name) && !/^(?=.{2,256}$)[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(props.name)) {
    throw new Error(`${where}: name must be 2–256 lower-case letters and digits, separated by single . _ - or /`);
  }
  if (props.kmsKeyArn !== undefined) checkArn(where, 'kmsKeyArn', props.kmsKeyArn, 'kms', /^key\//);
  checkIntegerRange(where, 'untaggedImageExpiryDays', props.untaggedImageExpiryDays, 1, 3650);
  checkIntegerRange(where, 'maxImageCount', props.maxImageCount, 1, 10000);
  for (const [name, accountId] of Object.entries(props.pullAccountIds ?? {})) checkAccountId(where, `pullAccountIds.${name}`, accountId);
}
