import { BatchJobQueue as BatchJobQueueResource } from '@cdktf/provider-aws/lib/batch-job-queue';
import { BatchSchedulingPolicy } from '@cdktf/provider-aws/lib/batch-scheduling-policy';
import { Construct } from 'constructs';
import { checkIntegerRange, checkName } from '../containers/checks';

/** Fair-share scheduling: jobs carry a share identifier; shares with a higher weight factor get less. */
export interface BatchFairShare {
  /** Seconds of past usage that count against a share. @default 3600 */
  readonly shareDecaySeconds?: number;
  /** Percentage of the maximum vCPUs reserved for share identifiers not yet active (0–99). @default 0 */
  readonly computeReservation?: number;
  /** Weight factor (0.0001–999.9999, lower gets more) by share identifier; `*` suffixes match prefixes. @default {} */
  readonly weightFactors?: Readonly<Record<string, number>>;
}

export interface BatchJobQueueProps {
  /** Queue name, also the scheduling policy's. CAUTION: changing it replaces the queue (and loses its queued jobs). */
  readonly name: string;
  /**
   * Compute environment ARNs in the order Batch tries them: Spot first, On-Demand as the fallback
   * (1–3). A blue/green swap of environments is a change of this order only.
   */
  readonly computeEnvironmentArns: readonly string[];
  /** Among queues sharing environments, higher runs first. @default 1 */
  readonly priority?: number;
  /**
   * Seconds a job may stay RUNNABLE because no instance capacity is available before Batch cancels
   * it (600–86,400); jobs that no environment of the queue can ever fit are cancelled after 600. @default 3600
   */
  readonly cancelRunnableAfterSeconds?: number;
  /**
   * Fair-share scheduling. CAUTION: Batch cannot add it to or remove it from an existing queue:
   * create the queue under a new name instead. @default - first in, first out
   */
  readonly fairShare?: BatchFairShare;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** AWS Batch's limit of compute environments per job queue. */
export const MAX_COMPUTE_ENVIRONMENTS_PER_QUEUE = 3;

/**
 * A job queue with an explicit compute-environment order (never alphabetical) that cancels jobs
 * stuck RUNNABLE for lack of capacity, optionally with fair-share scheduling.
 */
export class BatchJobQueue extends Construct {
  readonly queue: BatchJobQueueResource;
  readonly schedulingPolicy?: BatchSchedulingPolicy;

  constructor(scope: Construct, id: string, props: BatchJobQueueProps) {
    super(scope, id);
    validate(props);
    const tags = { Name: props.name, ...props.tags };
    if (props.fairShare) {
      this.schedulingPolicy = new BatchSchedulingPolicy(this, 'scheduling-policy', {
        name: props.name,
        fairSharePolicy: {
          shareDecaySeconds: props.fairShare.shareDecaySeconds ?? 3600,
          computeReservation: props.fairShare.computeReservation ?? 0,
          shareDistribution: Object.entries(props.fairShare.weightFactors ?? {}).map(([shareIdentifier, weightFactor]) => ({
            shareIdentifier,
            weightFactor,
          })),
        },
        tags,
      });
    }
    this.queue = new BatchJobQueueResource(this, 'job-queue', {
      name: props.name,
      state: 'ENABLED',
      priority: props.priority ?? 1,
      computeEnvironmentOrder: props.computeEnvironmentArns.map((computeEnvironment, position) => ({
        order: position + 1,
        computeEnvironment,
      })),
      jobStateTimeLimitAction: [
        {
          action: 'CANCEL',
          state: 'RUNNABLE',
          reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY',
          maxTimeSeconds: props.cancelRunnableAfterSeconds ?? 3600,
        },
        { action: 'CANCEL', state: 'RUNNABLE', reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', maxTimeSeconds: 600 },
      ],
      schedulingPolicyArn: this.schedulingPolicy?.arn,
      tags,
    });
  }

  get queueArn(): string {
    return this.queue.arn;
  }
}

function validate(props: BatchJobQueueProps): void {
  const where = `BatchJobQueue ${props.name}`;
  checkName(where, 'name', props.name, 128);
  const count = props.computeEnvironmentArns.length;
  if (count < 1 || count > MAX_COMPUTE_ENVIRONMENTS_PER_QUEUE) {
    throw new Error(
      `${where}: computeEnvironmentArns has ${count}; a queue takes 1 to ${MAX_COMPUTE_ENVIRONMENTS_PER_QUEUE} compute environments — list Spot first, then On-Demand`,
    );
  }
  if (new Set(props.computeEnvironmentArns).size !== count) throw new Error(`${where}: computeEnvironmentArns lists an environment twice`);
  checkIntegerRange(where, 'priority', props.priority, 0, 1000);
  checkIntegerRange(where, 'cancelRunnableAfterSeconds', props.cancelRunnableAfterSeconds, 600, 86400);
  if (props.fairShare) {
    checkIntegerRange(where, 'fairShare.shareDecaySeconds', props.fairShare.shareDecaySeconds, 0, 604800);
    checkIntegerRange(where, 'fairShare.computeReservation', props.fairShare.computeReservation, 0, 99);
    for (const [share, weight] of Object.entries(props.fairShare.weightFactors ?? {})) {
      if (!/^[A-Za-z0-9_]{1,254}\*?$/.test(share)) {
        throw new Error(
          `${where}: fairShare.weightFactors key "${share}" is not a share identifier; use letters, digits and _, optionally ending in *`,
        );
      }
      if (!(weight >= 0.0001 && weight <= 999.9999)) {
        throw new Error(`${where}: fairShare.weightFactors.${share} is ${weight}; use 0.0001–999.9999 (lower gets more)`);
      }
    }
  }
}
