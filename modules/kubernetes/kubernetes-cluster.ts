import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import { EksAccess, type ClusterAccess } from './eks-access';
import { cniIpv6Statements, EksAddon } from './eks-addon';
import { EksCluster, type EksClusterProps } from './eks-cluster';
import { EksFargateProfiles, type FargateSelector } from './eks-fargate';
import { EksNodeGroup, EksNodeRole, type EksNodeGroupProps } from './eks-node-group';
import { ServiceAccountRole } from './service-account-role';

/** EKS quota: managed node groups per cluster. */
export const MAX_NODE_GROUPS = 30;

export type NodeGroupSpec = Omit<
  EksNodeGroupProps,
  'name' | 'clusterName' | 'version' | 'nodeRoleArn' | 'subnetIds' | 'dependsOn' | 'tags'
>;

export interface AddonVersion {
  /** Pinned add-on version, e.g. `v1.19.2-eksbuild.1`. */
  readonly version: string;
}

export interface ClusterAddons {
  readonly 'vpc-cni': AddonVersion;
  readonly 'kube-proxy': AddonVersion;
  readonly coredns: AddonVersion;
  readonly 'eks-pod-identity-agent': AddonVersion;
  /** With its controller role through IRSA (`kube-system:efs-csi-*`) or Pod Identity. @default - not installed */
  readonly 'aws-efs-csi-driver'?: AddonVersion & { readonly identity: 'irsa' | 'pod-identity' };
}

export interface KubernetesClusterProps extends EksClusterProps {
  /** Who may use the cluster, by a stable name. Include the deploy role: the creator gets no access. */
  readonly access: Readonly<Record<string, ClusterAccess>>;
  /** Managed node groups by name, in `subnetIds`. @default {} */
  readonly nodeGroups?: Readonly<Record<string, NodeGroupSpec>>;
  /** Fargate profiles by name, in `subnetIds`. @default {} */
  readonly fargateProfiles?: Readonly<Record<string, readonly FargateSelector[]>>;
  readonly addons: ClusterAddons;
}

/**
 * A whole EKS cluster with no kubernetes or helm provider: the control plane, access entries,
 * managed node groups and Fargate profiles, and the managed add-ons in the order EKS needs —
 * vpc-cni and the pod identity agent before the nodes, coredns, kube-proxy and EFS CSI after.
 */
export class KubernetesCluster extends Construct {
  readonly cluster: EksCluster;
  readonly nodeGroups: ReadonlyMap<string, EksNodeGroup>;
  readonly fargate?: EksFargateProfiles;
  readonly addons = new Map<string, EksAddon>();

  constructor(scope: Construct, id: string, props: KubernetesClusterProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    const tags = { ...props.tags };
    this.cluster = new EksCluster(this, 'control-plane', props);
    const clusterName = this.cluster.clusterName;
    new EksAccess(this, 'access', { clusterName, principals: props.access, partition });
    const cniRole = new ServiceAccountRole(this, 'vpc-cni-role', {
      name: `${props.name}-vpc-cni`,
      description: `VPC CNI of EKS cluster ${props.name}`,
      trust: this.irsa('aws-node'),
      ...(props.ipFamily === 'ipv6'
        ? { statements: cniIpv6Statements(partition) }
        : { managedPolicyArns: { cni: `arn:${partition}:iam::aws:policy/AmazonEKS_CNI_Policy` } }),
      tags,
    });
    const beforeCompute = [
      this.addon('vpc-cni', props, [], { serviceAccountRoleArn: cniRole.roleArn }),
      this.addon('eks-pod-identity-agent', props, []),
    ].map((addon) => addon.addon);
    this.nodeGroups = this.placeNodeGroups(props, beforeCompute);
    const profiles = props.fargateProfiles ?? {};
    if (Object.keys(profiles).length > 0) {
      this.fargate = new EksFargateProfiles(this, 'fargate', {
        clusterName,
        accountId: props.accountId,
        region: props.region,
        subnetIds: props.subnetIds,
        profiles,
        partition,
        tags,
      });
    }
    const compute: ITerraformDependable[] = [
      ...[...this.nodeGroups.values()].map((group) => group.nodeGroup),
      ...(this.fargate ? this.fargate.profiles.values() : []),
    ];
    const onFargateOnly = this.nodeGroups.size === 0;
    this.addon('coredns', props, compute, onFargateOnly ? { configuration: { computeType: 'Fargate' } } : {});
    this.addon('kube-proxy', props, compute);
    this.placeEfsCsiDriver(props, compute);
  }

  private irsa(serviceAccount: string, namespace = 'kube-system') {
    return {
      kind: 'irsa' as const,
      oidcProviderArn: this.cluster.oidcProviderArn,
      oidcIssuerHost: this.cluster.oidcIssuerHost,
      namespace,
      serviceAccount,
    };
  }

  private addon(
    name: keyof ClusterAddons,
    props: KubernetesClusterProps,
    dependsOn: readonly ITerraformDependable[],
    extra: Partial<ConstructorParameters<typeof EksAddon>[2]> = {},
  ): EksAddon {
    const addon = new EksAddon(this, `addon-${name}`, {
      clusterName: this.cluster.clusterName,
      addonName: name,
      version: props.addons[name]!.version,
      dependsOn,
      ...extra,
    });
    this.addons.set(name, addon);
    return addon;
  }

  private placeNodeGroups(props: KubernetesClusterProps, vpcCni: readonly ITerraformDependable[]): Map<string, EksNodeGroup> {
    const groups = Object.entries(props.nodeGroups ?? {});
    if (groups.length === 0) return new Map();
    const role = new EksNodeRole(this, 'node-role', { name: `${props.name}-nodes`, partition: props.partition, tags: props.tags });
    return new Map(
      groups.map(([name, group]) => [
        name,
        new EksNodeGroup(this, `node-group-${name}`, {
          ...group,
          name,
          clusterName: this.cluster.clusterName,
          version: this.cluster.clusterVersion,
          nodeRoleArn: role.roleArn,
          subnetIds: props.subnetIds,
          dependsOn: vpcCni,
          tags: props.tags,
        }),
      ]),
    );
  }

  private placeEfsCsiDriver(props: KubernetesClusterProps, compute: readonly ITerraformDependable[]): void {
    const efs = props.addons['aws-efs-csi-driver'];
    if (!efs) return;
    const partition = props.partition ?? 'aws';
    const role = new ServiceAccountRole(this, 'efs-csi-role', {
      name: `${props.name}-efs-csi`,
      description: `EFS CSI driver of EKS cluster ${props.name}`,
      trust: efs.identity === 'irsa' ? this.irsa('efs-csi-*') : { kind: 'pod-identity', accountId: props.accountId },
      managedPolicyArns: { efs: `arn:${partition}:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy` },
      tags: props.tags,
    });
    this.addon(
      'aws-efs-csi-driver',
      props,
      compute,
      efs.identity === 'irsa'
        ? { serviceAccountRoleArn: role.roleArn }
        : { podIdentity: { roleArn: role.roleArn, serviceAccount: 'efs-csi-controller-sa' } },
    );
  }

  get clusterName(): string {
    return this.cluster.clusterName;
  }
}

function validate(props: KubernetesClusterProps): void {
  const where = `KubernetesCluster ${props.name}`;
  const groups = Object.keys(props.nodeGroups ?? {});
  const profiles = Object.keys(props.fargateProfiles ?? {});
  validateConstructNames(where, 'nodeGroups name', groups);
  if (groups.length > MAX_NODE_GROUPS) {
    throw new Error(`${where}: nodeGroups has ${groups.length}; EKS allows ${MAX_NODE_GROUPS} managed node groups per cluster`);
  }
  if (groups.length + profiles.length === 0) {
    throw new Error(`${where}: no nodeGroups and no fargateProfiles; coredns needs somewhere to run — add one of them`);
  }
  if (Object.keys(props.access).length === 0) {
    throw new Error(`${where}: access is empty; the creator gets no admin rights, so name at least the deploy role`);
  }
}
