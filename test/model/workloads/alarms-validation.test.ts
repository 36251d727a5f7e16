import { landingZoneFromTexts } from '../../../model/load';
import { problemsOf, sampleTexts } from '../../support/config';
import { append, at, change, ruleProblems } from '../validate/fixtures';

const ORG = 'environments/org.yaml';
const ORDERS_STAGING = 'environments/staging/orders-staging.yaml';
const ORDERS_PROD = 'environments/prod/orders-prod.yaml';
const PAYMENTS_PROD = 'environments/prod/payments-prod.yaml';

const staging = (lines: string) => append(sampleTexts(), ORDERS_STAGING, lines);

/** orders-prod.yaml ends with its `alarms` section: more of it is appended there. */
const ordersProd = (lines: string) => append(sampleTexts(), ORDERS_PROD, lines);

const waiver = (stack: string, resource: string, expires = '2099-12-31') =>
  `policyWaivers:\n  - rule: LZ-ALARM-001\n    stack: ${stack}\n    resource: "${resource}"\n    reason: settlement queue is drained by hand during the migration\n    expires: ${expires}\n`;

describe('alarms validation', () => {
  it('accepts the sample: a named alerts topic, a signal default, and a dev alarm turned off', () => {
    expect(() => landingZoneFromTexts(sampleTexts())).not.toThrow();
  });

  describe('alarms/topic-exists', () => {
    it('passes a standard topic of the file, and no topic at all (the default one is created)', () => {
      expect(ruleProblems('alarms/topic-exists', sampleTexts())).toEqual([]);
      expect(ruleProblems('alarms/topic-exists', staging('alarms:\n  topic: orders\n'))).toEqual([]);
    });

    it('fails a topic the file does not define, naming the nearest one', () => {
      const texts = staging('alarms:\n  topic: order\n');
      expect(ruleProblems('alarms/topic-exists', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'topic: order', { after: 'alarms:' })}: alarms.topic names topic order, which is not a topic of this file — use one of: orders (did you mean orders?), add order under topics, or leave alarms.topic out for a topic alarms of their own`,
      ]);
    });

    it('fails a FIFO topic: CloudWatch alarms publish only to standard topics', () => {
      const fifo = append(
        change(sampleTexts(), ORDERS_STAGING, 'topics:\n', 'topics:\n  ops: { fifo: true }\n'),
        ORDERS_STAGING,
        'alarms:\n  topic: ops\n',
      );
      expect(ruleProblems('alarms/topic-exists', fifo)).toEqual([
        `${at(fifo, ORDERS_STAGING, 'topic: ops', { after: 'alarms:' })}: alarms.topic makes the alarm topic ops FIFO; CloudWatch alarms publish only to standard topics — name a standard topic, or add one for alarms under topics`,
      ]);
    });
  });

  describe('alarms/overrides-resolve', () => {
    it('passes overrides of alarms the file has', () => {
      const texts = staging('alarms:\n  overrides:\n    ecs-service/orders-api/running-tasks: { threshold: 2 }\n');
      expect(ruleProblems('alarms/overrides-resolve', texts)).toEqual([]);
    });

    it('fails an unknown subject and a signal of another kind, each at its key, naming the nearest key', () => {
      const texts = staging(
        'alarms:\n  overrides:\n    function/order-stats/errors: { threshold: 2 }\n    queue/order-events/errors: { threshold: 2 }\n',
      );
      expect(ruleProblems('alarms/overrides-resolve', texts)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${at(texts, ORDERS_STAGING, 'function/order-stats/errors')}: alarms\\.overrides\\.function/order-stats/errors names function/order-stats/errors, which is not an alarm of this file — use one of: .*\\(did you mean function/order-status/errors\\?\\)$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${at(texts, ORDERS_STAGING, 'queue/order-events/errors')}: alarms\\.overrides\\.queue/order-events/errors names queue/order-events/errors, which is not an alarm of this file — use one of: ecs-service/orders-api/running-tasks, .*, queue/undelivered-events/dlq-depth$`,
          ),
        ),
      ]);
    });
  });

  describe('alarms/thresholds-in-range', () => {
    it('passes thresholds within each signal’s range', () => {
      const texts = staging(
        'alarms:\n  defaults:\n    http-api/5xx-rate: { threshold: 100 }\n  overrides:\n    queue/order-events/dlq-depth: { threshold: 0 }\n',
      );
      expect(ruleProblems('alarms/thresholds-in-range', texts)).toEqual([]);
    });

    it('fails a rate over 100 % in defaults and a zero error count in an override, at each threshold', () => {
      const texts = staging(
        'alarms:\n  defaults:\n    http-api/5xx-rate: { threshold: 150 }\n  overrides:\n    function/order-status/errors: { threshold: 0 }\n',
      );
      expect(ruleProblems('alarms/thresholds-in-range', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'threshold: 150')}: alarms.defaults.http-api/5xx-rate.threshold is 150 %; http-api/5xx-rate thresholds are 0.01 to 100 % — give a threshold from 0.01 to 100 % (default 1)`,
        `${at(texts, ORDERS_STAGING, 'threshold: 0')}: alarms.overrides.function/order-status/errors.threshold is 0 errors per minute; function/errors thresholds are 1 to 1000000 errors per minute — give a threshold from 1 to 1000000 errors per minute (default 1)`,
      ]);
    });
  });

  describe('alarms/windows-valid', () => {
    it('passes 3 of 5 periods of 120 s', () => {
      const texts = staging(
        'alarms:\n  defaults:\n    function/errors: { periodSeconds: 120, evaluationPeriods: 5, datapointsToAlarm: 3 }\n',
      );
      expect(ruleProblems('alarms/windows-valid', texts)).toEqual([]);
    });

    it('fails a period that is no multiple of a minute, more datapoints than periods, and more than a day', () => {
      const texts = staging(
        'alarms:\n  defaults:\n    function/errors: { periodSeconds: 90 }\n  overrides:\n    ecs-service/orders-api/running-tasks: { datapointsToAlarm: 6 }\n    queue/order-events/dlq-depth: { periodSeconds: 3600, evaluationPeriods: 25 }\n',
      );
      expect(ruleProblems('alarms/windows-valid', texts)).toEqual([
        `${at(texts, ORDERS_STAGING, 'periodSeconds: 90')}: alarms.defaults.function/errors.periodSeconds is 90 s — give a multiple of 60 s, e.g. 60 or 300`,
        `${at(texts, ORDERS_STAGING, 'datapointsToAlarm: 6')}: alarms.overrides.ecs-service/orders-api/running-tasks.datapointsToAlarm asks for 6 breaching periods out of 5 — give datapointsToAlarm at most evaluationPeriods`,
        `${at(texts, ORDERS_STAGING, 'evaluationPeriods: 25')}: alarms.overrides.queue/order-events/dlq-depth.evaluationPeriods evaluates 25 periods of 3600 s, more than a day — keep periodSeconds × evaluationPeriods at most 86400 (CloudWatch evaluates at most one day)`,
      ]);
    });
  });

  describe('alarms/prod-disable-waived', () => {
    const disable = 'alarms:\n  overrides:\n    queue/settlements/dlq-depth: { enabled: false }\n';

    it('passes a disabled alarm outside prod, and a prod alarm under an unexpired waiver of LZ-ALARM-001 for its stack', () => {
      expect(
        ruleProblems(
          'alarms/prod-disable-waived',
          staging('alarms:\n  overrides:\n    queue/order-events/dlq-depth: { enabled: false }\n'),
        ),
      ).toEqual([]);
      const texts = append(
        append(sampleTexts(), PAYMENTS_PROD, disable),
        ORG,
        waiver('prod-workloads-payments-prod', 'aws_cloudwatch_metric_alarm.alarm-queue--settlements--dlq-depth_*'),
      );
      expect(ruleProblems('alarms/prod-disable-waived', texts)).toEqual([]);
    });

    it('fails a prod alarm turned off without a waiver, or under an expired one or one of another stack, saying which waiver to add', () => {
      const fix =
        'tune the threshold instead, or add a policyWaivers entry to org.yaml { rule: LZ-ALARM-001, stack: prod-workloads-payments-prod, resource: "aws_cloudwatch_metric_alarm.alarm-queue--settlements--dlq-depth_*", reason, expires } — the alarms stay, with their actions off';
      for (const orgLines of ['', waiver('prod-workloads-payments-prod', '*', '2020-01-01'), waiver('prod-workloads-orders-prod', '*')]) {
        const texts = append(append(sampleTexts(), PAYMENTS_PROD, disable), ORG, orgLines);
        expect(ruleProblems('alarms/prod-disable-waived', texts)).toEqual([
          `${at(texts, PAYMENTS_PROD, 'enabled: false')}: alarms.overrides.queue/settlements/dlq-depth.enabled turns off queue/settlements/dlq-depth in payments-prod, a production account, without a waiver — ${fix}`,
        ]);
      }
    });

    it('fails a signal turned off for a whole prod file, unless a waiver covers every one of its alarms', () => {
      const off = 'alarms:\n  defaults:\n    function/throttles: { enabled: false }\n';
      const texts = append(sampleTexts(), PAYMENTS_PROD, off);
      expect(ruleProblems('alarms/prod-disable-waived', texts)).toEqual([
        `${at(texts, PAYMENTS_PROD, 'enabled: false')}: alarms.defaults.function/throttles.enabled turns off every function/throttles alarm in payments-prod, a production account, without a waiver — tune the threshold instead, or add a policyWaivers entry to org.yaml { rule: LZ-ALARM-001, stack: prod-workloads-payments-prod, resource: "aws_cloudwatch_metric_alarm.alarm-function--*--throttles_*", reason, expires } — the alarms stay, with their actions off`,
      ]);
      const waivedTexts = append(texts, ORG, waiver('prod-workloads-*', 'aws_cloudwatch_metric_alarm.alarm-function--*--throttles_*'));
      expect(ruleProblems('alarms/prod-disable-waived', waivedTexts)).toEqual([]);
    });
  });

  it('reports every alarm problem of a file at once', () => {
    const texts = ordersProd(
      '  overrides:\n    function/order-status/errors: { threshold: 0, enabled: false }\n    function/nope/errors: {}\n',
    );
    const problems = problemsOf(texts).filter((problem) => problem.includes('alarms.'));
    expect(problems).toHaveLength(3);
  });
});
