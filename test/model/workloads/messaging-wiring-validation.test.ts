import { landingZoneFromTexts } from '../../../model/load';
import { at, change, ruleProblems } from '../validate/fixtures';
import { WIRING_YAML, wiredPayments, wiredWith } from './messaging-wiring-fixtures';
import { PAYMENTS_DEV, textsWith } from './serverless-fixtures';

/* Functions consuming queues, and services, functions, jobs and REST methods sending to their file's messaging. */

const ORDERS_DEV = 'environments/dev/orders-dev.yaml';
const ANALYTICS_PROD = 'environments/prod/analytics-prod.yaml';

describe('messaging wiring validation', () => {
  it('accepts a function on two queues that publishes, and REST methods sending to a queue and the bus', () => {
    expect(() => landingZoneFromTexts(textsWith(WIRING_YAML))).not.toThrow();
  });

  describe('serverless/queue-sources-resolve', () => {
    it('passes queues of the file', () => {
      expect(ruleProblems('serverless/queue-sources-resolve', wiredPayments())).toEqual([]);
    });

    it('fails a queue the file does not define, with the nearest name', () => {
      const texts = wiredWith('        settlements: { batchSize', '        settlement: { batchSize');
      expect(ruleProblems('serverless/queue-sources-resolve', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'settlement: {')}: serverless.functions.settle.consumes.settlement names queue settlement, which is not a queue of this file — use one of: refunds, settlements (did you mean settlements?), or add settlement under queues`,
      ]);
    });
  });

  describe('serverless/queue-source-limits', () => {
    it('passes 100 messages with a window from a standard queue, the default 10 from a FIFO queue, concurrency within the reservation', () => {
      expect(ruleProblems('serverless/queue-source-limits', wiredPayments())).toEqual([]);
    });

    it('fails a batch over 10 without a window, over 10 from a FIFO queue, a window on a FIFO queue and concurrency over the reservation', () => {
      let texts = wiredWith(
        '{ batchSize: 100, maximumBatchingWindowSeconds: 5, maximumConcurrency: 10 }',
        '{ batchSize: 100, maximumConcurrency: 30 }',
      );
      texts = change(texts, PAYMENTS_DEV, 'refunds: {}', 'refunds: { batchSize: 11, maximumBatchingWindowSeconds: 1 }');
      expect(ruleProblems('serverless/queue-source-limits', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'batchSize: 100')}: serverless.functions.settle.consumes.settlements.batchSize is 100, over 10 without a batching window — set maximumBatchingWindowSeconds to 1 or more, or lower batchSize to 10`,
        `${at(texts, PAYMENTS_DEV, 'maximumConcurrency: 30')}: serverless.functions.settle.consumes.settlements.maximumConcurrency is 30, over the function's reservedConcurrency 20: the extra invocations are throttled and their messages come back — lower it to 20, or raise reservedConcurrency`,
        `${at(texts, PAYMENTS_DEV, 'batchSize: 11')}: serverless.functions.settle.consumes.refunds.batchSize is 11, but queue refunds is FIFO: Lambda reads at most 10 messages per batch from it — give 1–10`,
        `${at(texts, PAYMENTS_DEV, 'maximumBatchingWindowSeconds: 1')}: serverless.functions.settle.consumes.refunds.maximumBatchingWindowSeconds is set, but queue refunds is FIFO, which Lambda reads without a batching window — leave it out`,
      ]);
    });

    it('fails sizes, windows and concurrency outside what Lambda offers', () => {
      const texts = wiredWith(
        '{ batchSize: 100, maximumBatchingWindowSeconds: 5, maximumConcurrency: 10 }',
        '{ batchSize: 10001, maximumBatchingWindowSeconds: 301, maximumConcurrency: 1 }',
      );
      expect(ruleProblems('serverless/queue-source-limits', texts).map((problem) => problem.replace(/^[^ ]+ /, ''))).toEqual([
        'serverless.functions.settle.consumes.settlements.batchSize is 10001; Lambda reads 1–10000 messages per batch — give 1–10,000',
        'serverless.functions.settle.consumes.settlements.maximumBatchingWindowSeconds is 301 s; Lambda waits 0–300 s — give 0–300 s',
        'serverless.functions.settle.consumes.settlements.maximumConcurrency is 1; Lambda allows 2–1000 — give 2–1000, or leave it out',
      ]);
    });
  });

  describe('messaging/publishes-resolve', () => {
    it("passes topics and queues of the file and the account's own bus", () => {
      expect(ruleProblems('messaging/publishes-resolve', wiredPayments())).toEqual([]);
    });

    it('fails an unknown topic and queue, and a bus of another account', () => {
      const texts = wiredWith(
        'publishes: { topics: [payments], queues: [refunds], buses: [payments-dev] }',
        'publishes: { topics: [paymnts], queues: [refund], buses: [orders-dev] }',
      );
      expect(ruleProblems('messaging/publishes-resolve', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'paymnts')}: serverless.functions.settle.publishes.topics.0 names topic paymnts, which is not a topic of this file — use one of: payments (did you mean payments?), or add paymnts under topics`,
        `${at(texts, PAYMENTS_DEV, 'refund]')}: serverless.functions.settle.publishes.queues.0 names queue refund, which is not a queue of this file — use one of: refunds, settlements (did you mean refunds?), or add refund under queues`,
        `${at(texts, PAYMENTS_DEV, 'orders-dev')}: serverless.functions.settle.publishes.buses.0 names the bus of orders-dev; a workload sends only to its own account's bus — name payments-dev, and add a rule on its bus that targets { bus: orders-dev } to reach the other account`,
      ]);
    });

    it('fails an ECS service publishing to a topic nobody defines, and a Batch job to a bus its file does not have', () => {
      let texts = change(
        wiredPayments(),
        ORDERS_DEV,
        '      consumes: [order-events]\n',
        '      consumes: [order-events]\n      publishes: { topics: [order] }\n',
      );
      texts = change(texts, ANALYTICS_PROD, 'eventBus:\n  archiveRetentionDays: 30\n', '');
      expect(ruleProblems('messaging/publishes-resolve', texts)).toEqual([
        `${at(texts, ORDERS_DEV, 'order]')}: containers.services.orders-worker.publishes.topics.0 names topic order, which is not a topic of this file — use one of: orders (did you mean orders?), or add order under topics`,
        `${at(texts, ANALYTICS_PROD, 'analytics-prod] }')}: batch.jobDefinitions.aggregate.publishes.buses.0 names the bus of analytics-prod, which has no eventBus — add eventBus to this file`,
      ]);
    });
  });

  describe('serverless/rest-targets-resolve', () => {
    it('passes a method sending to a queue of the file and one putting events on its bus', () => {
      expect(ruleProblems('serverless/rest-targets-resolve', wiredPayments())).toEqual([]);
    });

    it('fails an unknown queue, two targets, none, and event details without a bus', () => {
      let texts = wiredWith('queue: settlements, authorization', 'queue: settlement, authorization');
      texts = change(texts, PAYMENTS_DEV, '          bus: payments-dev\n', '          bus: payments-dev\n          function: settle\n');
      texts = change(
        texts,
        PAYMENTS_DEV,
        '        payment-made:',
        '        list: { method: GET, path: /list, authorization: iam, event: { detailType: Listed } }\n        payment-made:',
      );
      expect(ruleProblems('serverless/rest-targets-resolve', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'queue: settlement,', 1)}: serverless.restApis.payments.routes.submit-settlement.queue names queue settlement, which is not a queue of this file — use one of: refunds, settlements (did you mean settlements?), or add settlement under queues`,
        `${at(texts, PAYMENTS_DEV, 'list: {')}: serverless.restApis.payments.routes.list has no target — give exactly one of function, queue and bus`,
        `${at(texts, PAYMENTS_DEV, 'payment-made:')}: serverless.restApis.payments.routes.payment-made has function and bus, more than one target — give exactly one of function, queue and bus`,
      ]);
    });

    it("fails a bus that is not the account's own, and event details on a queue method", () => {
      let texts = wiredWith('bus: payments-dev', 'bus: orders-dev');
      texts = change(
        texts,
        PAYMENTS_DEV,
        'queue: settlements, authorization: iam }',
        'queue: settlements, authorization: iam, event: { source: acme } }',
      );
      expect(ruleProblems('serverless/rest-targets-resolve', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'event: { source: acme }')}: serverless.restApis.payments.routes.submit-settlement.event is only for methods that put events on the bus — drop it, or target bus`,
        `${at(texts, PAYMENTS_DEV, 'bus: orders-dev')}: serverless.restApis.payments.routes.payment-made.bus names the bus of orders-dev; a workload sends only to its own account's bus — name payments-dev, and add a rule on its bus that targets { bus: orders-dev } to reach the other account`,
      ]);
    });
  });

  describe('a queue a function consumes', () => {
    it('needs a visibility timeout of 6 × the function timeout plus its batching window', () => {
      expect(ruleProblems('messaging/visibility-covers-consumers', wiredPayments())).toEqual([]);
      const texts = wiredWith('visibilityTimeoutSeconds: 185', 'visibilityTimeoutSeconds: 180');
      expect(ruleProblems('messaging/visibility-covers-consumers', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'visibilityTimeoutSeconds: 180')}: queues.settlements.visibilityTimeoutSeconds is 180 s, below the 185 s that function settle needs — raise it to at least 6 × the function's timeout plus its batching window (185 s), or the batch is received twice`,
      ]);
    });

    it('fires for a function with a longer timeout, without a window', () => {
      const texts = wiredWith('      reservedConcurrency: 20\n', '      reservedConcurrency: 20\n      timeoutSeconds: 31\n');
      expect(ruleProblems('messaging/visibility-covers-consumers', texts).map((problem) => problem.replace(/^[^ ]+ /, ''))).toEqual([
        "queues.settlements.visibilityTimeoutSeconds is 185 s, below the 191 s that function settle needs — raise it to at least 6 × the function's timeout plus its batching window (191 s), or the batch is received twice",
        "queues.refunds.visibilityTimeoutSeconds is 180 s, below the 186 s that function settle needs — raise it to at least 6 × the function's timeout (186 s), or the batch is received twice",
      ]);
    });
  });
});
