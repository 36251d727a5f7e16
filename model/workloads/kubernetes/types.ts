/** A role named in config: by name in the cluster's account (its id may come from the org stack), or by ARN. */
export type RoleRef = { readonly roleName: string } | { readonly arn: string };

export interface ClusterAccessPlan {
  readonly name: string;
  readonly role: RoleRef;
  readonly level: 'admin' | 'edit' | 'view';
  readonly namespaces: readonly string[];
}

export interface NodeGroupPlan {
  readonly name: string;
  readonly instanceTypes: readonly string[];
  readonly amiType: 'AL2023_x86_64_STANDARD' | 'AL2023_ARM_64_STANDARD';
  readonly capacityType: 'ON_DEMAND' | 'SPOT';
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  readonly maxPods?: number;
  readonly metadataHopLimit: 1 | 2;
  readonly rootVolumeGiB: number;
  readonly maxUnavailablePercentage: number;
  readonly labels: Readonly<Record<string, string>>;
}

export interface FargateProfilePlan {
  readonly name: string;
  readonly selectors: readonly { readonly namespace: string; readonly labels: Readonly<Record<string, string>> }[];
}

export interface EksClusterPlan {
  /** The cluster's name in config: construct IDs and contract keys. */
  readonly name: string;
  /** Its name in EKS: `<org>-<env>-<account>-<name>`. */
  readonly clusterName: string;
  readonly version: string;
  readonly ipFamily: 'ipv4' | 'ipv6';
  /** Keys of the spoke contract's `subnet_ids` for the control plane, nodes and Fargate pods (`app-<zone letter>`). */
  readonly subnetKeys: readonly string[];
  /** CIDRs of the public endpoint; empty: private only. */
  readonly publicAccessCidrs: readonly string[];
  readonly apiCallers: { readonly tiers: readonly ('web' | 'app' | 'data')[]; readonly cidrs: Readonly<Record<string, string>> };
  /** Access entries by name, the deploy role first (`deploy`, admin). */
  readonly access: readonly ClusterAccessPlan[];
  /** Administrators of the secrets key: the deploy role and the admin roles of `access`. */
  readonly keyAdministrators: readonly RoleRef[];
  readonly logRetentionDays: number;
  readonly extraLogTypes: readonly ('controllerManager' | 'scheduler')[];
  readonly supportType: 'STANDARD' | 'EXTENDED';
  readonly nodeGroups: readonly NodeGroupPlan[];
  readonly fargateProfiles: readonly FargateProfilePlan[];
  readonly addons: {
    readonly 'vpc-cni': { readonly version: string };
    readonly coredns: { readonly version: string };
    readonly 'kube-proxy': { readonly version: string };
    readonly 'eks-pod-identity-agent': { readonly version: string };
    readonly 'aws-efs-csi-driver'?: { readonly version: string; readonly identity: 'irsa' | 'pod-identity' };
  };
}

export interface KubernetesPlan {
  readonly clusters: readonly EksClusterPlan[];
}
