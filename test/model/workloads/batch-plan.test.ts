import { landingZoneFromTexts } from '../../../model/load';
import { withCatchAllExit } from '../../../model/workloads/batch/retry';
import type { WorkloadsPlan } from '../../../model/workloads/types';
import { edit } from '../../support/config';
import { DEV_BATCH, sampleTextsWithWorkloads, STAGING_BATCH } from './batch-support';

function workloadsPlan(name: string, texts = sampleTextsWithWorkloads()): WorkloadsPlan {
  const plan = landingZoneFromTexts(texts).stacks.find((stack) => stack.name === name);
  if (!plan || plan.kind !== 'workloads') throw new Error(`no workloads stack ${name}`);
  return plan;
}

describe('batch plan', () => {
  describe('of the staging sample', () => {
    const batch = workloadsPlan('staging-workloads-payments-staging').batch!;

    it('names every resource <org>-<env>-<account>-<name>', () => {
      expect(batch.namePrefix).toBe('acme-staging-payments-staging-batch');
      expect(batch.computeEnvironments.map((environment) => environment.resourceName)).toEqual([
        'acme-staging-payments-staging-on-demand',
        'acme-staging-payments-staging-spot',
      ]);
      expect(batch.queues.map((queue) => queue.queueName)).toEqual(['acme-staging-payments-staging-nightly']);
    });

    it('keeps the configured queue order: Spot first, On-Demand second', () => {
      expect(batch.queues[0]!.computeEnvironments).toEqual(['spot', 'on-demand']);
    });

    it('puts compute environments in the app subnets of every zone, with the app security group', () => {
      expect(batch.computeEnvironments.map(({ name, subnetKeys, securityGroupTier }) => ({ name, subnetKeys, securityGroupTier }))).toEqual(
        [
          { name: 'on-demand', subnetKeys: ['app-a', 'app-b', 'app-c'], securityGroupTier: 'app' },
          { name: 'spot', subnetKeys: ['app-a', 'app-b', 'app-c'], securityGroupTier: 'app' },
        ],
      );
    });

    it('ends the default retry strategy with a catch-all EXIT, and appends one to a configured strategy', () => {
      const byName = Object.fromEntries(batch.jobDefinitions.map((job) => [job.name, job.retry]));
      expect(byName.extract).toEqual({
        attempts: 2,
        evaluateOnExit: [
          { action: 'RETRY', onStatusReason: 'Host EC2*' },
          { action: 'EXIT', onReason: '*' },
        ],
      });
      expect(byName.aggregate).toEqual({
        attempts: 3,
        evaluateOnExit: [
          { action: 'RETRY', onStatusReason: 'Host EC2*' },
          { action: 'RETRY', onExitCode: '137' },
          { action: 'EXIT', onReason: '*' },
        ],
      });
    });

    it('pulls the image promoted from the dev account', () => {
      expect(batch.jobDefinitions[0]!.image).toEqual({
        account: { name: 'payments-dev', id: '510000000001' },
        region: 'eu-west-1',
        repository: 'acme/nightly-etl',
        tag: '2.3.0',
      });
    });

    it('lets infrastructure updates wait for the longest job (an hour)', () => {
      expect(batch.computeEnvironments.map((environment) => environment.updateTimeoutMinutes)).toEqual([60, 60]);
    });

    it('submits each step as <pipeline>-<step> to the named definition and queue, on the nightly schedule', () => {
      expect(batch.pipelines).toEqual([
        {
          name: 'nightly',
          stateMachineName: 'acme-staging-payments-staging-nightly',
          steps: [
            {
              name: 'extract',
              jobName: 'acme-staging-payments-staging-nightly-extract',
              jobDefinitionName: 'acme-staging-payments-staging-extract',
              queueName: 'acme-staging-payments-staging-nightly',
            },
            {
              name: 'aggregate',
              jobName: 'acme-staging-payments-staging-nightly-aggregate',
              jobDefinitionName: 'acme-staging-payments-staging-aggregate',
              queueName: 'acme-staging-payments-staging-nightly',
            },
          ],
          schedule: 'cron(0 2 * * ? *)',
          scheduleTimezone: 'Europe/Berlin',
          logLevel: 'ERROR',
          includeExecutionData: false,
          logRetentionDays: 30,
        },
      ]);
    });
  });

  describe('of an account without a batch section', () => {
    it('has no batch plan', () => {
      expect(workloadsPlan('dev-workloads-orders-dev').batch).toBeUndefined();
    });
  });

  describe('with a blue/green swap in config', () => {
    it('changes only the queue order when both environments exist', () => {
      const withGreen = edit(sampleTextsWithWorkloads(), STAGING_BATCH, (doc) => {
        doc.setIn(['batch', 'computeEnvironments', 'spot-green'], { capacity: 'spot', maxVcpus: 64 });
        doc.setIn(['batch', 'queues', 'nightly', 'computeEnvironments'], ['spot', 'spot-green', 'on-demand']);
      });
      const swapped = edit(withGreen, STAGING_BATCH, (doc) =>
        doc.setIn(['batch', 'queues', 'nightly', 'computeEnvironments'], ['spot-green', 'spot', 'on-demand']),
      );
      const before = workloadsPlan('staging-workloads-payments-staging', withGreen).batch!;
      const after = workloadsPlan('staging-workloads-payments-staging', swapped).batch!;
      expect({ ...after, queues: undefined }).toEqual({ ...before, queues: undefined });
      expect(after.queues[0]!.computeEnvironments).toEqual(['spot-green', 'spot', 'on-demand']);
    });
  });

  describe('of a long job', () => {
    it('caps the update wait at Batch’s 360 minutes', () => {
      const texts = edit(sampleTextsWithWorkloads(), DEV_BATCH, (doc) =>
        doc.setIn(['batch', 'jobDefinitions', 'extract', 'timeoutSeconds'], 86400),
      );
      expect(workloadsPlan('dev-workloads-payments-dev', texts).batch!.computeEnvironments[0]!.updateTimeoutMinutes).toBe(360);
    });
  });
});

describe('withCatchAllExit', () => {
  it('adds the catch-all only when the last entry is not one', () => {
    expect(withCatchAllExit([])).toEqual([{ action: 'EXIT', onReason: '*' }]);
    expect(withCatchAllExit([{ action: 'EXIT', onExitCode: '*' }])).toEqual([{ action: 'EXIT', onExitCode: '*' }]);
    expect(withCatchAllExit([{ action: 'EXIT', onExitCode: '1*' }])).toHaveLength(2);
  });
});
