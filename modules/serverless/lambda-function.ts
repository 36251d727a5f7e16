import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaFunction as LambdaFunctionResource } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Construct } from 'constructs';
import { ServiceRole, serviceTrustPolicy, type PolicyStatement } from '../containers/iam';
import { validateConstructNames } from '../shared/names';
import { QueueSources, queueSourceStatements, type LambdaQueueSource } from './queue-sources';

export type { LambdaQueueSource } from './queue-sources';

/** Lambda's hard limits (per function). */
export const LAMBDA_LIMITS = { maxTimeoutSeconds: 900, minMemoryMb: 128, maxMemoryMb: 10240, minStorageMb: 512, maxStorageMb: 10240 };

/** Where the code is: an artifact CI built and uploaded; Terraform never packages it. */
export interface LambdaCode {
  readonly s3Bucket: string;
  /** CAUTION: a new key deploys new code. */
  readonly s3Key: string;
  /** @default - the bucket's current object (unversioned) */
  readonly s3ObjectVersion?: string;
  /** Base64 SHA-256 of the zip, so a rebuilt artifact under the same key is deployed. @default - none */
  readonly sourceCodeHash?: string;
}

export interface LambdaVpcPlacement {
  readonly vpcId: string;
  /** Subnets of the app tier, keyed by a stable name (`app-a`). */
  readonly subnetIds: readonly string[];
  /** Egress destinations (HTTPS), keyed by a stable name. @default { 'https-ipv4': '0.0.0.0/0' } */
  readonly httpsEgressCidrs?: Readonly<Record<string, string>>;
}

export interface LambdaFunctionProps {
  /** Function name. CAUTION: changing it replaces the function, its role and its log group. */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly code: LambdaCode;
  /** e.g. `nodejs22.x`, `python3.13`. */
  readonly runtime: string;
  readonly handler: string;
  /** @default 'arm64' */
  readonly architecture?: 'arm64' | 'x86_64';
  /** 128–10,240 MB. @default 128 */
  readonly memorySizeMb?: number;
  /** At most 900 s. @default 30 */
  readonly timeoutSeconds?: number;
  /** /tmp size, 512–10,240 MB. @default 512 */
  readonly ephemeralStorageMb?: number;
  /** Concurrency reserved for (and capped at) this function. @default - unreserved (policy rule LZ-LAMBDA-003 flags it) */
  readonly reservedConcurrency?: number;
  /** Plain, non-secret environment values. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default 30 */
  readonly logRetentionDays?: number;
  /** Application log level of the JSON logs. @default 'INFO' */
  readonly applicationLogLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';
  /**
   * SQS queue that receives failed asynchronous invocations (dead-letter config and on-failure destination).
   * @default - a queue `<name>-failures` created here (SSE, 14 days)
   */
  readonly failureQueueArn?: string;
  /** Run in these subnets with a security group of its own. @default - outside any VPC */
  readonly vpc?: LambdaVpcPlacement;
  /**
   * Queues that invoke the function, keyed by a stable name: an event source mapping each, with
   * partial batch responses, and the role may read exactly these queues. Each queue's visibility
   * timeout should be at least 6 × `timeoutSeconds` (plus the batching window).
   * @default {}
   */
  readonly queueSources?: Readonly<Record<string, LambdaQueueSource>>;
  /** Statements for the function's role, beyond logs, tracing, its failure queue and its queue sources. @default [] */
  readonly statements?: readonly PolicyStatement[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Lambda function with JSON logs in a log group created first (so Lambda never creates it
 * without retention), active X-Ray tracing, a failure queue, and a least-privilege role. In a VPC,
 * its security group is swapped out on destroy: Lambda's ENIs otherwise hold it for up to 45 minutes.
 */
export class LambdaFunction extends Construct {
  readonly function: LambdaFunctionResource;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: ServiceRole;
  readonly securityGroup?: SecurityGroup;
  readonly queueSources?: QueueSources;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    validate(props);
    const tags = { Name: props.name, ...props.tags };
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${props.name}`,
      retentionInDays: props.logRetentionDays ?? 30,
      tags,
    });
    const failureQueueArn = props.failureQueueArn ?? this.failureQueue(props.name, tags);
    this.role = new ServiceRole(this, 'role', {
      name: `${props.name}-lambda`,
      description: `Runs the Lambda function ${props.name}`,
      trustPolicy: serviceTrustPolicy('lambda.amazonaws.com', props.accountId),
      statements: [
        ...baseStatements(this.logGroup.arn, failureQueueArn),
        ...queueSourceStatements(props.queueSources ?? {}),
        ...(props.statements ?? []),
      ],
      managedPolicyArns: props.vpc ? { 'vpc-access': 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole' } : {},
      tags,
    });
    this.securityGroup = props.vpc ? this.vpcSecurityGroup(props.name, props.vpc, tags) : undefined;
    this.function = new LambdaFunctionResource(this, 'function', {
      functionName: props.name,
      role: this.role.roleArn,
      runtime: props.runtime,
      handler: props.handler,
      architectures: [props.architecture ?? 'arm64'],
      s3Bucket: props.code.s3Bucket,
      s3Key: props.code.s3Key,
      s3ObjectVersion: props.code.s3ObjectVersion,
      sourceCodeHash: props.code.sourceCodeHash,
      memorySize: props.memorySizeMb ?? 128,
      timeout: props.timeoutSeconds ?? 30,
      ephemeralStorage: { size: props.ephemeralStorageMb ?? 512 },
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: Object.keys(props.environment ?? {}).length > 0 ? { variables: { ...props.environment } } : undefined,
      tracingConfig: { mode: 'Active' },
      loggingConfig: {
        logFormat: 'JSON',
        logGroup: this.logGroup.name,
        applicationLogLevel: props.applicationLogLevel ?? 'INFO',
        systemLogLevel: 'WARN',
      },
      deadLetterConfig: { targetArn: failureQueueArn },
      ...(props.vpc && this.securityGroup
        ? {
            vpcConfig: { subnetIds: [...props.vpc.subnetIds], securityGroupIds: [this.securityGroup.id] },
            replaceSecurityGroupsOnDestroy: true,
          }
        : {}),
      // Read by policy rule LZ-LAMBDA-001: outside a VPC is a decision config made, not an omission.
      tags: props.vpc ? tags : { ...tags, PrivateResources: 'none' },
      dependsOn: [this.logGroup],
    });
    new LambdaFunctionEventInvokeConfig(this, 'invoke-config', {
      functionName: this.function.functionName,
      maximumRetryAttempts: 2,
      destinationConfig: { onFailure: { destination: failureQueueArn } },
    });
    if (Object.keys(props.queueSources ?? {}).length > 0) {
      this.queueSources = new QueueSources(this, 'sources', {
        functionName: this.function.functionName,
        sources: props.queueSources ?? {},
        rolePolicy: this.role.policy,
        tags,
      });
    }
  }

  get functionArn(): string {
    return this.function.arn;
  }

  get functionName(): string {
    return this.function.functionName;
  }

  get invokeArn(): string {
    return this.function.invokeArn;
  }

  private failureQueue(name: string, tags: Record<string, string>): string {
    return new SqsQueue(this, 'failures', {
      name: `${name}-failures`,
      messageRetentionSeconds: 14 * 24 * 3600,
      sqsManagedSseEnabled: true,
      tags,
    }).arn;
  }

  private vpcSecurityGroup(name: string, vpc: LambdaVpcPlacement, tags: Record<string, string>): SecurityGroup {
    const group = new SecurityGroup(this, 'security-group', {
      name: `${name}-lambda`,
      description: `Lambda function ${name}`,
      vpcId: vpc.vpcId,
      tags,
      // Hyperplane ENIs release the group up to 45 minutes after the function is gone.
      timeouts: { delete: '45m' },
      lifecycle: { createBeforeDestroy: true },
    });
    for (const [key, cidr] of Object.entries(vpc.httpsEgressCidrs ?? { 'https-ipv4': '0.0.0.0/0' })) {
      new VpcSecurityGroupEgressRule(this, `egress-${key}`, {
        securityGroupId: group.id,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        ...(cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr }),
        tags,
      });
    }
    return group;
  }
}

function baseStatements(logGroupArn: string, failureQueueArn: string): PolicyStatement[] {
  return [
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroupArn}:*` },
    { Sid: 'Tracing', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
    { Sid: 'Failures', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: failureQueueArn },
  ];
}

function validate(props: LambdaFunctionProps): void {
  const where = `LambdaFunction ${props.name}`;
  const { maxTimeoutSeconds, minMemoryMb, maxMemoryMb, minStorageMb, maxStorageMb } = LAMBDA_LIMITS;
  const inRange = (value: number | undefined, min: number, max: number) => value === undefined || (value >= min && value <= max);
  if (!inRange(props.timeoutSeconds, 1, maxTimeoutSeconds)) {
    throw new Error(
      `${where}: timeoutSeconds ${props.timeoutSeconds} is not 1–900; Lambda stops at 900 s, use Step Functions or Batch for longer work`,
    );
  }
  if (!inRange(props.memorySizeMb, minMemoryMb, maxMemoryMb)) {
    throw new Error(`${where}: memorySizeMb ${props.memorySizeMb} is not 128–10,240; give a size Lambda offers`);
  }
  if (!inRange(props.ephemeralStorageMb, minStorageMb, maxStorageMb)) {
    throw new Error(`${where}: ephemeralStorageMb ${props.ephemeralStorageMb} is not 512–10,240; give a size Lambda offers`);
  }
  if (props.reservedConcurrency !== undefined && props.reservedConcurrency < 0) {
    throw new Error(`${where}: reservedConcurrency must be 0 or more; leave it out for unreserved concurrency`);
  }
  if (props.vpc && props.vpc.subnetIds.length === 0) {
    throw new Error(`${where}: vpc.subnetIds is empty; give the app tier's subnets, or leave vpc out`);
  }
  validateConstructNames(where, 'vpc.httpsEgressCidrs key', Object.keys(props.vpc?.httpsEgressCidrs ?? {}));
}
