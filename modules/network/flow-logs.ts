import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { PolicyDocument } from '../shared/policy-document';

/** Deliver to an S3 bucket, typically the central one in the log-archive account (FlowLogBucket). */
export interface FlowLogsToS3 {
  readonly type: 's3';
  /**
   * ARN of the bucket, without a key prefix: logs land under `AWSLogs/<account id>/vpcflowlogs/`,
   * where the bucket policy lets the log delivery service write. CAUTION: changing it replaces the flow log.
   */
  readonly bucketArn: string;
}

/** Deliver to a CloudWatch Logs group created here, through a role created here. */
export interface FlowLogsToCloudWatchLogs {
  readonly type: 'cloud-watch-logs';
  /** Account that owns the VPC: the delivery role trusts vpc-flow-logs.amazonaws.com only for this aws:SourceAccount. */
  readonly accountId: string;
  /** Days the log group keeps events (a value CloudWatch Logs accepts). @default 365 */
  readonly retentionInDays?: number;
  /** KMS key of the log group; its key policy must allow `logs.<region>.amazonaws.com`. @default - CloudWatch Logs' own encryption */
  readonly kmsKeyArn?: string;
}

export type FlowLogDestination = FlowLogsToS3 | FlowLogsToCloudWatchLogs;

export interface FlowLogsProps {
  /**
   * Name tag of the flow log; for CloudWatch Logs also the log group `/aws/vpc-flow-logs/<name>` and
   * the role `<name>-flow-logs`. CAUTION: changing it replaces the log group and the role.
   */
  readonly name: string;
  /** CAUTION: changing it replaces the flow log. */
  readonly vpcId: string;
  readonly destination: FlowLogDestination;
  /** Seconds over which a flow is aggregated into a record: 60 or 600. CAUTION: changing it replaces the flow log. @default 60 */
  readonly maxAggregationInterval?: number;
  /** Record format (`${version} ${srcaddr} …`). CAUTION: changing it replaces the flow log. @default - the AWS default format */
  readonly logFormat?: string;
}

const LOG_GROUP_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * Flow logs of a VPC, accepted and rejected traffic (`ALL`). To S3: Parquet, Hive-compatible
 * partitions per hour, ready for Athena. To CloudWatch Logs: a log group with retention and a
 * delivery role that only the VPC's own account can make the service assume.
 */
export class FlowLogs extends Construct {
  readonly flowLog: FlowLog;
  readonly logGroup?: CloudwatchLogGroup;
  readonly role?: IamRole;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    validate(props);
    const common = {
      vpcId: props.vpcId,
      trafficType: 'ALL',
      maxAggregationInterval: props.maxAggregationInterval ?? 60,
      logFormat: props.logFormat,
      tags: { Name: props.name },
    };
    const destination = props.destination;
    if (destination.type === 's3') {
      this.flowLog = new FlowLog(this, 'flow-log', {
        ...common,
        logDestinationType: 's3',
        logDestination: destination.bucketArn,
        destinationOptions: { fileFormat: 'parquet', hiveCompatiblePartitions: true, perHourPartition: true },
      });
      return;
    }
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: `/aws/vpc-flow-logs/${props.name}`,
      retentionInDays: destination.retentionInDays ?? 365,
      kmsKeyId: destination.kmsKeyArn,
      tags: { Name: props.name },
    });
    this.role = new IamRole(this, 'delivery-role', {
      name: `${props.name}-flow-logs`,
      description: `Delivers the flow logs of ${props.name} to CloudWatch Logs`,
      assumeRolePolicy: JSON.stringify(deliveryTrustPolicy(destination.accountId)),
      tags: { Name: `${props.name}-flow-logs` },
    });
    new IamRolePolicy(this, 'delivery-policy', {
      name: 'deliver-flow-logs',
      role: this.role.id,
      policy: JSON.stringify(deliveryPolicy(this.logGroup.arn)),
    });
    this.flowLog = new FlowLog(this, 'flow-log', {
      ...common,
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: this.role.arn,
    });
  }

  get flowLogId(): string {
    return this.flowLog.id;
  }

  /** The log group's name; undefined when delivering to S3. */
  get logGroupName(): string | undefined {
    return this.logGroup?.name;
  }

  /** The log group's ARN; undefined when delivering to S3. */
  get logGroupArn(): string | undefined {
    return this.logGroup?.arn;
  }

  /** The delivery role's ARN; undefined when delivering to S3. */
  get roleArn(): string | undefined {
    return this.role?.arn;
  }
}

/** Trust of the delivery role: only the flow-logs service, acting for `accountId` (confused-deputy guard). */
export function deliveryTrustPolicy(accountId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'FlowLogsServiceOfThisAccount',
        Effect: 'Allow',
        Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
      },
    ],
  };
}

/** What the delivery role may do: write streams and events of its own log group only. */
export function deliveryPolicy(logGroupArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'WriteFlowLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [logGroupArn, `${logGroupArn}:*`],
      },
      // A list action: it authorizes only on all log groups, and reveals names, not events.
      { Sid: 'FindLogGroup', Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
    ],
  };
}

function validate(props: FlowLogsProps): void {
  const owner = `FlowLogs ${props.name}`;
  const interval = props.maxAggregationInterval ?? 60;
  if (interval !== 60 && interval !== 600) throw new Error(`${owner}: maxAggregationInterval must be 60 or 600 seconds, got ${interval}`);
  const destination = props.destination;
  if (destination.type === 's3') {
    const arn = destination.bucketArn;
    if (!Token.isUnresolved(arn) && !/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(arn))
      throw new Error(`${owner}: destination.bucketArn ${arn} is not a bucket ARN (arn:aws:s3:::<bucket>, without a key prefix)`);
    return;
  }
  if (!Token.isUnresolved(destination.accountId) && !/^\d{12}$/.test(destination.accountId))
    throw new Error(`${owner}: destination.accountId ${destination.accountId} is not a 12-digit account id`);
  const retention = destination.retentionInDays ?? 365;
  if (!LOG_GROUP_RETENTION_DAYS.includes(retention))
    throw new Error(
      `${owner}: destination.retentionInDays ${retention} is not accepted by CloudWatch Logs; use one of ${LOG_GROUP_RETENTION_DAYS.join(', ')}`,
    );
  const roleName = `${props.name}-flow-logs`;
  if (!Token.isUnresolved(props.name) && roleName.length > 64)
    throw new Error(`${owner}: the role name ${roleName} is over 64 characters; shorten name`);
}
