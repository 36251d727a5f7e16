import { problemsOf } from '../../support/config';
import { sampleModel } from '../../support/config';
import { crossAccountSample, ORDERS_DEV, PAYMENTS_DEV, unlocated, withFiles } from './messaging-support';

const valid = crossAccountSample;
const problems = (files: Record<string, string>) =>
  problemsOf(withFiles(valid(), files))
    .map(unlocated)
    .filter((problem) => problem.includes('/dev/') || problem.includes('/staging/'));

describe('messaging validation', () => {
  it('accepts a topic fanned out to another account and a rule delivering to its bus', () => {
    expect(() => sampleModel(valid())).not.toThrow();
  });

  describe('with a visibility timeout below the ECS consumer’s processing time', () => {
    it('names the queue, the consumer and the time it needs', () => {
      expect(problems({ 'dev/orders-dev': ORDERS_DEV.replace('processingSeconds: 100', 'processingSeconds: 300') })).toEqual([
        'environments/dev/orders-dev.yaml: queues.order-events.visibilityTimeoutSeconds is 120 s, below the 300 s that ECS service orders-worker needs — raise it to at least processingSeconds (300 s), or the message is received twice',
      ]);
    });
  });

  describe('with a KMS queue that an ECS service consumes', () => {
    it('asks for SSE-SQS, since task roles cannot decrypt with the messaging key', () => {
      expect(
        problems({ 'dev/orders-dev': ORDERS_DEV.replace('processingSeconds: 100', 'processingSeconds: 100\n    encryption: kms') }),
      ).toEqual([
        'environments/dev/orders-dev.yaml: queues.order-events.encryption is kms, but ECS service orders-worker consumes the queue and its task role cannot decrypt with the messaging key — use encryption: sqs for queues that ECS services consume',
      ]);
    });
  });

  describe('with a subscription to a topic in another region', () => {
    it('rejects it in the queue’s file', () => {
      const staging = `\neventBus: {}\nqueues:\n  settlements:\n    subscriptions:\n      orders: { topic: orders, account: orders-dev }\n`;
      expect(problems({ 'staging/payments-staging': staging })).toEqual([
        'environments/staging/payments-staging.yaml: queues.settlements.subscriptions.orders.account subscribes a queue in eu-central-1 to topic orders of orders-dev in eu-west-1 — subscribe a queue of an account in eu-west-1, or publish to a topic in eu-central-1',
      ]);
    });
  });

  describe('with a filter policy over the limits', () => {
    it('rejects six keys, and 8 × 5 × 4 = 160 combinations', () => {
      const sixKeys = PAYMENTS_DEV.replace(
        'filter: { type: [OrderPlaced], total: [{ numeric: [">", 0] }] }',
        'filter: { a: [1], b: [1], c: [1], d: [1], e: [1], f: [1] }',
      );
      const combos = PAYMENTS_DEV.replace(
        'filter: { type: [OrderPlaced], total: [{ numeric: [">", 0] }] }',
        'filter: { a: [1, 2, 3, 4, 5, 6, 7, 8], b: [1, 2, 3, 4, 5], c: [1, 2, 3, 4] }',
      );
      expect(problems({ 'dev/payments-dev': sixKeys })).toEqual([
        'environments/dev/payments-dev.yaml: queues.settlements.subscriptions.orders.filter matches on 6 keys; SNS allows at most 5 — split it into several subscriptions, or match on fewer values',
      ]);
      expect(problems({ 'dev/payments-dev': combos })).toEqual([
        'environments/dev/payments-dev.yaml: queues.settlements.subscriptions.orders.filter has 160 value combinations; SNS allows at most 150 — split it into several subscriptions, or match on fewer values',
      ]);
    });
  });

  describe('with an event pattern that is not valid JSON', () => {
    it('rejects it at the pattern', () => {
      const [problem] = problems({
        'dev/orders-dev': ORDERS_DEV.replace('pattern: { detail-type: [OrderPlaced] }', `pattern: '{"detail-type": [OrderPlaced]}'`),
      });
      expect(problem).toMatch(
        /^environments\/dev\/orders-dev\.yaml: eventBus\.rules\.order-placed\.pattern is not valid JSON \(.*\) — give a JSON object/,
      );
    });
  });

  describe('with a target bus that does not exist', () => {
    it('rejects a bus of an account without eventBus, for the rule targeting it and the function publishing to it', () => {
      expect(problems({ 'dev/payments-dev': PAYMENTS_DEV.replace('eventBus: {}', '') })).toEqual([
        'environments/dev/orders-dev.yaml: eventBus.rules.order-placed.targets.payments.bus names the bus of payments-dev, which has no eventBus — add eventBus to environments/dev/payments-dev.yaml',
        'environments/dev/payments-dev.yaml: serverless.functions.settlement-consumer.publishes.buses.0 names the bus of payments-dev, which has no eventBus — add eventBus to this file',
      ]);
    });
  });

  describe('with a subscription to a topic nobody defines and a FIFO queue on a standard topic', () => {
    it('names the topic and the account', () => {
      const bad = PAYMENTS_DEV.replace('topic: orders', 'topic: order').replace('  settlements:\n', '  settlements:\n    fifo: true\n');
      expect(problems({ 'dev/payments-dev': bad })).toEqual([
        'environments/dev/payments-dev.yaml: queues.settlements.subscriptions.orders.topic names topic order, which account orders-dev does not define — add order under topics of environments/dev/orders-dev.yaml, or fix the name',
      ]);
      const fifo = PAYMENTS_DEV.replace('  settlements:\n', '  settlements:\n    fifo: true\n');
      expect(problems({ 'dev/payments-dev': fifo })).toEqual([
        'environments/dev/payments-dev.yaml: queues.settlements.subscriptions.orders.topic names standard topic orders, which cannot deliver to a FIFO queue — make the topic FIFO, or the queue standard',
      ]);
    });
  });

  describe('with targets, producers and a dead-letter queue that do not resolve', () => {
    it('reports each of them', () => {
      const bad = ORDERS_DEV.replace(
        'payments: { bus: payments-dev }',
        'payments: { bus: payments-dev, queue: order-events }\n        self: { bus: orders-dev }\n        audit: { queue: audit }',
      )
        .replace('eventBus:\n', 'eventBus:\n  deadLetterQueue: undelivered\n')
        .replace('    processingSeconds: 100\n', '    processingSeconds: 100\n    producers: [orders-dev, ghost-dev]\n');
      expect(problems({ 'dev/orders-dev': bad }).sort()).toEqual([
        'environments/dev/orders-dev.yaml: eventBus.deadLetterQueue names queue undelivered, which is not a queue of this file — add undelivered under queues',
        'environments/dev/orders-dev.yaml: eventBus.rules.order-placed.targets.audit.queue names queue audit, which is not a queue of this file — add audit under queues',
        'environments/dev/orders-dev.yaml: eventBus.rules.order-placed.targets.payments needs exactly one of bus or queue — name a bus (an account) or a queue of this file',
        'environments/dev/orders-dev.yaml: eventBus.rules.order-placed.targets.self.bus is this account’s own bus, which the rule listens on — target a queue, or another account’s bus',
        'environments/dev/orders-dev.yaml: queues.order-events.producers.0 is the file’s own account, which needs no grant — list other accounts only',
        'environments/dev/orders-dev.yaml: queues.order-events.producers.1 names ghost-dev, which is not an account of the organization — name an account of an environment file',
      ]);
    });
  });

  it('reports several bad inputs in several files at once', () => {
    const found = problems({
      'dev/orders-dev': ORDERS_DEV.replace('processingSeconds: 100', 'processingSeconds: 300').replace(
        'pattern: { detail-type: [OrderPlaced] }',
        "pattern: 'nope'",
      ),
      'dev/payments-dev': PAYMENTS_DEV.replace('eventBus: {}', 'eventBus: { encryption: kms, archiveRetentionDays: 7 }').replace(
        'topic: orders',
        'topic: missing',
      ),
    });
    expect(found.map((problem) => problem.split(' ')[1]).sort()).toEqual([
      'eventBus.archiveRetentionDays',
      'eventBus.rules.order-placed.pattern',
      'queues.order-events.visibilityTimeoutSeconds',
      'queues.settlements.subscriptions.orders.topic',
    ]);
  });
});
