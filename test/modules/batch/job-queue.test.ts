import { Testing } from 'cdktf';
import { BatchJobQueue, type BatchJobQueueProps } from '../../../modules/batch/job-queue';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';

const SPOT = 'arn:aws:batch:eu-west-1:222222222222:compute-environment/acme-spot-1';
const ON_DEMAND = 'arn:aws:batch:eu-west-1:222222222222:compute-environment/acme-on-demand-1';
const props: BatchJobQueueProps = { name: 'acme-nightly', computeEnvironmentArns: [SPOT, ON_DEMAND] };

function synth(overrides: Partial<BatchJobQueueProps> = {}): string {
  return Testing.synthScope((scope) => void new BatchJobQueue(scope, 'queue', { ...props, ...overrides }));
}

describe('batch job queue', () => {
  describe('with Spot and On-Demand environments', () => {
    const synthesized = synth();
    const queue = resourceAt(synthesized, 'aws_batch_job_queue', 'queue_job-queue');

    it('orders the environments as given: Spot 1, On-Demand 2', () => {
      expect(queue.compute_environment_order).toEqual([
        { order: 1, compute_environment: SPOT },
        { order: 2, compute_environment: ON_DEMAND },
      ]);
      expect(queue.compute_environments).toBeUndefined();
    });

    it('cancels jobs stuck RUNNABLE for lack of capacity after an hour, and jobs that can never fit after 10 minutes', () => {
      expect(queue.job_state_time_limit_action).toEqual([
        { action: 'CANCEL', state: 'RUNNABLE', reason: 'CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY', max_time_seconds: 3600 },
        { action: 'CANCEL', state: 'RUNNABLE', reason: 'MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT', max_time_seconds: 600 },
      ]);
    });

    it('creates no scheduling policy (first in, first out)', () => {
      expect(resourcesOf(synthesized, 'aws_batch_scheduling_policy')).toEqual({});
      expect(queue.scheduling_policy_arn).toBeUndefined();
    });
  });

  describe('with a swapped order (blue/green)', () => {
    it('changes only the order of the same environments', () => {
      const before = resourceAt(synth(), 'aws_batch_job_queue', 'queue_job-queue');
      const after = resourceAt(synth({ computeEnvironmentArns: [ON_DEMAND, SPOT] }), 'aws_batch_job_queue', 'queue_job-queue');
      const { compute_environment_order: beforeOrder, ...beforeRest } = before;
      const { compute_environment_order: afterOrder, ...afterRest } = after;
      expect(afterRest).toEqual(beforeRest);
      expect(afterOrder).not.toEqual(beforeOrder);
    });
  });

  describe('with fair share', () => {
    it('creates a scheduling policy with the weights and attaches it', () => {
      const synthesized = synth({ fairShare: { weightFactors: { reports: 0.5, backfill: 2 } } });
      expect(resourceAt(synthesized, 'aws_batch_scheduling_policy', 'queue_scheduling-policy').fair_share_policy).toEqual({
        share_decay_seconds: 3600,
        compute_reservation: 0,
        share_distribution: [
          { share_identifier: 'reports', weight_factor: 0.5 },
          { share_identifier: 'backfill', weight_factor: 2 },
        ],
      });
      expect(resourceAt(synthesized, 'aws_batch_job_queue', 'queue_job-queue').scheduling_policy_arn).toBe(
        `\${${referenceTo(synthesized, 'aws_batch_scheduling_policy', 'queue_scheduling-policy')}.arn}`,
      );
    });
  });

  describe('with invalid props', () => {
    it('refuses more than 3 compute environments, and none', () => {
      expect(() => synth({ computeEnvironmentArns: [SPOT, ON_DEMAND, `${SPOT}x`, `${SPOT}y`] })).toThrow(
        'BatchJobQueue acme-nightly: computeEnvironmentArns has 4; a queue takes 1 to 3 compute environments — list Spot first, then On-Demand',
      );
      expect(() => synth({ computeEnvironmentArns: [] })).toThrow(/computeEnvironmentArns has 0/);
    });

    it('refuses a RUNNABLE limit under Batch’s 600 seconds', () => {
      expect(() => synth({ cancelRunnableAfterSeconds: 60 })).toThrow(
        /cancelRunnableAfterSeconds is 60; it must be a whole number from 600 to 86400/,
      );
    });
  });
});
