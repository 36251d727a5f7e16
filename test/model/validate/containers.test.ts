import { at, ruleProblems } from './fixtures';
import { change, DEV, devWorkloads, PAYMENTS_DEV, PAYMENTS_PROD, promotedWorkloads } from './workloads-fixtures';

const dev = devWorkloads();
/** payments-dev's file with the api service's `port: 8080` line followed by `lines`. */
const apiWith = (lines: string) => change(devWorkloads(), PAYMENTS_DEV, '      port: 8080\n', `      port: 8080\n${lines}`);

describe('container rules', () => {
  describe('containers/subnet-tier-exists', () => {
    it('passes a service in a tier of its VPC', () => {
      expect(ruleProblems('containers/subnet-tier-exists', apiWith('      subnetTier: data\n'))).toEqual([]);
    });

    it('fails a tier the VPC lacks, and an IPv6-only tier', () => {
      let texts = change(
        apiWith('      subnetTier: public\n'),
        DEV,
        'vpc: { cidr: 10.17.0.0/16 }',
        'vpc: { cidr: 10.17.0.0/16, subnets: { app: 20, data: { ipv6Only: true } } }',
      );
      texts = change(texts, PAYMENTS_DEV, '    worker:\n', '    worker:\n      subnetTier: data\n');
      expect(ruleProblems('containers/subnet-tier-exists', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'subnetTier: public')}: containers.services.api.subnetTier is public, a tier the VPC of payments-dev does not have — use one of app`,
        `${at(texts, PAYMENTS_DEV, 'subnetTier: data')}: containers.services.worker.subnetTier is data, an IPv6-only tier; Fargate tasks need IPv4 — use one of app`,
      ]);
    });
  });

  describe('containers/no-exec-in-prod', () => {
    it('passes ECS Exec in a non-production account', () => {
      expect(ruleProblems('containers/no-exec-in-prod', apiWith('      exec: true\n'))).toEqual([]);
    });

    it('fails ECS Exec in a prod-segment account', () => {
      const texts = change(promotedWorkloads(), PAYMENTS_PROD, '      port: 8080\n', '      port: 8080\n      exec: true\n');
      expect(ruleProblems('containers/no-exec-in-prod', texts)).toEqual([
        `${at(texts, PAYMENTS_PROD, 'exec: true')}: containers.services.api.exec is on in payments-prod, a production account — turn ECS Exec off in production; debug in a non-prod environment`,
      ]);
    });
  });

  describe('containers/ephemeral-storage-in-range', () => {
    it('passes 21 and 200 GiB', () => {
      expect(ruleProblems('containers/ephemeral-storage-in-range', apiWith('      ephemeralStorageGiB: 21\n'))).toEqual([]);
      expect(ruleProblems('containers/ephemeral-storage-in-range', apiWith('      ephemeralStorageGiB: 200\n'))).toEqual([]);
    });

    it('fails 20 and 201 GiB', () => {
      const texts = apiWith('      ephemeralStorageGiB: 201\n');
      expect(ruleProblems('containers/ephemeral-storage-in-range', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'ephemeralStorageGiB')}: containers.services.api.ephemeralStorageGiB is 201 GiB; Fargate allows 21 to 200 — give 21–200 GiB, or leave it out for the default 20 GiB`,
      ]);
      expect(ruleProblems('containers/ephemeral-storage-in-range', apiWith('      ephemeralStorageGiB: 20\n'))).toHaveLength(1);
    });
  });

  describe('containers/fargate-task-size', () => {
    it('passes memory Fargate offers for the cpu', () => {
      expect(ruleProblems('containers/fargate-task-size', apiWith('      cpu: 1024\n      memory: 3072\n'))).toEqual([]);
    });

    it('fails memory Fargate does not offer for the cpu', () => {
      const texts = apiWith('      cpu: 1024\n      memory: 1024\n');
      expect(ruleProblems('containers/fargate-task-size', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'memory: 1024')}: containers.services.api.memory is 1024 MiB, which Fargate does not offer with cpu 1024 — use 2048–8192 MiB in steps of 1024, or change cpu`,
      ]);
    });
  });

  describe('containers/queues-exist', () => {
    it('passes a service that scales on and consumes a queue of its file', () => {
      expect(ruleProblems('containers/queues-exist', dev)).toEqual([]);
    });

    it('fails references to queues the file does not have', () => {
      const texts = change(
        change(dev, PAYMENTS_DEV, 'consumes: [jobs]', 'consumes: [jbos]'),
        PAYMENTS_DEV,
        'queue: jobs }',
        'queue: work }',
      );
      expect(ruleProblems('containers/queues-exist', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'queue: work')}: containers.services.worker.scaling.queue names queue work, which is not a queue of this file — use one of jobs, or add work under queues`,
        `${at(texts, PAYMENTS_DEV, 'jbos')}: containers.services.worker.consumes.0 names queue jbos, which is not a queue of this file — use one of jobs, or add jbos under queues`,
      ]);
    });
  });

  describe('containers/scaling-bounds', () => {
    it('passes minCount ≤ desiredCount ≤ maxCount', () => {
      expect(ruleProblems('containers/scaling-bounds', dev)).toEqual([]);
    });

    it('fails a desiredCount outside the bounds, and two targets', () => {
      let texts = change(
        dev,
        PAYMENTS_DEV,
        'scaling: { minCount: 1, maxCount: 4, queue: jobs }',
        'scaling: { minCount: 2, maxCount: 4, queue: jobs }',
      );
      texts = apiWithIn(texts, '      scaling: { cpuTarget: 50, queue: jobs }\n');
      expect(ruleProblems('containers/scaling-bounds', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'scaling: { cpuTarget')}: containers.services.api.scaling has both cpuTarget and queue — scale on one target: keep cpuTarget or queue`,
        `${at(texts, PAYMENTS_DEV, 'scaling: { minCount: 2')}: containers.services.worker.scaling runs 2–4 tasks, but desiredCount is 1 — keep minCount ≤ desiredCount ≤ maxCount`,
      ]);
    });
  });

  describe('containers/callers-exist', () => {
    it('passes callers that are other services of the file', () => {
      expect(ruleProblems('containers/callers-exist', dev)).toEqual([]);
    });

    it('fails an unknown caller, the service itself, and callers without a port', () => {
      let texts = change(dev, PAYMENTS_DEV, 'callers: { services: [worker] }', 'callers: { services: [wrker, api] }');
      texts = change(texts, PAYMENTS_DEV, '      consumes: [jobs]\n', '      consumes: [jobs]\n      callers: { tiers: [web] }\n');
      expect(ruleProblems('containers/callers-exist', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'wrker')}: containers.services.api.callers.services.0 names wrker, which is not a service of this file — use one of worker`,
        `${at(texts, PAYMENTS_DEV, 'api]')}: containers.services.api.callers.services.1 names the service itself — use one of worker`,
        `${at(texts, PAYMENTS_DEV, 'worker:')}: containers.services.worker has callers (or Lattice) but no port — give the port the container listens on`,
      ]);
    });
  });

  describe('containers/lattice-needs-service-network', () => {
    it('passes Lattice where the hub has a service network', () => {
      expect(ruleProblems('containers/lattice-needs-service-network', apiWith('      lattice: true\n'))).toEqual([]);
    });

    it('fails Lattice where the hub has none', () => {
      const texts = change(apiWith('      lattice: true\n'), DEV, 'networkHub:\n', 'networkHub:\n  lattice: false\n');
      expect(ruleProblems('containers/lattice-needs-service-network', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'lattice: true')}: containers.services.api.lattice is on, but environment dev has no Lattice service network — set networkHub.lattice: true in environments/dev.yaml, or turn lattice off`,
      ]);
    });
  });

  describe('containers/image-repository-resolves', () => {
    it("passes an image of the account's own repository, and one promoted from an account that lets it pull", () => {
      expect(ruleProblems('containers/image-repository-resolves', promotedWorkloads())).toEqual([]);
    });

    it('fails a repository nobody defines, and one whose owner does not let the account pull', () => {
      let texts = change(promotedWorkloads(), PAYMENTS_DEV, 'pullAccounts: [payments-prod]', 'pullAccounts: []');
      texts = change(
        texts,
        PAYMENTS_DEV,
        'image: { repository: api, tag: "1.0.0" }\n      consumes',
        'image: { repository: wrkr, tag: "1.0.0" }\n      consumes',
      );
      expect(ruleProblems('containers/image-repository-resolves', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'repository: wrkr')}: containers.services.worker.image.repository names repository wrkr, which account payments-dev does not define — add wrkr under containers.repositories of payments-dev's workloads file`,
        `${at(texts, PAYMENTS_PROD, 'from: payments-dev')}: containers.services.api.image.from pulls from payments-dev's repository api, which does not let payments-prod pull — add payments-prod to pullAccounts of api in ${PAYMENTS_DEV}`,
      ]);
    });
  });

  describe('containers/pull-accounts-exist', () => {
    it('passes accounts of the organization', () => {
      expect(ruleProblems('containers/pull-accounts-exist', promotedWorkloads())).toEqual([]);
    });

    it('fails an unknown account and the repository’s own account', () => {
      const texts = change(
        promotedWorkloads(),
        PAYMENTS_DEV,
        'pullAccounts: [payments-prod]',
        'pullAccounts: [payments-prd, payments-dev]',
      );
      expect(ruleProblems('containers/pull-accounts-exist', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'payments-prd')}: containers.repositories.api.pullAccounts.0 names payments-prd, which is not an account of the organization — list the accounts of other environments that pull, by name`,
        `${at(texts, PAYMENTS_DEV, 'payments-dev]')}: containers.repositories.api.pullAccounts.1 is the repository’s own account — list the accounts of other environments that pull, by name`,
      ]);
    });
  });

  describe('containers/service-name-fits', () => {
    it('passes a service whose full name fits', () => {
      expect(ruleProblems('containers/service-name-fits', dev)).toEqual([]);
    });

    it('fails a service whose full name is over 52 characters', () => {
      const texts = change(dev, PAYMENTS_DEV, '    worker:\n', '    worker-that-processes-every-job:\n');
      expect(ruleProblems('containers/service-name-fits', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'worker-that')}: containers.services.worker-that-processes-every-job makes the name acme-dev-payments-dev-worker-that-processes-every-job, 53 characters; its IAM roles allow 52 — shorten the service name by 1 character`,
      ]);
    });
  });
});

function apiWithIn(texts: ReturnType<typeof devWorkloads>, lines: string) {
  return change(texts, PAYMENTS_DEV, '      port: 8080\n', `      port: 8080\n${lines}`);
}
