import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksCluster as EksClusterResource } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { serviceTrustPolicy, ServiceRole } from '../containers/iam';
import { validateConstructNames } from '../shared/names';
import {
  checkAccountId,
  checkCidrs,
  checkKubernetesVersion,
  checkLogRetention,
  checkName,
  checkNotEmpty,
  checkRegion,
  checkRoleArn,
  REQUIRED_LOG_TYPES,
  type EksLogType,
} from './checks';
import { clusterKeyPolicy } from './key-policy';

export type IpFamily = 'ipv4' | 'ipv6';

export interface EksClusterProps {
  /** Cluster name; also names its key alias, log group and roles. CAUTION: changing it replaces the cluster. */
  readonly name: string;
  /** Kubernetes minor version, e.g. "1.31". Raising it upgrades the control plane in place (one minor at a time). */
  readonly version: string;
  /** Account that owns the cluster; its root keeps control of the secrets key. */
  readonly accountId: string;
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  readonly vpcId: string;
  /** Subnets of the control plane's network interfaces (the spoke's app tier), at least two zones. */
  readonly subnetIds: readonly string[];
  /**
   * IAM principals (from config, never the caller identity) that administer the secrets key: the
   * deploy role and the cluster admins.
   */
  readonly keyAdministratorArns: readonly string[];
  /** A public API endpoint besides the private one. @default false */
  readonly endpointPublicAccess?: boolean;
  /** CIDRs allowed to the public endpoint; required when it is on (never 0.0.0.0/0). @default [] */
  readonly publicAccessCidrs?: readonly string[];
  /**
   * Pod and service address family. CAUTION: EKS cannot change it after creation; changing it
   * replaces the cluster. `ipv6` needs dual-stack subnets. @default 'ipv4'
   */
  readonly ipFamily?: IpFamily;
  /** Control-plane logs beyond api, audit and authenticator (always on). @default [] */
  readonly extraLogTypes?: readonly EksLogType[];
  /** @default 365 */
  readonly logRetentionDays?: number;
  /** Who may reach the private API endpoint on 443: security groups and IPv4 CIDRs by a stable name. @default {} */
  readonly apiCallers?: {
    readonly securityGroupIds?: Readonly<Record<string, string>>;
    readonly ipv4Cidrs?: Readonly<Record<string, string>>;
  };
  /** `STANDARD` ends at the end of standard support; `EXTENDED` keeps paying for extended support. @default 'STANDARD' */
  readonly supportType?: 'STANDARD' | 'EXTENDED';
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An EKS cluster that plans offline and never replaces itself by a later flag change: access
 * entries only (`API`, no creator admin), no self-managed add-ons, secrets encrypted with its own
 * rotating key, control-plane logs into a log group created first, a private endpoint, and an
 * OIDC provider for IRSA with no thumbprint lookup.
 */
export class EksCluster extends Construct {
  readonly cluster: EksClusterResource;
  readonly kmsKey: KmsKey;
  readonly logGroup: CloudwatchLogGroup;
  readonly clusterRole: ServiceRole;
  /** Extra security group of the control plane: the API's callers. */
  readonly securityGroup: SecurityGroup;
  readonly oidcProvider: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    const tags = { ...props.tags };
    this.clusterRole = new ServiceRole(this, 'cluster-role', {
      name: `${props.name}-cluster`,
      description: `Control plane of EKS cluster ${props.name}`,
      trustPolicy: serviceTrustPolicy('eks.amazonaws.com', props.accountId),
      managedPolicyArns: { cluster: `arn:${partition}:iam::aws:policy/AmazonEKSClusterPolicy` },
      tags,
    });
    this.kmsKey = new KmsKey(this, 'kms-key', {
      description: `Encrypts the secrets and control-plane logs of EKS cluster ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify(
        clusterKeyPolicy({ ...props, partition, clusterRoleArn: this.clusterRole.roleArn, logGroupName: logGroupName(props.name) }),
      ),
      tags: { Name: `eks-${props.name}`, ...tags },
    });
    new KmsAlias(this, 'kms-alias', { name: `alias/eks/${props.name}`, targetKeyId: this.kmsKey.keyId });
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: logGroupName(props.name),
      retentionInDays: props.logRetentionDays ?? 365,
      kmsKeyId: this.kmsKey.arn,
      tags: { Name: `${props.name}-control-plane`, ...tags },
    });
    this.securityGroup = this.apiSecurityGroup(props, tags);
    this.cluster = new EksClusterResource(this, 'cluster', {
      name: props.name,
      version: props.version,
      roleArn: this.clusterRole.roleArn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        securityGroupIds: [this.securityGroup.id],
        endpointPrivateAccess: true,
        endpointPublicAccess: props.endpointPublicAccess ?? false,
        ...(props.endpointPublicAccess ? { publicAccessCidrs: [...(props.publicAccessCidrs ?? [])] } : {}),
      },
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      bootstrapSelfManagedAddons: false,
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: this.kmsKey.arn } },
      enabledClusterLogTypes: logTypes(props.extraLogTypes),
      kubernetesNetworkConfig: { ipFamily: props.ipFamily ?? 'ipv4' },
      upgradePolicy: { supportType: props.supportType ?? 'STANDARD' },
      zonalShiftConfig: { enabled: true },
      tags: { Name: props.name, ...tags },
      // The log group first, so EKS does not create one without retention; the role's policy
      // before the cluster, so deleting the cluster still has its permissions.
      dependsOn: [this.logGroup, ...resourcesUnder(this.clusterRole)],
    });
    this.oidcProvider = new IamOpenidConnectProvider(this, 'oidc-provider', {
      url: this.oidcIssuerUrl,
      clientIdList: ['sts.amazonaws.com'],
      tags: { Name: `${props.name}-irsa`, ...tags },
    });
  }

  private apiSecurityGroup(props: EksClusterProps, tags: Record<string, string>): SecurityGroup {
    const group = new SecurityGroup(this, 'api-security-group', {
      name: `${props.name}-api`,
      description: `Callers of the EKS API of ${props.name}`,
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-api`, ...tags },
    });
    const callers = props.apiCallers ?? {};
    const https = { securityGroupId: group.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443 };
    for (const [name, sourceId] of Object.entries(callers.securityGroupIds ?? {})) {
      new VpcSecurityGroupIngressRule(this, `api-from-${name}`, { ...https, referencedSecurityGroupId: sourceId, description: name });
    }
    for (const [name, cidr] of Object.entries(callers.ipv4Cidrs ?? {})) {
      new VpcSecurityGroupIngressRule(this, `api-from-${name}`, { ...https, cidrIpv4: cidr, description: name });
    }
    return group;
  }

  get clusterName(): string {
    return this.cluster.name;
  }

  get clusterArn(): string {
    return this.cluster.arn;
  }

  get clusterVersion(): string {
    return this.cluster.version;
  }

  get endpoint(): string {
    return this.cluster.endpoint;
  }

  /** The security group EKS creates and attaches to the control plane and managed nodes. */
  get clusterSecurityGroupId(): string {
    return this.cluster.vpcConfig.clusterSecurityGroupId;
  }

  get oidcIssuerUrl(): string {
    return this.cluster.identity.get(0).oidc.get(0).issuer;
  }

  /** The issuer without `https://`: the prefix of IRSA trust condition keys. */
  get oidcIssuerHost(): string {
    return Fn.replace(this.oidcIssuerUrl, 'https://', '');
  }

  get oidcProviderArn(): string {
    return this.oidcProvider.arn;
  }
}

/** The log group EKS writes control-plane logs to; created first so retention and KMS apply. */
export function logGroupName(cluster: string): string {
  return `/aws/eks/${cluster}/cluster`;
}

function resourcesUnder(scope: Construct): TerraformResource[] {
  return scope.node.findAll().filter((child): child is TerraformResource => TerraformResource.isTerraformResource(child));
}

function logTypes(extra: readonly EksLogType[] = []): string[] {
  return [...new Set([...REQUIRED_LOG_TYPES, ...extra])];
}

function validate(props: EksClusterProps): void {
  const where = `EksCluster ${props.name}`;
  // 56 leaves room for the role suffixes (`-cluster`, `-fargate`, `-efs-csi`) within IAM's 64.
  checkName(where, 'name', props.name, 56);
  checkKubernetesVersion(where, 'version', props.version);
  checkAccountId(where, 'accountId', props.accountId);
  checkRegion(where, props.region);
  checkLogRetention(where, 'logRetentionDays', props.logRetentionDays);
  if (props.subnetIds.length < 2)
    throw new Error(`${where}: subnetIds has ${props.subnetIds.length}; EKS needs subnets in at least two zones`);
  checkNotEmpty(where, 'keyAdministratorArns', props.keyAdministratorArns, 'name the deploy role (and the admins) from config');
  props.keyAdministratorArns.forEach((arn) => checkRoleArn(where, 'keyAdministratorArns', arn));
  const cidrs = props.publicAccessCidrs ?? [];
  checkCidrs(where, 'publicAccessCidrs', cidrs);
  if (props.endpointPublicAccess && cidrs.length === 0) {
    throw new Error(`${where}: endpointPublicAccess is on with no publicAccessCidrs; list the CIDRs that may reach it, or turn it off`);
  }
  if (cidrs.includes('0.0.0.0/0')) throw new Error(`${where}: publicAccessCidrs has 0.0.0.0/0; list only the networks that need the API`);
  if (!props.endpointPublicAccess && cidrs.length > 0) {
    throw new Error(`${where}: publicAccessCidrs is set but endpointPublicAccess is off; remove the CIDRs or turn the endpoint on`);
  }
  validateConstructNames(where, 'apiCallers name', [
    ...Object.keys(props.apiCallers?.securityGroupIds ?? {}),
    ...Object.keys(props.apiCallers?.ipv4Cidrs ?? {}),
  ]);
  checkCidrs(where, 'apiCallers.ipv4Cidrs', Object.values(props.apiCallers?.ipv4Cidrs ?? {}));
}
