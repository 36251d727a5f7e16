/*
 * The Amazon States Language of a Batch pipeline: one `submitJob.sync` task per step, run in
 * order. Each task retries Batch API errors (throttling, service faults) with backoff; a failed
 * job (after the job definition's own retries) is caught and ends the execution in a Fail state.
 */

export interface PipelineStep {
  /** State name, unique in the pipeline. */
  readonly name: string;
  /** Name the submitted job gets. */
  readonly jobName: string;
  /** Job definition ARN, without revision: the latest active revision runs. The role may submit it. */
  readonly jobDefinitionArn: string;
  /** The role may submit to it. */
  readonly jobQueueArn: string;
  /**
   * What the state submits, when it should be a reference (`BatchJobDefinition.jobDefinition.arnPrefix`)
   * rather than `jobDefinitionArn`: the state machine then waits for the definition. @default jobDefinitionArn
   */
  readonly submitJobDefinition?: string;
  /** The same for the queue (`BatchJobQueue.queueArn`). @default jobQueueArn */
  readonly submitJobQueue?: string;
  /** Share identifier, required on a fair-share queue. @default - none */
  readonly shareIdentifier?: string;
}

export const SUBMIT_JOB_SYNC = 'arn:aws:states:::batch:submitJob.sync';
export const FAILED_STATE = 'PipelineFailed';
/** Batch API errors worth retrying; a job that failed is States.TaskFailed and is not retried here. */
export const RETRIED_ERRORS = ['Batch.AWSBatchException', 'Batch.ServerException'];

export function pipelineDefinition(pipeline: string, steps: readonly PipelineStep[], partition = 'aws'): Record<string, unknown> {
  const resource = SUBMIT_JOB_SYNC.replace('arn:aws:', `arn:${partition}:`);
  const states = Object.fromEntries(
    steps.map((step, position) => {
      const next = steps[position + 1];
      return [
        step.name,
        {
          Type: 'Task',
          Resource: resource,
          Parameters: {
            JobName: step.jobName,
            JobDefinition: step.submitJobDefinition ?? step.jobDefinitionArn,
            JobQueue: step.submitJobQueue ?? step.jobQueueArn,
            ...(step.shareIdentifier ? { ShareIdentifier: step.shareIdentifier } : {}),
          },
          ResultPath: `$.steps.${step.name}`,
          Retry: [{ ErrorEquals: RETRIED_ERRORS, IntervalSeconds: 10, MaxAttempts: 5, BackoffRate: 2, JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: FAILED_STATE }],
          ...(next ? { Next: next.name } : { End: true }),
        },
      ];
    }),
  );
  return {
    Comment: `Batch pipeline ${pipeline}: ${steps.map((step) => step.name).join(' → ')}`,
    StartAt: steps[0]?.name,
    States: { ...states, [FAILED_STATE]: { Type: 'Fail', Error: 'BatchJobFailed', Cause: `A job of pipeline ${pipeline} failed` } },
  };
}
