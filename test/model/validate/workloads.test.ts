import { problemsOf } from '../../support/config';
import { allRuleProblems, at, ruleProblems } from './fixtures';
import { append, change, DEV, devWorkloads, PAYMENTS_DEV, PAYMENTS_PROD, promotedWorkloads } from './workloads-fixtures';

describe('workloads rules', () => {
  it('raises no problem for valid workloads files', () => {
    expect(allRuleProblems(devWorkloads())).toEqual([]);
    expect(allRuleProblems(promotedWorkloads())).toEqual([]);
  });

  describe('workloads/account-exists', () => {
    it('passes a file named after an account of its environment', () => {
      expect(ruleProblems('workloads/account-exists', devWorkloads())).toEqual([]);
    });

    it('fails a file of an unknown account, and one in a folder that is no environment', () => {
      const texts = append(
        append(devWorkloads(), 'environments/dev/billing-dev.yaml', 'queues: {}\n'),
        'environments/qa/billing-qa.yaml',
        'queues: {}\n',
      );
      expect(ruleProblems('workloads/account-exists', texts)).toEqual([
        'environments/dev/billing-dev.yaml: belongs to account billing-dev, which is not an account of environment dev — name the file after an account of environments/dev.yaml (payments-dev, orders-dev)',
        'environments/qa/billing-qa.yaml: belongs to account billing-qa, which is in folder qa/, which is not an environment — put workloads files in a folder named after an environment file, e.g. environments/prod/orders-prod.yaml',
      ]);
    });
  });

  describe('workloads/services-need-vpc', () => {
    it('passes services in an account with a VPC', () => {
      expect(ruleProblems('workloads/services-need-vpc', devWorkloads())).toEqual([]);
    });

    it('fails services in an account without a VPC', () => {
      const texts = change(devWorkloads(), DEV, '    vpc: { cidr: 10.17.0.0/16 }\n', '');
      expect(ruleProblems('workloads/services-need-vpc', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'services:')}: containers.services run in account payments-dev, which has no VPC — give accounts.payments-dev a vpc in its environment file`,
      ]);
    });
  });

  describe('messaging/queue-names-distinct', () => {
    it('passes queues whose names do not clash', () => {
      expect(ruleProblems('messaging/queue-names-distinct', devWorkloads())).toEqual([]);
    });

    it("fails a queue named like another queue's dead-letter queue", () => {
      const texts = append(devWorkloads(), PAYMENTS_DEV, '  jobs-dlq: {}\n');
      expect(ruleProblems('messaging/queue-names-distinct', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'jobs-dlq')}: queues.jobs-dlq clashes with the dead-letter queue of queue jobs — rename the queue; every queue already gets a <name>-dlq dead-letter queue`,
      ]);
    });
  });

  it('reports a bad tier, ECS Exec in prod, storage out of range, a missing queue and a name clash at once, and synthesizes nothing', () => {
    let texts = change(
      promotedWorkloads(),
      PAYMENTS_DEV,
      '      port: 8080\n',
      '      port: 8080\n      subnetTier: public\n      ephemeralStorageGiB: 500\n',
    );
    texts = change(texts, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { cidr: 10.17.0.0/16, subnets: { app: 20, data: 24 } }');
    texts = change(texts, PAYMENTS_DEV, 'queue: jobs }', 'queue: job }');
    texts = append(texts, PAYMENTS_DEV, '  jobs-dlq: {}\n');
    texts = change(texts, PAYMENTS_PROD, '      port: 8080\n', '      port: 8080\n      exec: true\n');
    const problems = problemsOf(texts);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('containers.services.api.subnetTier is public, a tier the VPC of payments-dev does not have'),
        expect.stringContaining('containers.services.api.ephemeralStorageGiB is 500 GiB; Fargate allows 21 to 200'),
        expect.stringContaining('containers.services.worker.scaling.queue names queue job, which is not a queue of this file'),
        expect.stringContaining('queues.jobs-dlq clashes with the dead-letter queue of queue jobs'),
        expect.stringContaining(`${PAYMENTS_PROD}:`),
      ]),
    );
    expect(problems.find((problem) => problem.startsWith(PAYMENTS_PROD))).toContain(
      'containers.services.api.exec is on in payments-prod, a production account',
    );
  });
});
