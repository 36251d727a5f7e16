import { landingZoneFromTexts } from '../../../model/load';
import { edit, problemsOf } from '../../support/config';
import { PROD_BATCH, sampleTextsWithWorkloads, STAGING_BATCH } from './batch-support';

type Doc = Parameters<Parameters<typeof edit>[2]>[0];
const staging = (change: (doc: Doc) => void) => edit(sampleTextsWithWorkloads(), STAGING_BATCH, change);
const problems = (change: (doc: Doc) => void) => problemsOf(staging(change)).filter((problem) => problem.startsWith(STAGING_BATCH));
const JOB = ['batch', 'jobDefinitions', 'aggregate'];
const QUEUE = ['batch', 'queues', 'nightly'];
const STEP = ['batch', 'pipelines', 'nightly', 'steps'];

describe('batch validation', () => {
  it('accepts the sample organization with its batch workloads', () => {
    expect(() => landingZoneFromTexts(sampleTextsWithWorkloads())).not.toThrow();
  });

  describe('batch/retry-attempts', () => {
    it('rejects 11 attempts at their place', () => {
      expect(problems((doc) => doc.setIn([...JOB, 'retry', 'attempts'], 11))).toEqual([
        `${STAGING_BATCH}:30:9: batch.jobDefinitions.aggregate.retry.attempts is 11; AWS Batch allows 1 to 10 — give 2 to survive one Spot reclaim, or 1 for no retry`,
      ]);
    });

    it('accepts 10 attempts', () => {
      expect(() => landingZoneFromTexts(staging((doc) => doc.setIn([...JOB, 'retry', 'attempts'], 10)))).not.toThrow();
    });
  });

  describe('batch/evaluate-on-exit-limit', () => {
    const retries = (count: number) => Array.from({ length: count }, (_, code) => ({ action: 'RETRY', onExitCode: String(130 + code) }));

    it('rejects 5 conditions, because the catch-all EXIT makes 6', () => {
      expect(problems((doc) => doc.setIn([...JOB, 'retry', 'evaluateOnExit'], retries(5)))).toEqual([
        `${STAGING_BATCH}:31:9: batch.jobDefinitions.aggregate.retry.evaluateOnExit has 5 entries plus the catch-all EXIT added at the end; AWS Batch allows at most 5 — keep at most 4; globs such as onExitCode "13*" match several codes`,
      ]);
    });

    it('accepts 4 conditions, and 4 plus a catch-all EXIT of their own', () => {
      expect(() => landingZoneFromTexts(staging((doc) => doc.setIn([...JOB, 'retry', 'evaluateOnExit'], retries(4))))).not.toThrow();
      const withExit = [...retries(4), { action: 'EXIT', onReason: '*' }];
      expect(() => landingZoneFromTexts(staging((doc) => doc.setIn([...JOB, 'retry', 'evaluateOnExit'], withExit)))).not.toThrow();
    });

    it('rejects a condition that matches everything', () => {
      expect(problems((doc) => doc.setIn([...JOB, 'retry', 'evaluateOnExit', 1], { action: 'RETRY' }))).toEqual([
        `${STAGING_BATCH}:33:13: batch.jobDefinitions.aggregate.retry.evaluateOnExit.1 has no condition, so it matches every attempt — give onStatusReason, onReason or onExitCode`,
      ]);
    });
  });

  describe('batch/queue-environment-limit', () => {
    it('rejects a queue with 4 compute environments', () => {
      const texts = staging((doc) => {
        for (const name of ['spot-green', 'spot-blue']) doc.setIn(['batch', 'computeEnvironments', name], { capacity: 'spot' });
        doc.setIn([...QUEUE, 'computeEnvironments'], ['spot', 'spot-green', 'spot-blue', 'on-demand']);
      });
      expect(problemsOf(texts).filter((problem) => problem.includes('batch/') || problem.includes('queues.nightly'))).toEqual([
        `${STAGING_BATCH}:19:7: batch.queues.nightly.computeEnvironments lists 4 compute environments; AWS Batch allows at most 3 per queue — keep at most 3: during a blue/green swap, the new and old Spot environments and the On-Demand fallback`,
      ]);
    });

    it('accepts 3 during a blue/green swap', () => {
      const texts = staging((doc) => {
        doc.setIn(['batch', 'computeEnvironments', 'spot-green'], { capacity: 'spot' });
        doc.setIn([...QUEUE, 'computeEnvironments'], ['spot-green', 'spot', 'on-demand']);
      });
      expect(() => landingZoneFromTexts(texts)).not.toThrow();
    });
  });

  describe('batch/queue-environments-exist and batch/spot-before-on-demand', () => {
    it('rejects an unknown environment and Spot listed after On-Demand', () => {
      expect(problems((doc) => doc.setIn([...QUEUE, 'computeEnvironments'], ['on-demand', 'spot', 'spot-gren']))).toEqual([
        `${STAGING_BATCH}:17:11: batch.queues.nightly.computeEnvironments.1 is Spot environment spot, listed after On-Demand environment on-demand — list Spot environments first and On-Demand last, so On-Demand runs only when Spot is short`,
        `${STAGING_BATCH}:18:11: batch.queues.nightly.computeEnvironments.2 names compute environment spot-gren, which is not one of batch.computeEnvironments — use one of spot, on-demand, or add spot-gren under batch.computeEnvironments`,
      ]);
    });
  });

  describe('batch/vcpu-bounds', () => {
    it('rejects max vCPUs below min vCPUs, and a bid on On-Demand', () => {
      const found = problems((doc) => {
        doc.setIn(['batch', 'computeEnvironments', 'on-demand', 'minVcpus'], 32);
        doc.setIn(['batch', 'computeEnvironments', 'on-demand', 'bidPercentage'], 50);
      });
      expect(found).toEqual([
        `${STAGING_BATCH}:12:7: batch.computeEnvironments.on-demand.maxVcpus is 16, below minVcpus 32 — raise maxVcpus to at least minVcpus (or lower minVcpus; 0 lets the environment scale to nothing)`,
        `${STAGING_BATCH}:14:7: batch.computeEnvironments.on-demand.bidPercentage is set on on-demand capacity — remove bidPercentage, or set capacity: spot`,
      ]);
    });

    it('accepts min vCPUs equal to max vCPUs', () => {
      expect(() =>
        landingZoneFromTexts(staging((doc) => doc.setIn(['batch', 'computeEnvironments', 'on-demand', 'minVcpus'], 16))),
      ).not.toThrow();
    });
  });

  describe('batch/pipeline-references-exist', () => {
    it('rejects an unknown queue and an unknown job definition in a step, and a repeated step name', () => {
      const found = problems((doc) => {
        doc.setIn([...STEP, 0, 'queue'], 'nighty');
        doc.setIn([...STEP, 1, 'job'], 'agregate');
        doc.setIn([...STEP, 1, 'name'], 'extract');
      });
      expect(found).toEqual([
        `${STAGING_BATCH}:41:42: batch.pipelines.nightly.steps.0.queue names queue nighty, which is not one of batch.queues — use one of nightly, or add nighty under batch.queues`,
        `${STAGING_BATCH}:42:13: batch.pipelines.nightly.steps.1.name repeats step name extract — give every step of a pipeline its own name`,
        `${STAGING_BATCH}:42:28: batch.pipelines.nightly.steps.1.job names job definition agregate, which is not one of batch.jobDefinitions — use one of extract, aggregate, or add agregate under batch.jobDefinitions`,
      ]);
    });
  });

  describe('batch/share-identifier-matches-queue', () => {
    it('rejects a step without a share identifier on a fair-share queue', () => {
      const texts = edit(sampleTextsWithWorkloads(), PROD_BATCH, (doc) =>
        doc.deleteIn(['batch', 'pipelines', 'nightly', 'steps', 0, 'shareIdentifier']),
      );
      expect(problemsOf(texts)).toEqual([
        `${PROD_BATCH}:39:11: batch.pipelines.nightly.steps.0 submits to fair-share queue nightly without a shareIdentifier — give the step a shareIdentifier (Batch rejects the job otherwise)`,
      ]);
    });

    it('rejects a share identifier on a first-in-first-out queue', () => {
      expect(problems((doc) => doc.setIn([...STEP, 0, 'shareIdentifier'], 'nightly'))).toEqual([
        `${STAGING_BATCH}:41:58: batch.pipelines.nightly.steps.0.shareIdentifier is set, but queue nightly has no fair-share policy — remove it, or give queue nightly a fairShare policy`,
      ]);
    });
  });

  describe('batch/subnet-tier-exists', () => {
    it('rejects an IPv6-only tier', () => {
      expect(problems((doc) => doc.setIn(['batch', 'computeEnvironments', 'spot', 'subnetTier'], 'data'))).toEqual([
        `${STAGING_BATCH}:10:7: batch.computeEnvironments.spot.subnetTier is data, an IPv6-only tier; Batch instances need IPv4 — use one of public, app`,
      ]);
    });
  });

  describe('batch/image-repository-resolves', () => {
    it('rejects a repository the source account does not define', () => {
      expect(problems((doc) => doc.setIn([...JOB, 'image', 'repository'], 'nightly-elt'))).toEqual([
        `${STAGING_BATCH}:25:41: batch.jobDefinitions.aggregate.image.from names repository nightly-elt, which account payments-dev does not define — add nightly-elt under containers.repositories of payments-dev's workloads file`,
      ]);
    });
  });

  describe('with several mistakes', () => {
    it('reports every one of them at once, each at its place', () => {
      const found = problems((doc) => {
        doc.setIn([...JOB, 'retry', 'attempts'], 0);
        doc.setIn([...QUEUE, 'computeEnvironments'], ['spot', 'on-demand', 'missing']);
        doc.setIn(['batch', 'computeEnvironments', 'spot', 'minVcpus'], 300);
        doc.setIn([...STEP, 1, 'queue'], 'daily');
      });
      expect(found.map((problem) => problem.split(' ')[1])).toEqual([
        'batch.computeEnvironments.spot.maxVcpus',
        'batch.queues.nightly.computeEnvironments.2',
        'batch.jobDefinitions.aggregate.retry.attempts',
        'batch.pipelines.nightly.steps.1.queue',
      ]);
    });
  });
});

describe('batch validation with an entry that fails the schema', () => {
  it('reports the schema problem once, not again as an unknown reference from the queue', () => {
    const found = problems((doc) => doc.setIn(['batch', 'computeEnvironments', 'spot', 'maxVcpus'], 0));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^environments\/staging\/payments-staging\.yaml:\d+:\d+: batch\.computeEnvironments\.spot\.maxVcpus /);
  });
});

describe('batch/names-fit', () => {
  it('rejects a job definition whose job role name would pass 64 characters', () => {
    const long = 'aggregate-the-settlement-ledger';
    const found = problems((doc) => {
      doc.setIn(['batch', 'jobDefinitions', long], doc.getIn(JOB));
      doc.setIn([...STEP, 1, 'job'], long);
    });
    expect(found).toEqual([
      `${STAGING_BATCH}:36:5: batch.jobDefinitions.${long} makes the name acme-staging-payments-staging-${long} (61 characters); at most 60 fit, as its job role adds -job to IAM’s 64 characters — shorten ${long} by 1 character`,
    ]);
  });
});
