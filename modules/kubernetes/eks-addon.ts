import { EksAddon as EksAddonResource } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { PolicyStatement } from '../containers/iam';

/** The add-ons this project manages; anything else goes through GitOps. */
export const EKS_ADDONS = ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent', 'aws-efs-csi-driver'] as const;
export type EksAddonName = (typeof EKS_ADDONS)[number];

export interface EksAddonProps {
  readonly clusterName: string;
  readonly addonName: EksAddonName;
  /** Pinned version, e.g. `v1.19.2-eksbuild.1`: never looked up at plan time. Raising it updates the add-on in place. */
  readonly version: string;
  /** IRSA role of the add-on's service account. @default - none */
  readonly serviceAccountRoleArn?: string;
  /** EKS Pod Identity role of one of its service accounts. @default - none */
  readonly podIdentity?: { readonly roleArn: string; readonly serviceAccount: string };
  /** Add-on configuration (its JSON schema is per add-on and version). @default - EKS defaults */
  readonly configuration?: Readonly<Record<string, unknown>>;
  /** What the add-on waits for: vpc-cni nothing, coredns the nodes. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** On creation, take over fields a self-managed install set. @default 'OVERWRITE' */
  readonly resolveConflictsOnCreate?: 'NONE' | 'OVERWRITE';
  /** On update, keep changes made on the cluster. @default 'PRESERVE' */
  readonly resolveConflictsOnUpdate?: 'NONE' | 'OVERWRITE' | 'PRESERVE';
}

/** One EKS managed add-on with a pinned version and explicit conflict resolution. */
export class EksAddon extends Construct {
  readonly addon: EksAddonResource;

  constructor(scope: Construct, id: string, props: EksAddonProps) {
    super(scope, id);
    if (!/^v\d+\.\d+\.\d+-eksbuild\.\d+$/.test(props.version)) {
      throw new Error(`EksAddon ${props.addonName}: version "${props.version}" is not an add-on version such as v1.19.2-eksbuild.1`);
    }
    this.addon = new EksAddonResource(this, 'addon', {
      clusterName: props.clusterName,
      addonName: props.addonName,
      addonVersion: props.version,
      resolveConflictsOnCreate: props.resolveConflictsOnCreate ?? 'OVERWRITE',
      resolveConflictsOnUpdate: props.resolveConflictsOnUpdate ?? 'PRESERVE',
      ...(props.serviceAccountRoleArn ? { serviceAccountRoleArn: props.serviceAccountRoleArn } : {}),
      ...(props.podIdentity ? { podIdentityAssociation: [{ ...props.podIdentity }] } : {}),
      ...(props.configuration ? { configurationValues: JSON.stringify(props.configuration) } : {}),
      dependsOn: [...(props.dependsOn ?? [])],
    });
  }
}

/**
 * What the VPC CNI needs on an IPv6 cluster (AWS's documented AmazonEKS_CNI_IPv6_Policy, which is
 * not an AWS managed policy): assign IPv6 addresses and tag its ENIs.
 */
export function cniIpv6Statements(partition = 'aws'): PolicyStatement[] {
  return [
    {
      Sid: 'AssignIpv6',
      Effect: 'Allow',
      Action: [
        'ec2:AssignIpv6Addresses',
        'ec2:DescribeInstances',
        'ec2:DescribeTags',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeInstanceTypes',
      ],
      Resource: '*',
    },
    { Sid: 'TagNetworkInterfaces', Effect: 'Allow', Action: 'ec2:CreateTags', Resource: `arn:${partition}:ec2:*:*:network-interface/*` },
  ];
}
