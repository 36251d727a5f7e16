import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { Construct } from 'constructs';
import { checkAccountId, checkArn, checkLogRetention, checkName, checkRegion } from '../containers/checks';
import { ServiceRole, serviceTrustPolicy, type PolicyStatement } from '../containers/iam';
import { FAILED_STATE, pipelineDefinition, type PipelineStep } from './state-machine-definition';

export type StateMachineLogLevel = 'ALL' | 'ERROR' | 'FATAL';

export interface BatchJobStateMachineProps {
  /** State machine name, also its log group and role names. CAUTION: changing it replaces the state machine (running executions stop). */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** Jobs submitted one after the other; the ARNs come from config names, so the role can be written before anything exists. */
  readonly steps: readonly PipelineStep[];
  /** @default 'ERROR' */
  readonly logLevel?: StateMachineLogLevel;
  /** Log each state's input and output; they may hold data the jobs process. @default false */
  readonly includeExecutionData?: boolean;
  /** @default 90 */
  readonly logRetentionDays?: number;
  /** KMS key of the log group (its policy must let CloudWatch Logs use it). @default - CloudWatch Logs' own encryption */
  readonly logKmsKeyArn?: string;
  /** EventBridge Scheduler expression that starts an execution, e.g. `cron(0 2 * * ? *)`. @default - started by hand or by other systems */
  readonly schedule?: string;
  /** Time zone of `schedule`. @default 'UTC' */
  readonly scheduleTimezone?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Step Functions state machine that submits Batch jobs with the `.sync` integration, logging to
 * CloudWatch Logs (no execution data unless asked) and tracing with X-Ray; its role may submit only
 * to its queues and definitions. Optionally started on a schedule by EventBridge Scheduler.
 */
export class BatchJobStateMachine extends Construct {
  readonly stateMachine: SfnStateMachine;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: ServiceRole;
  readonly schedule?: SchedulerSchedule;
  readonly schedulerRole?: ServiceRole;

  constructor(scope: Construct, id: string, props: BatchJobStateMachineProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    const tags = { StateMachine: props.name, ...props.tags };
    const stateMachineArn = `arn:${partition}:states:${props.region}:${props.accountId}:stateMachine:${props.name}`;
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/vendedlogs/states/${props.name}`,
      retentionInDays: props.logRetentionDays ?? 90,
      kmsKeyId: props.logKmsKeyArn,
      tags: { Name: props.name, ...tags },
    });
    this.role = new ServiceRole(this, 'role', {
      name: `${props.name}-sfn`,
      description: `Runs state machine ${props.name}: submits its Batch jobs, logs, traces`,
      trustPolicy: serviceTrustPolicy('states.amazonaws.com', props.accountId, stateMachineArn),
      statements: stateMachineStatements(props),
      tags,
    });
    this.stateMachine = new SfnStateMachine(this, 'state-machine', {
      name: props.name,
      type: 'STANDARD',
      roleArn: this.role.roleArn,
      definition: JSON.stringify(pipelineDefinition(props.name, props.steps, partition)),
      loggingConfiguration: {
        logDestination: `${this.logGroup.arn}:*`,
        level: props.logLevel ?? 'ERROR',
        includeExecutionData: props.includeExecutionData ?? false,
      },
      tracingConfiguration: { enabled: true },
      tags: { Name: props.name, ...tags },
    });
    if (props.schedule) {
      this.schedulerRole = new ServiceRole(this, 'scheduler-role', {
        name: `${props.name}-schedule`,
        description: `Starts state machine ${props.name} on its schedule`,
        trustPolicy: serviceTrustPolicy('scheduler.amazonaws.com', props.accountId),
        statements: [{ Sid: 'StartPipeline', Effect: 'Allow', Action: 'states:StartExecution', Resource: stateMachineArn }],
        tags,
      });
      this.schedule = new SchedulerSchedule(this, 'schedule', {
        name: props.name,
        description: `Starts Batch pipeline ${props.name}`,
        scheduleExpression: props.schedule,
        scheduleExpressionTimezone: props.scheduleTimezone ?? 'UTC',
        flexibleTimeWindow: { mode: 'OFF' },
        target: { arn: this.stateMachine.arn, roleArn: this.schedulerRole.roleArn, input: '{}' },
      });
    }
  }

  get stateMachineArn(): string {
    return this.stateMachine.arn;
  }
}

/**
 * SubmitJob on exactly the pipeline's queues and definitions; TerminateJob (when an execution is
 * stopped) and DescribeJobs (polling) on jobs, plus the managed rule through which `.sync` hears
 * that a job finished. Logs delivery and X-Ray accept no resource-level permissions.
 */
export function stateMachineStatements(
  props: Pick<BatchJobStateMachineProps, 'steps' | 'region' | 'accountId' | 'partition'>,
): PolicyStatement[] {
  const partition = props.partition ?? 'aws';
  const unique = (values: string[]) => [...new Set(values)].sort();
  const definitions = unique(props.steps.flatMap((step) => [step.jobDefinitionArn, `${step.jobDefinitionArn}:*`]));
  return [
    {
      Sid: 'SubmitPipelineJobs',
      Effect: 'Allow',
      Action: 'batch:SubmitJob',
      Resource: [...unique(props.steps.map((step) => step.jobQueueArn)), ...definitions],
    },
    {
      Sid: 'StopPipelineJobs',
      Effect: 'Allow',
      Action: 'batch:TerminateJob',
      Resource: `arn:${partition}:batch:${props.region}:${props.accountId}:job/*`,
    },
    // DescribeJobs supports no resource-level permissions.
    { Sid: 'WatchPipelineJobs', Effect: 'Allow', Action: 'batch:DescribeJobs', Resource: '*' },
    {
      Sid: 'SyncIntegrationRule',
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: `arn:${partition}:events:${props.region}:${props.accountId}:rule/StepFunctionsGetEventsForBatchJobsRule`,
    },
    {
      Sid: 'DeliverLogs',
      Effect: 'Allow',
      Action: [
        'logs:CreateLogDelivery',
        'logs:GetLogDelivery',
        'logs:UpdateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:ListLogDeliveries',
        'logs:PutResourcePolicy',
        'logs:DescribeResourcePolicies',
        'logs:DescribeLogGroups',
      ],
      Resource: '*',
    },
    {
      Sid: 'Trace',
      Effect: 'Allow',
      Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
      Resource: '*',
    },
  ];
}

function validate(props: BatchJobStateMachineProps): void {
  const where = `BatchJobStateMachine ${props.name}`;
  // IAM role names have at most 64 characters; the scheduler role adds `-schedule`.
  checkName(where, 'name', props.name, 64 - '-schedule'.length);
  checkAccountId(where, 'accountId', props.accountId);
  checkRegion(where, props.region);
  checkLogRetention(where, 'logRetentionDays', props.logRetentionDays);
  if (props.steps.length === 0) throw new Error(`${where}: steps is empty; give at least one job to submit`);
  const names = props.steps.map((step) => step.name);
  const twice = names.find((name, position) => names.indexOf(name) !== position);
  if (twice) throw new Error(`${where}: step "${twice}" appears twice; give every step its own name`);
  if (names.includes(FAILED_STATE)) throw new Error(`${where}: step name ${FAILED_STATE} is reserved; rename the step`);
  for (const step of props.steps) {
    checkArn(where, `steps.${step.name}.jobQueueArn`, step.jobQueueArn, 'batch', /^job-queue\//);
    checkArn(where, `steps.${step.name}.jobDefinitionArn`, step.jobDefinitionArn, 'batch', /^job-definition\/[^:]+$/);
  }
  if (props.schedule !== undefined && !/^(cron|rate|at)\(.+\)$/.test(props.schedule)) {
    throw new Error(`${where}: schedule "${props.schedule}" is not a Scheduler expression; use cron(...), rate(...) or at(...)`);
  }
}
