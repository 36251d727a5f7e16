import { landingZoneFromTexts } from '../../../model/load';
import { problemsOf, sampleTexts } from '../../support/config';
import { at, change, ruleProblems } from '../validate/fixtures';

const DEV = 'environments/dev.yaml';
const ORDERS_DEV = 'environments/dev/orders-dev.yaml';
const PAYMENTS_DEV = 'environments/dev/payments-dev.yaml';
const ORDERS_STAGING = 'environments/staging/orders-staging.yaml';
const ORDERS_PROD = 'environments/prod/orders-prod.yaml';
const ANALYTICS_PROD = 'environments/prod/analytics-prod.yaml';

/** Entries inserted at the top of a file's `experiments` section (`lines` indented as its entries). */
const experiment = (file: string, lines: string) => change(sampleTexts(), file, '\nexperiments:\n', `\nexperiments:\n${lines}`);
const staging = (lines: string) => experiment(ORDERS_STAGING, lines);

describe('experiments validation', () => {
  it('accepts the sample: every workload account has experiments, the prod ones with allowInProd', () => {
    expect(() => landingZoneFromTexts(sampleTexts())).not.toThrow();
  });

  it('rejects every problem of a bad experiment at once, each at its place with its fix', () => {
    const texts = experiment(
      ORDERS_PROD,
      '  bad:\n    kind: ecs-stop-task\n    service: orders-apu\n    zone: eu-west-1d\n    stopConditions: [ecs-service/orders-apu/running-tasks]\n',
    );
    expect(problemsOf(texts)).toEqual([
      `${at(texts, ORDERS_PROD, 'bad:')}: experiments.bad injects faults in orders-prod, a production account, without allowInProd — add allowInProd: { reason: <why this may run in production> }, or move the experiment to a non-prod environment`,
      `${at(texts, ORDERS_PROD, 'service: orders-apu')}: experiments.bad.service names service orders-apu, which containers.services of this file does not define — use one of orders-api, orders-worker`,
      `${at(texts, ORDERS_PROD, 'zone: eu-west-1d')}: experiments.bad.zone is eu-west-1d, not a zone of the spoke VPC of orders-prod — use one of eu-west-1a, eu-west-1b, eu-west-1c`,
      `${at(texts, ORDERS_PROD, 'ecs-service/orders-apu/running-tasks')}: experiments.bad.stopConditions.0 names alarm ecs-service/orders-apu/running-tasks, which this file does not have — use one of ecs-service/orders-api/running-tasks, ecs-service/orders-worker/running-tasks, function/order-status/errors, function/order-status/throttles, http-api/order-status/5xx-rate, http-api/order-status/p99-latency, queue/order-events/dlq-depth, queue/undelivered-events/dlq-depth`,
    ]);
  });

  describe('experiments/need-spoke', () => {
    it('passes accounts with a spoke VPC', () => {
      expect(ruleProblems('experiments/need-spoke', sampleTexts())).toEqual([]);
    });

    it('fails an account without a VPC', () => {
      const texts = change(
        sampleTexts(),
        DEV,
        "    vpc:\n      ipamNetmask: 18           # block allocated from dev's IPAM pool\n      subnets: { app: 22, data: 24 }\n",
        '',
      );
      expect(ruleProblems('experiments/need-spoke', texts)).toEqual([
        `${at(texts, ORDERS_DEV, 'orders-api-tasks:', { after: 'experiments:' })}: experiments.orders-api-tasks is in account orders-dev, which has no VPC — give accounts.orders-dev a vpc in its environment file`,
        `${at(texts, ORDERS_DEV, 'app-zone-a:')}: experiments.app-zone-a is in account orders-dev, which has no VPC — give accounts.orders-dev a vpc in its environment file`,
      ]);
    });
  });

  describe('experiments/targets-exist', () => {
    it('passes services, node groups and compute environments of the file', () => {
      expect(ruleProblems('experiments/targets-exist', sampleTexts())).toEqual([]);
    });

    it('fails an unknown service, naming the ones there are', () => {
      const texts = staging('  bad:\n    kind: ecs-stop-task\n    service: payments-api\n');
      expect(ruleProblems('experiments/targets-exist', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'service: payments-api')}: experiments.bad.service names service payments-api, which containers.services of this file does not define — use one of orders-api, orders-worker`,
      ]);
    });

    it('fails an unknown node group, and an instance experiment with no single source', () => {
      const texts = experiment(
        PAYMENTS_DEV,
        '  nodes:\n    kind: eks-terminate-nodegroup-instances\n    cluster: sandbox\n    nodeGroup: general\n  both:\n    kind: spot-interrupt\n    computeEnvironment: spot\n    cluster: sandbox\n',
      );
      expect(ruleProblems('experiments/targets-exist', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'nodeGroup: general')}: experiments.nodes.nodeGroup names node group general, which kubernetes.clusters.sandbox.nodeGroups of this file does not define — use one of spot`,
        `${at(texts, PAYMENTS_DEV, 'both:')}: experiments.both names no single source of instances — give either computeEnvironment (a Batch compute environment) or cluster and nodeGroup (an EKS node group)`,
      ]);
    });

    it('fails an AZ loss of a tier the spoke does not have', () => {
      const texts = staging(
        '  web-zone-a:\n    kind: az-loss\n    zone: eu-central-1a\n    tier: public\n    duration: 5\n    stopConditions: [ecs-service/orders-api/running-tasks]\n',
      );
      expect(ruleProblems('experiments/targets-exist', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'tier: public')}: experiments.web-zone-a.tier is public, a tier the VPC of orders-staging does not have — use one of app, data`,
      ]);
    });
  });

  describe('experiments/zone-in-spoke', () => {
    it('passes zones of the spoke VPC', () => {
      expect(ruleProblems('experiments/zone-in-spoke', sampleTexts())).toEqual([]);
    });

    it("fails a zone of the environment that the account's VPC does not use", () => {
      const texts = change(sampleTexts(), ORDERS_STAGING, 'zone: eu-central-1b', 'zone: eu-central-1c');
      expect(ruleProblems('experiments/zone-in-spoke', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'zone: eu-central-1c')}: experiments.app-zone-b.zone is eu-central-1c, not a zone of the spoke VPC of orders-staging — use one of eu-central-1a, eu-central-1b`,
      ]);
    });
  });

  describe('experiments/duration-in-range', () => {
    it('passes minutes and ISO 8601 durations from 1 minute to 12 hours', () => {
      expect(ruleProblems('experiments/duration-in-range', sampleTexts())).toEqual([]);
      expect(ruleProblems('experiments/duration-in-range', change(sampleTexts(), ORDERS_STAGING, 'PT15M', 'PT12H'))).toEqual([]);
    });

    it('fails 13 hours, 0 minutes and a text that is no duration', () => {
      for (const [written, message] of [
        ['PT13H', 'is 780 minutes; FIS allows 1 minute to 12 hours'],
        ['0', 'is 0 minutes; FIS allows 1 minute to 12 hours'],
        ['15m', 'is "15m", neither whole minutes nor an ISO 8601 duration'],
      ]) {
        const texts = change(sampleTexts(), ORDERS_STAGING, 'duration: PT15M', `duration: ${written}`);
        expect(ruleProblems('experiments/duration-in-range', texts)).toEqual([
          `${at(texts, ORDERS_STAGING, `duration: ${written}`)}: experiments.app-zone-b.duration ${message} — give minutes (10) or PT<h>H<m>M (PT10M, PT1H30M), from 1 minute to 12 hours`,
        ]);
      }
    });
  });

  describe('experiments/capacity-matches', () => {
    it('passes Spot interruptions of Spot capacity and stops of On-Demand capacity', () => {
      expect(ruleProblems('experiments/capacity-matches', sampleTexts())).toEqual([]);
    });

    it('fails stopping Spot instances, and interrupting On-Demand ones', () => {
      const texts = experiment(
        ANALYTICS_PROD,
        '  stop-spot:\n    kind: ec2-stop\n    computeEnvironment: spot\n    duration: 5\n  interrupt-general:\n    kind: spot-interrupt\n    cluster: platform\n    nodeGroup: general\n',
      );
      expect(ruleProblems('experiments/capacity-matches', texts)).toEqual([
        `${at(texts, ANALYTICS_PROD, 'computeEnvironment: spot', { after: 'stop-spot:' })}: experiments.stop-spot.computeEnvironment names spot capacity; ec2-stop needs on-demand instances — target On-Demand capacity, or use spot-interrupt`,
        `${at(texts, ANALYTICS_PROD, 'nodeGroup: general', { after: 'interrupt-general:' })}: experiments.interrupt-general.nodeGroup names on-demand capacity; spot-interrupt needs spot instances — target Spot capacity, or use ec2-stop`,
      ]);
    });
  });

  describe('experiments/allowed-in-prod', () => {
    it('passes prod experiments with a reason, and non-prod ones without', () => {
      expect(ruleProblems('experiments/allowed-in-prod', sampleTexts())).toEqual([]);
    });

    it('fails a prod experiment without allowInProd', () => {
      const texts = change(
        sampleTexts(),
        ORDERS_PROD,
        '    allowInProd:\n      reason: Quarterly game day; three tasks over three zones must absorb the loss of one\n',
        '',
      );
      expect(ruleProblems('experiments/allowed-in-prod', texts)).toEqual([
        `${at(texts, ORDERS_PROD, 'orders-api-tasks:', { after: 'experiments:' })}: experiments.orders-api-tasks injects faults in orders-prod, a production account, without allowInProd — add allowInProd: { reason: <why this may run in production> }, or move the experiment to a non-prod environment`,
      ]);
    });
  });

  describe('experiments/stopped-by-alarm', () => {
    it('passes named alarms of the file, and defaults that find one', () => {
      expect(ruleProblems('experiments/stopped-by-alarm', sampleTexts())).toEqual([]);
    });

    it('fails an alarm key the file does not have', () => {
      const texts = change(
        sampleTexts(),
        ORDERS_STAGING,
        '      - queue/order-events/dlq-depth\n',
        '      - queue/order-event/dlq-depth\n',
      );
      expect(ruleProblems('experiments/stopped-by-alarm', texts)[0]).toBe(
        `${at(texts, ORDERS_STAGING, 'queue/order-event/dlq-depth')}: experiments.app-zone-b.stopConditions.2 names alarm queue/order-event/dlq-depth, which this file does not have — use one of ecs-service/orders-api/running-tasks, ecs-service/orders-worker/running-tasks, function/order-status/errors, function/order-status/throttles, http-api/order-status/5xx-rate, http-api/order-status/p99-latency, queue/order-events/dlq-depth, queue/undelivered-events/dlq-depth`,
      );
    });

    it('fails a default that finds no alarm: the one alarm of the service is turned off', () => {
      const texts = change(
        sampleTexts(),
        ORDERS_DEV,
        '    function/order-status/throttles: { enabled: false }\n',
        '    function/order-status/throttles: { enabled: false }\n    ecs-service/orders-api/running-tasks: { enabled: false }\n',
      );
      expect(ruleProblems('experiments/stopped-by-alarm', texts)).toEqual([
        expect.stringContaining(
          `${at(texts, ORDERS_DEV, 'orders-api-tasks:', { after: 'experiments:' })}: experiments.orders-api-tasks has no alarm to stop it: its target has none, and stopConditions is not given — list stopConditions from ecs-service/orders-worker/running-tasks,`,
        ),
        `${at(texts, ORDERS_DEV, 'ecs-service/orders-api/running-tasks', { after: 'app-zone-a:' })}: experiments.app-zone-a.stopConditions.0 names alarm ecs-service/orders-api/running-tasks, which this file does not have — use one of ecs-service/orders-worker/running-tasks, function/order-status/errors, http-api/order-status/5xx-rate, http-api/order-status/p99-latency, queue/order-events/dlq-depth, queue/undelivered-events/dlq-depth`,
      ]);
    });
  });

  describe('experiments/stop-conditions-within-quota', () => {
    it('passes at most 5 stop conditions', () => {
      expect(ruleProblems('experiments/stop-conditions-within-quota', sampleTexts())).toEqual([]);
    });

    it('fails an AZ loss whose default, every alarm of the account, is more than 5', () => {
      const texts = staging('  app-zone-a:\n    kind: az-loss\n    zone: eu-central-1a\n    duration: 5\n');
      expect(ruleProblems('experiments/stop-conditions-within-quota', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'app-zone-a:')}: experiments.app-zone-a stops by default on 8 alarms; FIS allows 5 stop conditions per template — list at most 5 under stopConditions, the signals of what it hits first (from ecs-service/orders-api/running-tasks, ecs-service/orders-worker/running-tasks, function/order-status/errors, function/order-status/throttles, http-api/order-status/5xx-rate, http-api/order-status/p99-latency, queue/order-events/dlq-depth, queue/undelivered-events/dlq-depth)`,
      ]);
    });
  });

  describe('experiments/names-fit', () => {
    it('passes role names within 64 characters', () => {
      expect(ruleProblems('experiments/names-fit', sampleTexts())).toEqual([]);
    });

    it('fails a name whose role would be longer', () => {
      const name = 'a-very-long-experiment-name-xyz';
      const texts = staging(`  ${name}:\n    kind: ecs-stop-task\n    service: orders-api\n`);
      expect(ruleProblems('experiments/names-fit', texts)).toEqual([]);
      const longOrg = change(texts, 'environments/org.yaml', 'name: acme\n', `name: ${'acme'.repeat(8)}\n`);
      expect(ruleProblems('experiments/names-fit', longOrg)).toContainEqual(
        `${at(longOrg, ORDERS_STAGING, `${name}:`)}: experiments.${name} makes role name ${'acme'.repeat(8)}-${name}-fis, 68 characters; IAM allows 64 — shorten the experiment's name by 4`,
      );
    });
  });
});
