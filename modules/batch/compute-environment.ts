import { BatchComputeEnvironment as BatchComputeEnvironmentResource } from '@cdktf/provider-aws/lib/batch-compute-environment';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkArn, checkIntegerRange, checkName, isKnown } from '../containers/checks';

/** `spot`: SPOT_CAPACITY_OPTIMIZED; `on-demand`: BEST_FIT_PROGRESSIVE. */
export type BatchCapacity = 'spot' | 'on-demand';

export interface BatchComputeEnvironmentProps {
  /**
   * Name of the launch template and prefix of the compute environment's name (`<name>-<suffix>`:
   * a replacement is created before the old one is destroyed). CAUTION: changing it replaces the
   * compute environment; swap environments blue/green through the queue order instead.
   */
  readonly name: string;
  /** CAUTION: changing it replaces the compute environment. */
  readonly capacity: BatchCapacity;
  /** Subnets of the instances (the spoke's app tier). */
  readonly subnetIds: readonly string[];
  /** Security groups of the instances (the spoke's app tier group). */
  readonly securityGroupIds: readonly string[];
  /** ARN of the instance profile of the instances (`BatchInstanceRole`). */
  readonly instanceProfileArn: string;
  /** Instance types or families; `optimal` lets Batch choose. @default ['optimal'] */
  readonly instanceTypes?: readonly string[];
  /** vCPUs kept running when no job waits. @default 0 */
  readonly minVcpus?: number;
  /** Upper bound of the environment's vCPUs. @default 256 */
  readonly maxVcpus?: number;
  /** Highest Spot price as a percentage of On-Demand (spot only). @default 100 */
  readonly bidPercentage?: number;
  /** Size of the instances' encrypted gp3 root volume in GiB (image layers and job scratch space). @default 30 */
  readonly rootVolumeGiB?: number;
  /**
   * Minutes an infrastructure update waits for running jobs before it replaces their instances
   * (running jobs are never terminated by the update itself). @default 120
   */
  readonly updateTimeoutMinutes?: number;
  /** @default 'ENABLED' */
  readonly state?: 'ENABLED' | 'DISABLED';
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const ALLOCATION: Readonly<Record<BatchCapacity, string>> = {
  spot: 'SPOT_CAPACITY_OPTIMIZED',
  'on-demand': 'BEST_FIT_PROGRESSIVE',
};

/**
 * A managed EC2 compute environment of AWS Batch: ECS AL2023 instances with IMDSv2 required and an
 * encrypted root volume, scaling from `minVcpus` to `maxVcpus`. Batch scales `desired_vcpus` itself,
 * so Terraform ignores it after creation; updates never kill running jobs.
 */
export class BatchComputeEnvironment extends Construct {
  readonly launchTemplate: LaunchTemplate;
  readonly computeEnvironment: BatchComputeEnvironmentResource;

  constructor(scope: Construct, id: string, props: BatchComputeEnvironmentProps) {
    super(scope, id);
    validate(props);
    const tags = { ...props.tags };
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      name: props.name,
      description: `Instances of Batch compute environment ${props.name}`,
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 2 },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: { volumeSize: props.rootVolumeGiB ?? 30, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true' },
        },
      ],
      tagSpecifications: [{ resourceType: 'volume', tags: { Name: props.name, ...tags } }],
      tags: { Name: props.name, ...tags },
    });
    const spot = props.capacity === 'spot';
    this.computeEnvironment = new BatchComputeEnvironmentResource(this, 'compute-environment', {
      computeEnvironmentNamePrefix: `${props.name}-`,
      type: 'MANAGED',
      state: props.state ?? 'ENABLED',
      // No service_role: Batch uses its service-linked role, which infrastructure updates require.
      computeResources: {
        type: spot ? 'SPOT' : 'EC2',
        allocationStrategy: ALLOCATION[props.capacity],
        ...(spot ? { bidPercentage: props.bidPercentage ?? 100 } : {}),
        instanceType: [...(props.instanceTypes ?? ['optimal'])],
        minVcpus: props.minVcpus ?? 0,
        maxVcpus: props.maxVcpus ?? 256,
        subnets: [...props.subnetIds],
        securityGroupIds: [...props.securityGroupIds],
        instanceRole: props.instanceProfileArn,
        launchTemplate: { launchTemplateId: this.launchTemplate.id, version: Token.asString(this.launchTemplate.latestVersion) },
        ec2Configuration: [{ imageType: 'ECS_AL2023' }],
        tags: { ...computeEnvironmentInstanceTags(props.name) },
      },
      updatePolicy: { terminateJobsOnUpdate: false, jobExecutionTimeoutMinutes: props.updateTimeoutMinutes ?? 120 },
      lifecycle: { createBeforeDestroy: true, ignoreChanges: ['compute_resources[0].desired_vcpus'] },
      tags: { Name: props.name, ...tags },
    });
  }

  get computeEnvironmentArn(): string {
    return this.computeEnvironment.arn;
  }
}

/** Tags Batch puts on every instance of the environment named `name` (`compute_resources.tags`): FIS targets and IAM conditions select by them. */
export function computeEnvironmentInstanceTags(name: string): Readonly<Record<string, string>> {
  return { Name: name };
}

function validate(props: BatchComputeEnvironmentProps): void {
  const where = `BatchComputeEnvironment ${props.name}`;
  // The prefix plus Terraform's 26-character suffix must fit Batch's 128 characters.
  checkName(where, 'name', props.name, 100);
  if (props.subnetIds.length === 0) throw new Error(`${where}: subnetIds is empty; give the app-tier subnets of the spoke`);
  if (props.securityGroupIds.length === 0) throw new Error(`${where}: securityGroupIds is empty; give the app-tier security group`);
  checkArn(where, 'instanceProfileArn', props.instanceProfileArn, 'iam', /^instance-profile\//);
  if (props.instanceTypes !== undefined && props.instanceTypes.length === 0) {
    throw new Error(`${where}: instanceTypes is empty; leave it out for ['optimal'] or list instance types or families`);
  }
  checkIntegerRange(where, 'minVcpus', props.minVcpus, 0, 100000);
  checkIntegerRange(where, 'maxVcpus', props.maxVcpus, 1, 100000);
  const min = props.minVcpus ?? 0;
  const max = props.maxVcpus ?? 256;
  if (isKnown(min) && isKnown(max) && min > max)
    throw new Error(`${where}: minVcpus ${min} is above maxVcpus ${max}; raise maxVcpus or lower minVcpus`);
  if (props.bidPercentage !== undefined && props.capacity !== 'spot') {
    throw new Error(`${where}: bidPercentage applies to spot capacity only; remove it or set capacity to 'spot'`);
  }
  checkIntegerRange(where, 'bidPercentage', props.bidPercentage, 1, 100);
  checkIntegerRange(where, 'rootVolumeGiB', props.rootVolumeGiB, 30, 16384, 'the ECS AL2023 image needs 30 GiB');
  checkIntegerRange(where, 'updateTimeoutMinutes', props.updateTimeoutMinutes, 1, 360);
}
