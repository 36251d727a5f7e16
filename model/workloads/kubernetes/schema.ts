import { z } from 'zod';
import { Ipv4CidrText, ResourceName } from '../../schema-primitives';

/* The `kubernetes` section of a workloads file: EKS clusters, their nodes, add-ons and access. */

const AddonVersion = z
  .string()
  .regex(
    /^v\d+\.\d+\.\d+-eksbuild\.\d+$/,
    'is not an EKS add-on version — pin one such as v1.19.2-eksbuild.1 (aws eks describe-addon-versions)',
  );

const Addon = z.strictObject({ version: AddonVersion.describe('Pinned version; never looked up at plan time.') });

const Addons = z
  .strictObject({
    'vpc-cni': Addon.describe('Amazon VPC CNI; created before the nodes, with its own IRSA role.'),
    coredns: Addon,
    'kube-proxy': Addon,
    'eks-pod-identity-agent': Addon,
    'aws-efs-csi-driver': z
      .strictObject({
        version: AddonVersion,
        identity: z
          .enum(['irsa', 'pod-identity'])
          .default('pod-identity')
          .describe('How the driver gets its role: Pod Identity, or IRSA trusted on kube-system:efs-csi-*.'),
      })
      .optional(),
  })
  .describe('Managed add-ons with pinned versions. The cluster installs nothing else by itself (bootstrap_self_managed_addons is off).');

const RoleReference = z
  .string()
  .regex(
    /^([\w+=,.@-]{1,64}|arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512})$/,
    'is not an IAM role name or role ARN — give a role name of this account (platform-admins) or a full role ARN',
  );

const Access = z.strictObject({
  role: RoleReference.describe('A role of this account by name, or any role by ARN.'),
  level: z
    .enum(['admin', 'edit', 'view'])
    .describe('EKS access policy: AmazonEKSClusterAdminPolicy, AmazonEKSEditPolicy or AmazonEKSViewPolicy.'),
  namespaces: z
    .array(z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'is not a namespace name'))
    .default([])
    .describe('Limit the policy to these namespaces; the whole cluster when empty.'),
});

const NodeGroup = z.strictObject({
  instanceTypes: z
    .array(z.string())
    .min(1)
    .describe(
      'Instance types (of the project table in model/workloads/kubernetes/instance-types.ts). Changing them creates a new group before the old one goes.',
    ),
  capacityType: z.enum(['ON_DEMAND', 'SPOT']).default('ON_DEMAND'),
  minSize: z.int().min(0).default(1),
  maxSize: z.int().min(1).default(3).describe('At most 450 nodes per managed node group (EKS quota).'),
  desiredSize: z.int().min(0).optional().describe('Nodes at creation only; afterwards the cluster autoscaler owns it. Default: minSize.'),
  maxPods: z.int().min(1).optional().describe('Pods per node; must fit the ENI limit of every instance type (m5.large: 29).'),
  metadataHopLimit: z
    .union([z.literal(1), z.literal(2)])
    .default(1)
    .describe('IMDSv2 hop limit: 2 only for pods that need instance metadata.'),
  rootVolumeGiB: z.int().min(20).max(16384).default(50),
  maxUnavailablePercentage: z.int().min(1).max(100).default(33).describe('Nodes replaced at once during an update.'),
  labels: z.record(z.string(), z.string()).default({}),
});

const FargateProfile = z.strictObject({
  selectors: z
    .array(
      z.strictObject({
        namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'is not a namespace name'),
        labels: z.record(z.string(), z.string()).default({}),
      }),
    )
    .min(1)
    .max(5)
    .describe('Pods matching a namespace (and labels) run on Fargate: no DaemonSets, no GPUs, one pod per micro-VM.'),
});

export const EksClusterSchema = z.strictObject({
  version: z
    .string()
    .regex(/^1\.\d{2}$/, 'is not a Kubernetes minor version — give it as "1.31" (quoted)')
    .describe('Kubernetes version; raise it one minor at a time (an in-place upgrade of control plane, then nodes).'),
  ipFamily: z
    .enum(['ipv4', 'ipv6'])
    .default('ipv4')
    .describe('CAUTION: fixed at creation — changing it replaces the cluster. ipv6 needs a dual-stack spoke.'),
  publicEndpoint: z
    .strictObject({ cidrs: z.array(Ipv4CidrText).min(1).describe('Only these networks reach the public endpoint.') })
    .optional()
    .describe('A public API endpoint besides the private one; never in a prod-segment account.'),
  apiCallers: z
    .strictObject({
      tiers: z
        .array(z.enum(['web', 'app', 'data']))
        .default(['app'])
        .describe("The spoke's tier security groups allowed to the private endpoint."),
      cidrs: z.record(ResourceName, Ipv4CidrText).default({}).describe('Other networks (e.g. CI runners) by name.'),
    })
    .default({ tiers: ['app'], cidrs: {} }),
  access: z.record(ResourceName, Access).default({}).describe('Who may use the cluster besides the deploy role (always admin).'),
  logRetentionDays: z.int().min(1).default(365),
  extraLogTypes: z
    .array(z.enum(['controllerManager', 'scheduler']))
    .default([])
    .describe('Logs beyond api, audit and authenticator.'),
  supportType: z.enum(['STANDARD', 'EXTENDED']).default('STANDARD'),
  nodeGroups: z.record(ResourceName, NodeGroup).default({}).describe('Managed node groups (AL2023) by name; at most 30.'),
  fargateProfiles: z.record(ResourceName, FargateProfile).default({}),
  addons: Addons,
});

export const KubernetesSchema = z
  .strictObject({
    clusters: z.record(ResourceName, EksClusterSchema).default({}).describe('EKS clusters by name, in the spoke’s app tier.'),
  })
  .describe('Kubernetes: EKS clusters. No kubernetes or helm provider: in-cluster resources go through GitOps.');

export type KubernetesConfig = z.infer<typeof KubernetesSchema>;
export type EksClusterConfig = z.infer<typeof EksClusterSchema>;
export type NodeGroupConfig = z.infer<typeof NodeGroup>;
