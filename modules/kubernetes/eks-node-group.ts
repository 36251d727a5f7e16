import { EksNodeGroup as EksNodeGroupResource } from '@cdktf/provider-aws/lib/eks-node-group';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Fn, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { policyDocument, ServiceRole } from '../containers/iam';
import { checkIntegerRange, checkName, checkNotEmpty } from './checks';

/** EKS quotas this module refuses to exceed (the API would reject them at apply time). */
export const MAX_NODES_PER_GROUP = 450;

export type Al2023AmiType = 'AL2023_x86_64_STANDARD' | 'AL2023_ARM_64_STANDARD';

export interface EksNodeGroupProps {
  /** Node group name within its cluster; the prefix of the name EKS gets. CAUTION: changing it replaces the group (create before destroy). */
  readonly name: string;
  readonly clusterName: string;
  /** Kubernetes version of the nodes; pass the cluster's so an upgrade rolls the nodes in place. */
  readonly version: string;
  readonly nodeRoleArn: string;
  /** Subnets of the nodes (the spoke's app tier). CAUTION: changing them replaces the group (create before destroy). */
  readonly subnetIds: readonly string[];
  /** CAUTION: changing them replaces the group (create before destroy, so capacity is never cut). */
  readonly instanceTypes: readonly string[];
  /** CAUTION: changing it replaces the group (create before destroy). @default 'ON_DEMAND' */
  readonly capacityType?: 'ON_DEMAND' | 'SPOT';
  /** CAUTION: changing it replaces the group (create before destroy). @default 'AL2023_x86_64_STANDARD' */
  readonly amiType?: Al2023AmiType;
  readonly minSize: number;
  readonly maxSize: number;
  /** Nodes at creation; later the cluster autoscaler owns it (Terraform ignores changes). @default minSize */
  readonly desiredSize?: number;
  /** Nodes replaced at once during an update, as a percentage. @default 33 */
  readonly maxUnavailablePercentage?: number;
  /** IMDS hops: 1 keeps pods away from the node role; 2 for pods that need instance metadata. @default 1 */
  readonly metadataHopLimit?: 1 | 2;
  /** Encrypted gp3 root volume size. @default 50 */
  readonly rootVolumeGiB?: number;
  /** Pods per node set through nodeadm; must fit the instance types' ENI limit. @default - EKS's own value */
  readonly maxPods?: number;
  /** @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** Created after these (the vpc-cni add-on, so nodes become Ready). @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A managed node group on AL2023 with a launch template that requires IMDSv2 and encrypts the root
 * volume. Named by prefix and created before destroyed, so a change of instance types or subnets
 * brings new nodes up before the old ones drain; the autoscaler owns the desired size.
 */
export class EksNodeGroup extends Construct {
  readonly launchTemplate: LaunchTemplate;
  readonly nodeGroup: EksNodeGroupResource;

  constructor(scope: Construct, id: string, props: EksNodeGroupProps) {
    super(scope, id);
    validate(props);
    const tags = { ...props.tags };
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      namePrefix: `${props.clusterName}-${props.name}-`,
      description: `Nodes of ${props.name} in EKS cluster ${props.clusterName}`,
      updateDefaultVersion: true,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: props.metadataHopLimit ?? 1,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: { volumeSize: props.rootVolumeGiB ?? 50, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
        },
      ],
      ...(props.maxPods !== undefined ? { userData: Buffer.from(nodeadmUserData(props.maxPods)).toString('base64') } : {}),
      tagSpecifications: [{ resourceType: 'instance', tags: { Name: nameTag(props), ...tags } }],
      tags: { Name: nameTag(props), ...tags },
      lifecycle: { createBeforeDestroy: true },
    });
    this.nodeGroup = new EksNodeGroupResource(this, 'node-group', {
      clusterName: props.clusterName,
      nodeGroupNamePrefix: `${props.name}-`,
      version: props.version,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: [...props.subnetIds],
      amiType: props.amiType ?? 'AL2023_x86_64_STANDARD',
      capacityType: props.capacityType ?? 'ON_DEMAND',
      instanceTypes: [...props.instanceTypes],
      scalingConfig: { minSize: props.minSize, maxSize: props.maxSize, desiredSize: props.desiredSize ?? props.minSize },
      updateConfig: { maxUnavailablePercentage: props.maxUnavailablePercentage ?? 33 },
      nodeRepairConfig: { enabled: true },
      launchTemplate: { id: this.launchTemplate.id, version: Fn.tostring(this.launchTemplate.latestVersion) },
      labels: { ...props.labels },
      tags: { Name: nameTag(props), ...tags },
      dependsOn: [...(props.dependsOn ?? [])],
      lifecycle: { createBeforeDestroy: true, ignoreChanges: ['scaling_config[0].desired_size'] },
    });
  }

  get nodeGroupName(): string {
    return this.nodeGroup.nodeGroupName;
  }

  /** The Auto Scaling group EKS runs the nodes in (known once the node group exists): EC2 metrics by AutoScalingGroupName. */
  get autoScalingGroupName(): string {
    return this.nodeGroup.resources.get(0).autoscalingGroups.get(0).name;
  }
}

/** The Name tag of a node group and of its instances: `<cluster>-<node group>`. */
function nameTag(props: Pick<EksNodeGroupProps, 'clusterName' | 'name'>): string {
  return `${props.clusterName}-${props.name}`;
}

/** Tags a node group and each of its instances carry: FIS targets and IAM conditions select by them. */
export function nodeGroupSelectionTags(clusterName: string, name: string): Readonly<Record<string, string>> {
  return { Name: nameTag({ clusterName, name }) };
}

/** AL2023 reads kubelet settings from a NodeConfig part; EKS merges it with its own. */
export function nodeadmUserData(maxPods: number): string {
  return [
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="BOUNDARY"',
    '',
    '--BOUNDARY',
    'Content-Type: application/node.eks.aws',
    '',
    'apiVersion: node.eks.aws/v1alpha1',
    'kind: NodeConfig',
    'spec:',
    '  kubelet:',
    '    config:',
    `      maxPods: ${maxPods}`,
    '',
    '--BOUNDARY--',
    '',
  ].join('\n');
}

export interface EksNodeRoleProps {
  /** Role name. CAUTION: changing it replaces the role and every node group using it. */
  readonly name: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The role of a cluster's managed nodes: join the cluster and pull from ECR. The VPC CNI gets its
 * own IRSA role, so nodes (and pods reaching IMDS) hold no network permissions.
 */
export class EksNodeRole extends ServiceRole {
  constructor(scope: Construct, id: string, props: EksNodeRoleProps) {
    const partition = props.partition ?? 'aws';
    super(scope, id, {
      name: props.name,
      description: 'Managed nodes of an EKS cluster',
      // EC2 sets no aws:SourceAccount on instance-profile sessions, so no condition here.
      trustPolicy: policyDocument([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
      managedPolicyArns: {
        worker: `arn:${partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy`,
        'ecr-pull': `arn:${partition}:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly`,
      },
      tags: props.tags,
    });
  }
}

function validate(props: EksNodeGroupProps): void {
  const where = `EksNodeGroup ${props.name}`;
  // The prefix plus the 26 characters Terraform appends must fit EKS's 63.
  checkName(where, 'name', props.name, 36);
  checkNotEmpty(where, 'instanceTypes', props.instanceTypes, 'give at least one instance type');
  checkNotEmpty(where, 'subnetIds', props.subnetIds, 'give the app-tier subnets of the spoke');
  checkIntegerRange(where, 'maxSize', props.maxSize, 1, MAX_NODES_PER_GROUP, 'EKS allows at most 450 nodes per managed node group');
  checkIntegerRange(where, 'minSize', props.minSize, 0, props.maxSize, 'keep minSize ≤ maxSize');
  if (props.desiredSize !== undefined)
    checkIntegerRange(where, 'desiredSize', props.desiredSize, props.minSize, props.maxSize, 'keep it within minSize–maxSize');
  checkIntegerRange(where, 'maxUnavailablePercentage', props.maxUnavailablePercentage, 1, 100);
  checkIntegerRange(where, 'rootVolumeGiB', props.rootVolumeGiB, 20, 16384);
  checkIntegerRange(where, 'maxPods', props.maxPods, 1, 737);
}
