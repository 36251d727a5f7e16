import type { WorkloadsPlan } from '../../../model/workloads/types';
import { sampleModel } from '../../support/config';
import { crossAccountSample, ORDERS_DEV, PAYMENTS_DEV, withFiles } from './messaging-support';

function plansOf(texts = crossAccountSample()): Record<string, WorkloadsPlan> {
  return Object.fromEntries(
    sampleModel(texts)
      .stacks.filter((plan): plan is WorkloadsPlan => plan.kind === 'workloads')
      .map((plan) => [plan.accountName, plan]),
  );
}

const ORDERS = { name: 'orders-dev', id: '510000000002' };
const PAYMENTS = { name: 'payments-dev', id: '510000000001' };

/** The topic the account's alarms notify (the file names none): CloudWatch publishes for the stack's alarms. */
const alarmTopic = (account: { name: string; id: string }) => ({
  name: 'alarms',
  topicName: 'acme-alarms',
  fifo: false,
  publishers: [],
  subscribers: [],
  alarmSources: { service: 'cloudwatch', region: 'eu-west-1', account, resource: `alarm:acme-dev-${account.name}/*` },
});

describe('messaging plan', () => {
  const plans = plansOf();
  const orders = plans['orders-dev'];
  const payments = plans['payments-dev'];

  describe("of the topic's account", () => {
    it('grants SNS:Subscribe to the accounts whose queues subscribe, from their files', () => {
      expect(orders.messaging?.topics).toEqual([
        alarmTopic(ORDERS),
        { name: 'orders', topicName: 'acme-orders', fifo: false, publishers: [], subscribers: [PAYMENTS] },
      ]);
    });

    it("targets the receiver's bus by its deterministic ARN, with a sender-side role", () => {
      const [rule] = orders.messaging!.eventBus!.rules;
      expect(rule).toMatchObject({
        name: 'order-placed',
        arn: { service: 'events', region: 'eu-west-1', account: ORDERS, resource: 'rule/acme-dev-orders-dev/order-placed' },
        pattern: '{"detail-type":["OrderPlaced"]}',
        roleName: 'acme-dev-orders-dev-order-placed',
        targets: [
          {
            name: 'payments',
            kind: 'event-bus',
            bus: { service: 'events', region: 'eu-west-1', account: PAYMENTS, resource: 'event-bus/acme-dev-payments-dev' },
          },
        ],
      });
    });

    it('creates the messaging key for its topics, with each topic as an SNS source and its alarms as CloudWatch sources', () => {
      expect(orders.messaging?.key).toEqual({
        alias: 'acme-dev-orders-dev-messaging',
        snsSources: {
          'topic-alarms': { service: 'sns', region: 'eu-west-1', account: ORDERS, resource: 'acme-alarms' },
          'topic-orders': { service: 'sns', region: 'eu-west-1', account: ORDERS, resource: 'acme-orders' },
        },
        eventSources: {},
        publishers: [],
        alarmSources: alarmTopic(ORDERS).alarmSources,
      });
    });
  });

  describe("of the queue's and receiving bus's account", () => {
    it('subscribes its queue in its own stack, to the topic ARN of the other account', () => {
      expect(payments.messaging?.subscriptions).toEqual([
        {
          key: 'settlements-orders',
          queue: 'settlements',
          topic: { service: 'sns', region: 'eu-west-1', account: ORDERS, resource: 'acme-orders' },
          filterPolicy: { type: ['OrderPlaced'], total: [{ numeric: ['>', 0] }] },
          filterPolicyScope: 'MessageAttributes',
          rawMessageDelivery: true,
        },
      ]);
    });

    it('lets exactly the subscribed topic send to the queue', () => {
      expect(payments.queues[0].producers).toEqual({
        topics: { orders: { service: 'sns', region: 'eu-west-1', account: ORDERS, resource: 'acme-orders' } },
        eventRules: {},
        accounts: [],
      });
    });

    it('names exactly the sender accounts in its bus policy', () => {
      expect(payments.messaging?.eventBus).toMatchObject({ busName: 'acme-dev-payments-dev', senders: [ORDERS], rules: [] });
    });

    it("is deployed after the topic's stack", () => {
      expect(payments.dependsOn).toEqual(['dev-spoke-payments-dev', 'dev-workloads-orders-dev']);
    });
  });

  describe('with a FIFO queue that a rule targets and dead-letters into', () => {
    const texts = withFiles(crossAccountSample(), {
      'dev/payments-dev': PAYMENTS_DEV.replace(
        'eventBus: {}',
        'eventBus:\n  deadLetterQueue: undelivered\n  rules:\n    book:\n      pattern: { source: [acme.orders] }\n      targets: { ledger: { queue: ledger } }',
      ).concat('  ledger: { fifo: true, encryption: kms }\n  undelivered: {}\n'),
    });
    const plan = plansOf(texts)['payments-dev'];
    const ledger = plan.queues.find((queue) => queue.name === 'ledger')!;

    it('names the queue and its dead-letter queue with .fifo', () => {
      expect([ledger.queueName, ledger.deadLetterQueueName]).toEqual(['acme-ledger.fifo', 'acme-ledger-dlq.fifo']);
    });

    it('lets the rule send to the target and to the dead-letter queue', () => {
      const rule = { service: 'events', region: 'eu-west-1', account: PAYMENTS, resource: 'rule/acme-dev-payments-dev/book' };
      expect(ledger.producers.eventRules).toEqual({ book: rule });
      expect(plan.queues.find((queue) => queue.name === 'undelivered')!.producers.eventRules).toEqual({ book: rule });
    });

    it('gives the FIFO target a message group and lets the rule use the key of the KMS queue', () => {
      expect(plan.messaging!.eventBus!.rules[0].targets).toEqual([
        { name: 'ledger', kind: 'sqs', queueName: 'acme-ledger.fifo', messageGroupId: 'book' },
      ]);
      expect(Object.keys(plan.messaging!.key!.eventSources)).toEqual(['ledger-book']);
    });
  });

  it('gives an account with only SSE-SQS queues no messaging of its own: only the topic and key of its alarms', () => {
    const plain = plansOf(withFiles(crossAccountSample(), { 'dev/legacy-dev': 'queues:\n  plain: {}\n' }))['legacy-dev'];
    expect(plain.messaging?.topics).toEqual([alarmTopic({ name: 'legacy-dev', id: '510000000003' })]);
    expect(plain.messaging?.subscriptions).toEqual([]);
    expect(plain.messaging?.eventBus).toBeUndefined();
    expect(Object.keys(plain.messaging?.key?.snsSources ?? {})).toEqual(['topic-alarms']);
    expect(plain.queues.map((queue) => queue.queueName)).toEqual(['acme-plain']);
    expect(ORDERS_DEV).toContain('topics:');
  });
});
