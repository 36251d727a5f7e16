import { landingZoneFromTexts } from '../../../model/load';
import { edit, problemsOf } from '../../support/config';
import { at, change, ruleProblems } from '../validate/fixtures';
import { DEV_BATCH, PROD_BATCH, sampleTextsWithWorkloads, STAGING_BATCH } from './batch-support';

type Doc = Parameters<Parameters<typeof edit>[2]>[0];
const staging = (change: (doc: Doc) => void) => edit(sampleTextsWithWorkloads(), STAGING_BATCH, change);
const problems = (change: (doc: Doc) => void) => problemsOf(staging(change)).filter((problem) => problem.startsWith(STAGING_BATCH));
const STAGING = 'environments/staging.yaml';
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

  describe('batch/queue-environments-exist', () => {
    it('passes a queue that lists compute environments of its file, each once', () => {
      expect(ruleProblems('batch/queue-environments-exist', sampleTextsWithWorkloads())).toEqual([]);
    });

    it('fails an unknown environment and one listed twice', () => {
      const texts = change(sampleTextsWithWorkloads(), STAGING_BATCH, '[spot, on-demand]', '[spot, spot-gren, spot]');
      expect(ruleProblems('batch/queue-environments-exist', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'spot-gren')}: batch.queues.nightly.computeEnvironments.1 names compute environment spot-gren, which is not one of batch.computeEnvironments — use one of spot, on-demand, or add spot-gren under batch.computeEnvironments`,
        `${at(texts, STAGING_BATCH, 'spot]')}: batch.queues.nightly.computeEnvironments.2 lists spot a second time — list each compute environment once`,
      ]);
    });
  });

  describe('batch/spot-before-on-demand', () => {
    it('passes Spot first and On-Demand last', () => {
      expect(ruleProblems('batch/spot-before-on-demand', sampleTextsWithWorkloads())).toEqual([]);
    });

    it('fails Spot listed after On-Demand', () => {
      const texts = change(sampleTextsWithWorkloads(), STAGING_BATCH, '[spot, on-demand]', '[on-demand, spot]');
      expect(ruleProblems('batch/spot-before-on-demand', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'spot]')}: batch.queues.nightly.computeEnvironments.1 is Spot environment spot, listed after On-Demand environment on-demand — list Spot environments first and On-Demand last, so On-Demand runs only when Spot is short`,
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

  describe('batch/needs-vpc', () => {
    it('passes compute environments in an account with a VPC', () => {
      expect(ruleProblems('batch/needs-vpc', sampleTextsWithWorkloads())).toEqual([]);
    });

    it('fails compute environments in an account without a VPC', () => {
      const texts = edit(sampleTextsWithWorkloads(), STAGING, (doc) => doc.deleteIn(['accounts', 'payments-staging', 'vpc']));
      expect(ruleProblems('batch/needs-vpc', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'computeEnvironments')}: batch.computeEnvironments run in account payments-staging, which has no VPC — give accounts.payments-staging a vpc in its environment file`,
      ]);
    });
  });

  describe('batch/subnet-tier-exists', () => {
    it('passes compute environments in IPv4 tiers of the VPC', () => {
      const texts = staging((doc) => doc.setIn(['batch', 'computeEnvironments', 'spot', 'subnetTier'], 'public'));
      expect(ruleProblems('batch/subnet-tier-exists', texts)).toEqual([]);
    });

    it('fails an IPv6-only tier, and a tier the VPC does not have', () => {
      let texts = change(sampleTextsWithWorkloads(), STAGING, 'subnets: { public: 24, app: 20,', 'subnets: { app: 20,');
      texts = edit(texts, STAGING_BATCH, (doc) => {
        doc.setIn(['batch', 'computeEnvironments', 'spot', 'subnetTier'], 'data');
        doc.setIn(['batch', 'computeEnvironments', 'on-demand', 'subnetTier'], 'public');
      });
      expect(ruleProblems('batch/subnet-tier-exists', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'subnetTier: data')}: batch.computeEnvironments.spot.subnetTier is data, an IPv6-only tier; Batch instances need IPv4 — use one of app`,
        `${at(texts, STAGING_BATCH, 'subnetTier: public')}: batch.computeEnvironments.on-demand.subnetTier is public, a tier the VPC of payments-staging does not have — use one of app`,
      ]);
    });
  });

  describe('batch/pipeline-references-exist', () => {
    it('passes steps that name queues and job definitions of their file, with distinct names', () => {
      expect(ruleProblems('batch/pipeline-references-exist', sampleTextsWithWorkloads())).toEqual([]);
    });

    it('fails an unknown queue and an unknown job definition in a step, and a repeated step name', () => {
      const texts = staging((doc) => {
        doc.setIn([...STEP, 0, 'queue'], 'nighty');
        doc.setIn([...STEP, 1, 'job'], 'agregate');
        doc.setIn([...STEP, 1, 'name'], 'extract');
      });
      expect(ruleProblems('batch/pipeline-references-exist', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'queue: nighty')}: batch.pipelines.nightly.steps.0.queue names queue nighty, which is not one of batch.queues — use one of nightly, or add nighty under batch.queues`,
        `${at(texts, STAGING_BATCH, 'job: agregate')}: batch.pipelines.nightly.steps.1.job names job definition agregate, which is not one of batch.jobDefinitions — use one of extract, aggregate, or add agregate under batch.jobDefinitions`,
        `${at(texts, STAGING_BATCH, 'name: extract', { after: 'nighty' })}: batch.pipelines.nightly.steps.1.name repeats step name extract — give every step of a pipeline its own name`,
      ]);
    });
  });

  describe('batch/share-identifier-matches-queue', () => {
    it('passes steps with share identifiers on a fair-share queue and without on a first-in-first-out queue', () => {
      expect(ruleProblems('batch/share-identifier-matches-queue', sampleTextsWithWorkloads())).toEqual([]);
    });

    it('fails a step without a share identifier on a fair-share queue', () => {
      const texts = edit(sampleTextsWithWorkloads(), PROD_BATCH, (doc) =>
        doc.deleteIn(['batch', 'pipelines', 'nightly', 'steps', 0, 'shareIdentifier']),
      );
      expect(ruleProblems('batch/share-identifier-matches-queue', texts)).toEqual([
        `${at(texts, PROD_BATCH, '{ name: extract')}: batch.pipelines.nightly.steps.0 submits to fair-share queue nightly without a shareIdentifier — give the step a shareIdentifier (Batch rejects the job otherwise)`,
      ]);
    });

    it('fails a share identifier on a first-in-first-out queue', () => {
      const texts = staging((doc) => doc.setIn([...STEP, 0, 'shareIdentifier'], 'nightly'));
      expect(ruleProblems('batch/share-identifier-matches-queue', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'shareIdentifier')}: batch.pipelines.nightly.steps.0.shareIdentifier is set, but queue nightly has no fair-share policy — remove it, or give queue nightly a fairShare policy`,
      ]);
    });
  });

  describe('batch/image-repository-resolves', () => {
    it('passes images in repositories that let the account pull', () => {
      expect(ruleProblems('batch/image-repository-resolves', sampleTextsWithWorkloads())).toEqual([]);
    });

    it('fails a repository the source account does not define', () => {
      const texts = staging((doc) => doc.setIn([...JOB, 'image', 'repository'], 'nightly-elt'));
      expect(ruleProblems('batch/image-repository-resolves', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'from:', { after: 'nightly-elt' })}: batch.jobDefinitions.aggregate.image.from names repository nightly-elt, which account payments-dev does not define — add nightly-elt under containers.repositories of payments-dev's workloads file`,
      ]);
    });

    it('fails a repository that does not let the account pull', () => {
      const texts = change(
        sampleTextsWithWorkloads(),
        DEV_BATCH,
        'pullAccounts: [payments-staging, analytics-prod]',
        'pullAccounts: [analytics-prod]',
      );
      expect(ruleProblems('batch/image-repository-resolves', texts)).toEqual([
        `${at(texts, STAGING_BATCH, 'from: payments-dev')}: batch.jobDefinitions.extract.image.from pulls from payments-dev's repository nightly-etl, which does not let payments-staging pull — add payments-staging to pullAccounts of nightly-etl in ${DEV_BATCH}`,
        `${at(texts, STAGING_BATCH, 'from: payments-dev', 2)}: batch.jobDefinitions.aggregate.image.from pulls from payments-dev's repository nightly-etl, which does not let payments-staging pull — add payments-staging to pullAccounts of nightly-etl in ${DEV_BATCH}`,
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
  it('passes a job definition whose job role name is exactly 64 characters', () => {
    const name = 'aggregate-the-settlement-ledge';
    const texts = staging((doc) => {
      doc.setIn(['batch', 'jobDefinitions', name], doc.getIn(JOB));
      doc.setIn([...STEP, 1, 'job'], name);
    });
    expect(ruleProblems('batch/names-fit', texts)).toEqual([]);
  });

  it('rejects a job definition whose job role name would pass 64 characters', () => {
    const long = 'aggregate-the-settlement-ledger';
    const texts = staging((doc) => {
      doc.setIn(['batch', 'jobDefinitions', long], doc.getIn(JOB));
      doc.setIn([...STEP, 1, 'job'], long);
    });
    expect(ruleProblems('batch/names-fit', texts)).toEqual([
      `${at(texts, STAGING_BATCH, `${long}:`)}: batch.jobDefinitions.${long} makes the name acme-staging-payments-staging-${long} (61 characters); at most 60 fit, as its job role adds -job to IAM’s 64 characters — shorten ${long} by 1 character`,
    ]);
  });
});
