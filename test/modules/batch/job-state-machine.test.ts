import { Testing } from 'cdktf';
import { BatchJobStateMachine, type BatchJobStateMachineProps } from '../../../modules/batch/job-state-machine';
import { resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, DEFINITION_ARN, QUEUE_ARN, REGION } from './fixtures';

const REPORT_ARN = DEFINITION_ARN.replace('acme-etl', 'acme-report');
const props: BatchJobStateMachineProps = {
  name: 'acme-nightly',
  accountId: ACCOUNT,
  region: REGION,
  steps: [
    { name: 'etl', jobName: 'acme-nightly-etl', jobDefinitionArn: DEFINITION_ARN, jobQueueArn: QUEUE_ARN },
    { name: 'report', jobName: 'acme-nightly-report', jobDefinitionArn: REPORT_ARN, jobQueueArn: QUEUE_ARN },
  ],
};

function synth(overrides: Partial<BatchJobStateMachineProps> = {}): string {
  return Testing.synthScope((scope) => void new BatchJobStateMachine(scope, 'pipeline', { ...props, ...overrides }));
}

describe('batch job state machine', () => {
  describe('with two steps and no schedule', () => {
    const synthesized = synth();
    const machine = resourceAt(synthesized, 'aws_sfn_state_machine', 'pipeline_state-machine');
    const definition = JSON.parse(machine.definition);

    it('submits the jobs in order with the .sync integration, retrying Batch API errors and catching failures', () => {
      expect(definition.StartAt).toBe('etl');
      expect(definition.States.etl).toMatchObject({
        Type: 'Task',
        Resource: 'arn:aws:states:::batch:submitJob.sync',
        Parameters: { JobName: 'acme-nightly-etl', JobDefinition: DEFINITION_ARN, JobQueue: QUEUE_ARN },
        Retry: [{ ErrorEquals: ['Batch.AWSBatchException', 'Batch.ServerException'], MaxAttempts: 5, BackoffRate: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'PipelineFailed' }],
        Next: 'report',
      });
      expect(definition.States.report.End).toBe(true);
      expect(definition.States.PipelineFailed.Type).toBe('Fail');
    });

    it('logs errors without execution data and traces with X-Ray', () => {
      expect(machine.logging_configuration).toMatchObject({ level: 'ERROR', include_execution_data: false });
      expect(machine.logging_configuration.log_destination).toMatch(/aws_cloudwatch_log_group\.pipeline_logs_[0-9A-F]{8}\.arn\}:\*$/);
      expect(machine.tracing_configuration).toEqual({ enabled: true });
    });

    it('lets its role submit only to its queue and definitions, plus the managed rule of the .sync integration', () => {
      const policy = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'pipeline_role_policy').policy);
      const bySid = Object.fromEntries(policy.Statement.map((statement: any) => [statement.Sid, statement]));
      expect(bySid.SubmitPipelineJobs).toEqual({
        Sid: 'SubmitPipelineJobs',
        Effect: 'Allow',
        Action: 'batch:SubmitJob',
        Resource: [QUEUE_ARN, DEFINITION_ARN, `${DEFINITION_ARN}:*`, REPORT_ARN, `${REPORT_ARN}:*`],
      });
      expect(bySid.StopPipelineJobs.Resource).toBe(`arn:aws:batch:${REGION}:${ACCOUNT}:job/*`);
      expect(bySid.SyncIntegrationRule.Resource).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForBatchJobsRule`);
      expect(
        policy.Statement.flatMap((statement: any) => [statement.Action].flat()).filter((action: string) => action.startsWith('batch:')),
      ).toEqual(['batch:SubmitJob', 'batch:TerminateJob', 'batch:DescribeJobs']);
    });

    it('creates no schedule', () => {
      expect(resourcesOf(synthesized, 'aws_scheduler_schedule')).toEqual({});
    });
  });

  describe('with a nightly schedule', () => {
    it('starts executions from EventBridge Scheduler with a role that may start only this state machine', () => {
      const synthesized = synth({ schedule: 'cron(0 2 * * ? *)' });
      expect(resourceAt(synthesized, 'aws_scheduler_schedule', 'pipeline_schedule')).toMatchObject({
        schedule_expression: 'cron(0 2 * * ? *)',
        schedule_expression_timezone: 'UTC',
        flexible_time_window: { mode: 'OFF' },
      });
      const policy = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'pipeline_scheduler-role_policy').policy);
      expect(policy.Statement).toEqual([
        {
          Sid: 'StartPipeline',
          Effect: 'Allow',
          Action: 'states:StartExecution',
          Resource: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:acme-nightly`,
        },
      ]);
    });
  });

  describe('with invalid props', () => {
    it('refuses no steps, a step named twice, and a revision-pinned job definition', () => {
      expect(() => synth({ steps: [] })).toThrow('BatchJobStateMachine acme-nightly: steps is empty; give at least one job to submit');
      expect(() => synth({ steps: [props.steps[0], props.steps[0]] })).toThrow(/step "etl" appears twice/);
      expect(() => synth({ steps: [{ ...props.steps[0], jobDefinitionArn: `${DEFINITION_ARN}:3` }] })).toThrow(
        /steps.etl.jobDefinitionArn .* is not an ARN of batch/,
      );
    });
  });
});
