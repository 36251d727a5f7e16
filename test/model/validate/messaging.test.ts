import { crossAccountSample, ORDERS_DEV, PAYMENTS_DEV, unlocated, withFiles } from '../workloads/messaging-support';
import { ruleProblems } from './fixtures';

/* One describe block per messaging rule: the sample's flows pass, a broken variant fails. Exact messages: test/model/workloads/messaging-validation.test.ts. */

const sample = crossAccountSample();
const orders = (from: string, to: string) => withFiles(sample, { 'dev/orders-dev': ORDERS_DEV.replace(from, to) });
const payments = (from: string, to: string) => withFiles(sample, { 'dev/payments-dev': PAYMENTS_DEV.replace(from, to) });
const problems = (id: string, texts = sample) => ruleProblems(id, texts).map(unlocated);

describe('messaging rules', () => {
  describe('messaging/visibility-covers-consumers', () => {
    it('passes a visibility timeout at least the processing time', () => {
      expect(problems('messaging/visibility-covers-consumers')).toEqual([]);
    });

    it('fails one below it', () => {
      expect(problems('messaging/visibility-covers-consumers', orders('processingSeconds: 100', 'processingSeconds: 121'))).toHaveLength(1);
    });
  });

  describe('messaging/ecs-consumers-on-sse-sqs', () => {
    it('passes SSE-SQS queues that ECS services consume', () => {
      expect(problems('messaging/ecs-consumers-on-sse-sqs')).toEqual([]);
    });

    it('fails a KMS queue an ECS service consumes', () => {
      expect(
        problems('messaging/ecs-consumers-on-sse-sqs', orders('processingSeconds: 100', 'processingSeconds: 100\n    encryption: kms')),
      ).toHaveLength(1);
    });
  });

  describe('messaging/ecs-consumers-on-standard-queues', () => {
    it('passes a standard queue an ECS service consumes', () => {
      expect(problems('messaging/ecs-consumers-on-standard-queues')).toEqual([]);
    });

    it('fails a FIFO queue an ECS service consumes', () => {
      expect(
        problems('messaging/ecs-consumers-on-standard-queues', orders('processingSeconds: 100', 'processingSeconds: 100\n    fifo: true')),
      ).toHaveLength(1);
    });
  });

  describe('messaging/subscription-topic-exists', () => {
    it('passes a subscription to a topic of another account', () => {
      expect(problems('messaging/subscription-topic-exists')).toEqual([]);
    });

    it('fails a topic the account does not define', () => {
      expect(problems('messaging/subscription-topic-exists', payments('topic: orders', 'topic: ordres'))).toEqual([
        'environments/dev/payments-dev.yaml: queues.settlements.subscriptions.orders.topic names topic ordres, which account orders-dev does not define — add ordres under topics of environments/dev/orders-dev.yaml, or fix the name',
      ]);
    });
  });

  describe('messaging/subscription-same-region', () => {
    it('passes a topic of the same region', () => {
      expect(problems('messaging/subscription-same-region')).toEqual([]);
    });

    it('fails a topic of another region', () => {
      const texts = withFiles(sample, {
        'staging/payments-staging':
          'eventBus: {}\nqueues:\n  refunds:\n    subscriptions:\n      orders: { topic: orders, account: orders-dev }\n',
      });
      expect(problems('messaging/subscription-same-region', texts)).toHaveLength(1);
    });
  });

  describe('messaging/subscription-fifo-matches', () => {
    it('passes a standard queue on a standard topic', () => {
      expect(problems('messaging/subscription-fifo-matches')).toEqual([]);
    });

    it('fails a FIFO queue on a standard topic', () => {
      expect(
        problems('messaging/subscription-fifo-matches', payments('  settlements:\n', '  settlements:\n    fifo: true\n')),
      ).toHaveLength(1);
    });
  });

  describe('messaging/subscriptions-acyclic', () => {
    it('passes a subscription one way', () => {
      expect(problems('messaging/subscriptions-acyclic')).toEqual([]);
    });

    it('fails two accounts subscribing to each other', () => {
      const both = withFiles(sample, {
        'dev/orders-dev': ORDERS_DEV.replace(
          '    processingSeconds: 100\n',
          '    processingSeconds: 100\n    subscriptions:\n      refunds: { account: payments-dev, topic: refunds }\n',
        ),
        'dev/payments-dev': `${PAYMENTS_DEV}topics:\n  refunds: {}\n`,
      });
      expect(problems('messaging/subscriptions-acyclic', both)).toEqual([
        'environments/dev/payments-dev.yaml: queues.settlements.subscriptions.orders.account subscribes to orders-dev, whose queues subscribe to topics of payments-dev: neither stack can deploy first — let one account own both topics, or connect the other direction through an event bus',
      ]);
    });
  });

  describe('messaging/filter-policy-within-limits', () => {
    it('passes a filter on two keys', () => {
      expect(problems('messaging/filter-policy-within-limits')).toEqual([]);
    });

    it('fails a filter on six keys', () => {
      const texts = payments(
        'filter: { type: [OrderPlaced], total: [{ numeric: [">", 0] }] }',
        'filter: { a: [1], b: [1], c: [1], d: [1], e: [1], f: [1] }',
      );
      expect(problems('messaging/filter-policy-within-limits', texts)).toHaveLength(1);
    });
  });

  describe('messaging/accounts-exist', () => {
    it('passes producers and publishers that are other accounts', () => {
      expect(problems('messaging/accounts-exist', orders('  orders: {}', '  orders: { publishers: [payments-dev] }'))).toEqual([]);
    });

    it('fails an unknown publisher', () => {
      expect(problems('messaging/accounts-exist', orders('  orders: {}', '  orders: { publishers: [ghost-dev] }'))).toEqual([
        'environments/dev/orders-dev.yaml: topics.orders.publishers.0 names ghost-dev, which is not an account of the organization — name an account of an environment file',
      ]);
    });
  });

  describe('messaging/event-pattern-valid', () => {
    it('passes a pattern written as a YAML mapping', () => {
      expect(problems('messaging/event-pattern-valid')).toEqual([]);
    });

    it('fails a pattern over 2,048 characters', () => {
      const long = `pattern: { source: [${Array.from({ length: 200 }, (_, i) => `acme.source-${i}`).join(', ')}] }`;
      expect(problems('messaging/event-pattern-valid', orders('pattern: { detail-type: [OrderPlaced] }', long))[0]).toMatch(
        /characters as JSON; EventBridge allows 2048/,
      );
    });
  });

  describe('messaging/event-targets-resolve', () => {
    it('passes a bus of another account that has one', () => {
      expect(problems('messaging/event-targets-resolve')).toEqual([]);
    });

    it('fails a target bus that does not exist', () => {
      expect(problems('messaging/event-targets-resolve', payments('eventBus: {}', ''))).toHaveLength(1);
    });
  });

  describe('messaging/event-bus-dead-letter-queue-exists', () => {
    it('passes a standard queue of the file', () => {
      expect(
        problems('messaging/event-bus-dead-letter-queue-exists', orders('eventBus:\n', 'eventBus:\n  deadLetterQueue: order-events\n')),
      ).toEqual([]);
    });

    it('fails a FIFO queue', () => {
      const texts = withFiles(sample, {
        'dev/payments-dev': PAYMENTS_DEV.replace('eventBus: {}', 'eventBus: { deadLetterQueue: settlements }').replace(
          '  settlements:\n',
          '  settlements:\n    fifo: true\n',
        ),
      });
      expect(problems('messaging/event-bus-dead-letter-queue-exists', texts)).toEqual([
        'environments/dev/payments-dev.yaml: eventBus.deadLetterQueue names FIFO queue settlements — EventBridge dead-letters only into standard queues; name one',
      ]);
    });
  });

  describe('messaging/event-archive-without-kms', () => {
    it('passes an archive on a bus with an AWS owned key', () => {
      expect(problems('messaging/event-archive-without-kms', payments('eventBus: {}', 'eventBus: { archiveRetentionDays: 7 }'))).toEqual(
        [],
      );
    });

    it('fails an archive on a KMS bus', () => {
      expect(
        problems('messaging/event-archive-without-kms', payments('eventBus: {}', 'eventBus: { encryption: kms, archiveRetentionDays: 7 }')),
      ).toHaveLength(1);
    });
  });
});
