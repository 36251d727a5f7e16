import { BatchJobDefinition as BatchJobDefinitionResource } from '@cdktf/provider-aws/lib/batch-job-definition';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { checkAccountId, checkIntegerRange, checkLogRetention, checkName, checkRegion, isKnown } from '../containers/checks';
import { ServiceRole, serviceTrustPolicy, type PolicyStatement } from '../containers/iam';
import { checkRetryStrategy, SPOT_RECLAIM_RETRY, type BatchRetryStrategy } from './retry-strategy';

export interface BatchJobDefinitionProps {
  /** Job definition name, also its log group and job role names. CAUTION: changing it registers a new definition and replaces the role. */
  readonly name: string;
  /** Account of the jobs (trust policy conditions). */
  readonly accountId: string;
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** Image URI, e.g. an ECR image `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`. */
  readonly image: string;
  /** @default 1 */
  readonly vcpus?: number;
  /** @default 2048 */
  readonly memoryMiB?: number;
  /** @default - the image's CMD */
  readonly command?: readonly string[];
  /** Plain, non-secret environment variables. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Non-root `uid:gid` the container runs as. @default '1000:1000' */
  readonly user?: string;
  /**
   * Read-only root file system; the job writes only to `scratchPaths`. Turn off only for images
   * that cannot run without writing elsewhere. @default true
   */
  readonly readonlyRootFilesystem?: boolean;
  /** Writable scratch volumes (Docker volumes of the instance) mounted at these paths. @default ['/tmp'] */
  readonly scratchPaths?: readonly string[];
  /** @default 2 attempts: RETRY on status reason `Host EC2*` (Spot reclaim), EXIT on anything else */
  readonly retryStrategy?: BatchRetryStrategy;
  /** Seconds an attempt may run before Batch stops it (at least 60). @default 3600 */
  readonly timeoutSeconds?: number;
  /** What the job's code may do. @default [] */
  readonly jobRoleStatements?: readonly PolicyStatement[];
  /** @default 90 */
  readonly logRetentionDays?: number;
  /** KMS key of the log group (its policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A container job definition for EC2 compute environments: never privileged, non-root, read-only
 * root file system with scratch volumes, logs to its own CloudWatch log group, a job role of its
 * own, a retry strategy that ends in a catch-all EXIT, and a timeout.
 */
export class BatchJobDefinition extends Construct {
  readonly jobDefinition: BatchJobDefinitionResource;
  readonly logGroup: CloudwatchLogGroup;
  readonly jobRole: ServiceRole;

  constructor(scope: Construct, id: string, props: BatchJobDefinitionProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    const tags = { JobDefinition: props.name, ...props.tags };
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/batch/${props.name}`,
      retentionInDays: props.logRetentionDays ?? 90,
      kmsKeyId: props.logKmsKeyArn,
      tags: { Name: props.name, ...tags },
    });
    this.jobRole = new ServiceRole(this, 'job-role', {
      name: `${props.name}-job`,
      description: `What the jobs of Batch job definition ${props.name} run as`,
      trustPolicy: serviceTrustPolicy(
        'ecs-tasks.amazonaws.com',
        props.accountId,
        `arn:${partition}:ecs:${props.region}:${props.accountId}:*`,
      ),
      statements: props.jobRoleStatements ?? [],
      tags,
    });
    const retry = props.retryStrategy ?? SPOT_RECLAIM_RETRY;
    this.jobDefinition = new BatchJobDefinitionResource(this, 'job-definition', {
      name: props.name,
      type: 'container',
      platformCapabilities: ['EC2'],
      containerProperties: JSON.stringify(containerProperties(props, this.logGroup.name, this.jobRole.roleArn)),
      retryStrategy: { attempts: retry.attempts, evaluateOnExit: retry.evaluateOnExit.map((entry) => ({ ...entry })) },
      timeout: { attemptDurationSeconds: props.timeoutSeconds ?? 3600 },
      propagateTags: true,
      deregisterOnNewRevision: true,
      tags: { Name: props.name, ...tags },
    });
  }

  get jobDefinitionArn(): string {
    return this.jobDefinition.arn;
  }

  get jobRoleArn(): string {
    return this.jobRole.roleArn;
  }
}

/** The `containerProperties` JSON of a job definition. */
export function containerProperties(props: BatchJobDefinitionProps, logGroupName: string, jobRoleArn: string): Record<string, unknown> {
  const readonlyRoot = props.readonlyRootFilesystem ?? true;
  const scratch = (props.scratchPaths ?? ['/tmp']).map((containerPath) => ({
    containerPath,
    name: `scratch${containerPath.replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-$/, ''),
  }));
  return {
    image: props.image,
    ...(props.command ? { command: [...props.command] } : {}),
    jobRoleArn,
    resourceRequirements: [
      { type: 'VCPU', value: String(props.vcpus ?? 1) },
      { type: 'MEMORY', value: String(props.memoryMiB ?? 2048) },
    ],
    environment: Object.entries(props.environment ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
    user: props.user ?? '1000:1000',
    privileged: false,
    readonlyRootFilesystem: readonlyRoot,
    volumes: scratch.map(({ name }) => ({ name })),
    mountPoints: scratch.map(({ name, containerPath }) => ({ sourceVolume: name, containerPath, readOnly: false })),
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': logGroupName, 'awslogs-region': props.region, 'awslogs-stream-prefix': 'job' },
    },
  };
}

function validate(props: BatchJobDefinitionProps): void {
  const where = `BatchJobDefinition ${props.name}`;
  // IAM role names have at most 64 characters; the job role adds `-job`.
  checkName(where, 'name', props.name, 60);
  checkAccountId(where, 'accountId', props.accountId);
  checkRegion(where, props.region);
  if (isKnown(props.image) && props.image.trim() === '') throw new Error(`${where}: image is empty; give an image URI`);
  checkIntegerRange(where, 'vcpus', props.vcpus, 1, 192);
  checkIntegerRange(where, 'memoryMiB', props.memoryMiB, 4, 2_000_000);
  checkIntegerRange(where, 'timeoutSeconds', props.timeoutSeconds, 60, 1_209_600, 'Batch stops attempts after at least 60 seconds');
  checkLogRetention(where, 'logRetentionDays', props.logRetentionDays);
  const user = props.user;
  if (user !== undefined && (user === 'root' || user === '0' || user.startsWith('0:') || user.startsWith('root:'))) {
    throw new Error(`${where}: user "${user}" runs as root; run as a non-root user such as "1000:1000"`);
  }
  for (const path of props.scratchPaths ?? []) {
    if (!path.startsWith('/')) throw new Error(`${where}: scratchPaths has "${path}"; give absolute container paths such as /tmp`);
  }
  if (props.retryStrategy) checkRetryStrategy(where, props.retryStrategy);
}
