import { EventBus } from '../../../modules/messaging/event-bus';
import { EventRule } from '../../../modules/messaging/event-rule';
import { MessagingKey } from '../../../modules/messaging/messaging-key';
import { Queue } from '../../../modules/messaging/queue';
import { QueueSubscription } from '../../../modules/messaging/queue-subscription';
import { Topic } from '../../../modules/messaging/topic';
import type { ValidateCase } from '../../support/terraform-validate-cases';

const ACCOUNT = '530000000002';
const REMOTE_BUS = 'arn:aws:events:eu-west-1:530000000001:event-bus/acme-payments-prod';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const messagingCase: ValidateCase = {
  name: 'messaging',
  title:
    'messaging modules: accept a key, a FIFO and a KMS queue, a topic with a filtered subscription, a bus with policy and archive, and a cross-account rule',
  build: (stack) => {
    const key = new MessagingKey(stack, 'key', {
      alias: 'acme-orders-prod-messaging',
      accountId: ACCOUNT,
      region: 'eu-west-1',
      snsSourceArns: { orders: `arn:aws:sns:eu-west-1:${ACCOUNT}:acme-orders` },
      publisherAccountIds: { 'payments-prod': '530000000001' },
    });
    const topic = new Topic(stack, 'topic', {
      name: 'acme-orders',
      accountId: ACCOUNT,
      kmsKeyArn: key.keyArn,
      subscribers: { accountIds: { 'payments-prod': '530000000001' }, organizationId: 'o-a1b2c3d4e5' },
    });
    const queue = new Queue(stack, 'queue-events', {
      name: 'acme-order-events',
      kmsKeyArn: key.keyArn,
      visibilityTimeoutSeconds: 120,
      producers: { topicArns: { orders: topic.topicArn } },
    });
    new Queue(stack, 'queue-ledger', { name: 'acme-ledger.fifo', fifo: true, contentBasedDeduplication: true });
    new QueueSubscription(stack, 'subscription', {
      topicArn: topic.topicArn,
      queueArn: queue.queueArn,
      filterPolicy: { order: { total: [{ numeric: ['>', 100] }] } },
      filterPolicyScope: 'MessageBody',
      deadLetterQueueArn: queue.deadLetterQueueArn,
    });
    const bus = new EventBus(stack, 'bus', {
      name: 'acme-orders-prod',
      senders: { accountIds: { 'payments-prod': '530000000001' } },
      archive: { retentionDays: 30 },
    });
    new EventRule(stack, 'rule', {
      name: 'order-placed',
      eventBusName: bus.busName,
      eventPattern: JSON.stringify({ 'detail-type': ['OrderPlaced'] }),
      accountId: ACCOUNT,
      ruleArn: `arn:aws:events:eu-west-1:${ACCOUNT}:rule/acme-orders-prod/order-placed`,
      targets: { 'payments-prod': { kind: 'event-bus', arn: REMOTE_BUS }, events: { kind: 'sqs', arn: queue.queueArn } },
      deadLetterQueueArn: queue.deadLetterQueueArn,
      retry: { maximumRetryAttempts: 10, maximumEventAgeSeconds: 3600 },
    });
  },
};
