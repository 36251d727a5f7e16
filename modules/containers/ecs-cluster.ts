import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EcsCluster as EcsClusterResource } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { ServiceDiscoveryHttpNamespace } from '@cdktf/provider-aws/lib/service-discovery-http-namespace';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { checkStrategy, DEFAULT_CAPACITY_PROVIDER_STRATEGY, strategyItems, type CapacityProviderStrategy } from './capacity';
import { checkAccountId, checkArn, checkLogRetention, checkName, checkRegion } from './checks';
import { policyDocument, type PolicyDocument } from './iam';

/**
 * What a service needs to know about its cluster. `EcsCluster` implements it; a stack that reads
 * the cluster from another stack's outputs builds one from plain strings.
 */
export interface EcsClusterAttributes {
  readonly clusterName: string;
  readonly clusterArn: string;
  /** Cloud Map HTTP namespace ARN used by Service Connect. */
  readonly serviceConnectNamespaceArn: string;
  /** KMS key for the cluster's log groups; services encrypt their log groups with it. */
  readonly kmsKeyArn: string;
  /** Log group that receives ECS Exec session logs. */
  readonly execLogGroupArn: string;
  /**
   * What a service must be created after: the cluster's capacity provider association, without
   * which a service that names FARGATE_SPOT fails to create. @default - none (a cluster from another stack)
   */
  readonly capacityProvidersReady?: ITerraformDependable;
}

export type ContainerInsights = 'enabled' | 'enhanced';

export interface EcsClusterProps {
  /**
   * Cluster name, also the Service Connect namespace and log group names. CAUTION: changing it
   * replaces the cluster and every service in it.
   */
  readonly name: string;
  /** Account that owns the cluster; its root administers the KMS key. */
  readonly accountId: string;
  /** Region of the cluster; CloudWatch Logs of this region may use the KMS key. */
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /**
   * A KMS key for the log groups, passed in instead of creating one (its policy must let CloudWatch
   * Logs use it). @default - a key with rotation on, created here
   */
  readonly kmsKeyArn?: string;
  /** Container Insights level. @default 'enabled' */
  readonly containerInsights?: ContainerInsights;
  /** Retention of the ECS Exec log group. @default 365 */
  readonly execLogRetentionDays?: number;
  /** Default capacity provider strategy of the cluster. @default FARGATE_SPOT weight 2, FARGATE weight 1 with base 1 */
  readonly defaultCapacityProviderStrategy?: CapacityProviderStrategy;
  /** Name of the Service Connect (Cloud Map HTTP) namespace. CAUTION: changing it replaces the namespace. @default - the cluster name */
  readonly serviceConnectNamespace?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An ECS cluster for Fargate: Container Insights, ECS Exec sessions logged to a KMS-encrypted log
 * group, FARGATE and FARGATE_SPOT with a default strategy, and a Service Connect namespace.
 */
export class EcsCluster extends Construct implements EcsClusterAttributes {
  readonly cluster: EcsClusterResource;
  readonly namespace: ServiceDiscoveryHttpNamespace;
  readonly execLogGroup: CloudwatchLogGroup;
  readonly capacityProviders: EcsClusterCapacityProviders;
  /** The key created here; undefined when `kmsKeyArn` was passed in. */
  readonly kmsKey?: KmsKey;
  private readonly keyArn: string;

  constructor(scope: Construct, id: string, props: EcsClusterProps) {
    super(scope, id);
    validate(props);
    const tags = { ...props.tags };
    if (props.kmsKeyArn) {
      this.keyArn = props.kmsKeyArn;
    } else {
      this.kmsKey = new KmsKey(this, 'kms-key', {
        description: `Encrypts the log groups of ECS cluster ${props.name}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(clusterKeyPolicy(props)),
        tags: { Name: `ecs-${props.name}`, ...tags },
      });
      new KmsAlias(this, 'kms-alias', { name: `alias/ecs/${props.name}`, targetKeyId: this.kmsKey.keyId });
      this.keyArn = this.kmsKey.arn;
    }
    this.execLogGroup = new CloudwatchLogGroup(this, 'exec-logs', {
      name: `/aws/ecs/${props.name}/exec`,
      retentionInDays: props.execLogRetentionDays ?? 365,
      kmsKeyId: this.keyArn,
      tags: { Name: `${props.name}-exec`, ...tags },
    });
    this.namespace = new ServiceDiscoveryHttpNamespace(this, 'namespace', {
      name: props.serviceConnectNamespace ?? props.name,
      description: `Service Connect namespace of ECS cluster ${props.name}`,
      tags: { Name: props.serviceConnectNamespace ?? props.name, ...tags },
    });
    this.cluster = new EcsClusterResource(this, 'cluster', {
      name: props.name,
      setting: [{ name: 'containerInsights', value: props.containerInsights ?? 'enabled' }],
      configuration: {
        executeCommandConfiguration: {
          kmsKeyId: this.keyArn,
          logging: 'OVERRIDE',
          logConfiguration: { cloudWatchLogGroupName: this.execLogGroup.name, cloudWatchEncryptionEnabled: true },
        },
      },
      serviceConnectDefaults: { namespace: this.namespace.arn },
      tags: { Name: props.name, ...tags },
    });
    this.capacityProviders = new EcsClusterCapacityProviders(this, 'capacity-providers', {
      clusterName: this.cluster.name,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: strategyItems(props.defaultCapacityProviderStrategy ?? DEFAULT_CAPACITY_PROVIDER_STRATEGY),
    });
  }

  get clusterName(): string {
    return this.cluster.name;
  }

  get clusterArn(): string {
    return this.cluster.arn;
  }

  get serviceConnectNamespaceArn(): string {
    return this.namespace.arn;
  }

  get kmsKeyArn(): string {
    return this.keyArn;
  }

  get execLogGroupArn(): string {
    return this.execLogGroup.arn;
  }

  get capacityProvidersReady(): ITerraformDependable {
    return this.capacityProviders;
  }
}

/** The account's IAM administers the key; CloudWatch Logs of this region may use it for this account's log groups only. */
export function clusterKeyPolicy(props: Pick<EcsClusterProps, 'accountId' | 'region' | 'partition'>): PolicyDocument {
  const partition = props.partition ?? 'aws';
  return policyDocument([
    {
      Sid: 'AccountAdministersTheKey',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${props.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CloudWatchLogsOfThisAccount',
      Effect: 'Allow',
      Principal: { Service: `logs.${props.region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${props.region}:${props.accountId}:log-group:*` },
      },
    },
  ]);
}

function validate(props: EcsClusterProps): void {
  const where = `EcsCluster ${props.name}`;
  checkName(where, 'name', props.name, 255);
  checkAccountId(where, 'accountId', props.accountId);
  checkRegion(where, props.region);
  checkLogRetention(where, 'execLogRetentionDays', props.execLogRetentionDays);
  if (props.kmsKeyArn !== undefined) checkArn(where, 'kmsKeyArn', props.kmsKeyArn, 'kms', /^key\//);
  if (props.serviceConnectNamespace !== undefined) checkName(where, 'serviceConnectNamespace', props.serviceConnectNamespace, 1024);
  if (props.defaultCapacityProviderStrategy) checkStrategy(where, 'defaultCapacityProviderStrategy', props.defaultCapacityProviderStrategy);
}
