import { Testing } from 'cdktf';
import { EventBus, type EventBusProps } from '../../../modules/messaging/event-bus';
import { EventRule, type EventRuleProps } from '../../../modules/messaging/event-rule';
import { MessagingKey } from '../../../modules/messaging/messaging-key';
import { QueueSubscription, type QueueSubscriptionProps } from '../../../modules/messaging/queue-subscription';
import { Topic, type TopicProps } from '../../../modules/messaging/topic';
import { resourceAt, resourcesOf } from '../synthesized';

const ORDERS = '530000000002';
const PAYMENTS = '530000000001';
const KEY = `arn:aws:kms:eu-west-1:${ORDERS}:key/k`;
const TOPIC = `arn:aws:sns:eu-west-1:${ORDERS}:acme-orders`;
const PAYMENTS_BUS = `arn:aws:events:eu-west-1:${PAYMENTS}:event-bus/acme-payments-prod`;
const json = (value: string) => JSON.parse(value);

describe('topic', () => {
  const synth = (props: Partial<TopicProps> = {}) =>
    Testing.synthScope((scope) => void new Topic(scope, 'topic', { name: 'acme-orders', accountId: ORDERS, kmsKeyArn: KEY, ...props }));

  describe('with subscriber accounts and organization-wide publishers', () => {
    const synthesized = synth({
      subscribers: { accountIds: { 'payments-prod': PAYMENTS } },
      publishers: { organizationId: 'o-a1b2c3d4e5' },
    });

    it('encrypts with the customer managed key', () => {
      expect(resourceAt(synthesized, 'aws_sns_topic', 'topic').kms_master_key_id).toBe(KEY);
    });

    it('lets the named accounts subscribe and any principal of the organization publish', () => {
      const statements = json(resourceAt(synthesized, 'aws_sns_topic_policy', 'topic_policy').policy).Statement;
      expect(statements.find((statement: any) => statement.Sid === 'SubscribeAccounts')).toMatchObject({
        Principal: { AWS: [`arn:aws:iam::${PAYMENTS}:root`] },
        Action: ['SNS:Subscribe', 'SNS:GetTopicAttributes'],
      });
      expect(statements.find((statement: any) => statement.Sid === 'PublishOrganization')).toMatchObject({
        Principal: { AWS: '*' },
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      });
    });
  });

  it('refuses a FIFO topic without the .fifo suffix, and the AWS managed key', () => {
    expect(() => synth({ fifo: true })).toThrow('must end in .fifo because fifo is true');
    expect(() => synth({ kmsKeyArn: 'arn:aws:kms:eu-west-1:1:alias/aws/sns' })).toThrow('other accounts cannot use');
  });
});

describe('queue subscription', () => {
  const base: QueueSubscriptionProps = {
    topicArn: TOPIC,
    queueArn: 'arn:aws:sqs:eu-west-1:1:q',
    deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:1:q-dlq',
  };
  const synth = (props: Partial<QueueSubscriptionProps> = {}) =>
    Testing.synthScope((scope) => void new QueueSubscription(scope, 'subscription', { ...base, ...props }));

  it('subscribes the queue with raw delivery, the filter on message attributes and a redrive policy', () => {
    const subscription = resourceAt(synth({ filterPolicy: { type: ['OrderPlaced'] } }), 'aws_sns_topic_subscription', 'subscription');
    expect(subscription).toMatchObject({
      protocol: 'sqs',
      endpoint: base.queueArn,
      topic_arn: TOPIC,
      raw_message_delivery: true,
      filter_policy_scope: 'MessageAttributes',
    });
    expect(json(subscription.filter_policy)).toEqual({ type: ['OrderPlaced'] });
    expect(json(subscription.redrive_policy)).toEqual({ deadLetterTargetArn: base.deadLetterQueueArn });
  });

  it('refuses a filter on more than 5 keys, and a scope without a filter', () => {
    expect(() => synth({ filterPolicy: { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] } })).toThrow(
      '6 keys; SNS allows at most 5',
    );
    expect(() => synth({ filterPolicyScope: 'MessageBody' })).toThrow('filterPolicyScope needs a filterPolicy');
  });
});

describe('messaging key', () => {
  const synthesized = Testing.synthScope(
    (scope) =>
      void new MessagingKey(scope, 'key', {
        alias: 'acme-payments-prod-messaging',
        accountId: PAYMENTS,
        region: 'eu-west-1',
        snsSourceArns: { orders: TOPIC },
        eventSourceArns: { bus: PAYMENTS_BUS },
        publisherAccountIds: { 'orders-prod': ORDERS },
      }),
  );

  it('rotates and lets SNS and EventBridge use it only for the named sources', () => {
    const key = resourceAt(synthesized, 'aws_kms_key', 'key');
    expect(key.enable_key_rotation).toBe(true);
    const statements = json(key.policy).Statement;
    expect(statements.map((statement: any) => statement.Sid)).toEqual([
      'AccountAdministers',
      'SnsDelivers',
      'EventBridgeDelivers',
      'PublishersThroughSns',
    ]);
    expect(statements[1].Condition).toEqual({ ArnLike: { 'aws:SourceArn': [TOPIC] } });
    expect(statements[3].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'sns.eu-west-1.amazonaws.com' } });
  });
});

describe('event bus', () => {
  const synth = (props: Partial<EventBusProps> = {}) =>
    Testing.synthScope((scope) => void new EventBus(scope, 'bus', { name: 'acme-payments-prod', ...props }));

  describe('with sender accounts and an archive', () => {
    const synthesized = synth({ senders: { accountIds: { 'orders-prod': ORDERS } }, archive: { retentionDays: 30 } });

    it('grants events:PutEvents to exactly the sender accounts', () => {
      const policy = json(resourceAt(synthesized, 'aws_cloudwatch_event_bus_policy', 'bus_policy').policy);
      expect(policy.Statement).toEqual([
        {
          Sid: 'PutEventsAccounts',
          Effect: 'Allow',
          Principal: { AWS: [`arn:aws:iam::${ORDERS}:root`] },
          Action: ['events:PutEvents'],
          Resource: expect.stringMatching(/aws_cloudwatch_event_bus\..*\.arn/),
        },
      ]);
    });

    it('archives with the retention', () => {
      expect(resourceAt(synthesized, 'aws_cloudwatch_event_archive', 'bus_archive').retention_days).toBe(30);
    });
  });

  it('has no bus policy without senders', () => {
    expect(resourcesOf(synth(), 'aws_cloudwatch_event_bus_policy')).toEqual({});
  });

  it('refuses an archive on a bus with a customer managed key (the archive key is 6.x only)', () => {
    expect(() => synth({ kmsKeyArn: KEY, archive: { retentionDays: 7 } })).toThrow('kms_key_identifier (hashicorp/aws 6.x)');
  });
});

describe('event rule', () => {
  const base: EventRuleProps = {
    name: 'order-placed',
    eventBusName: 'acme-orders-prod',
    eventPattern: JSON.stringify({ 'detail-type': ['OrderPlaced'] }),
    accountId: ORDERS,
    ruleArn: `arn:aws:events:eu-west-1:${ORDERS}:rule/acme-orders-prod/order-placed`,
    targets: { 'payments-prod': { kind: 'event-bus', arn: PAYMENTS_BUS }, audit: { kind: 'sqs', arn: 'arn:aws:sqs:eu-west-1:1:audit' } },
    deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:1:undelivered',
  };
  const synth = (props: Partial<EventRuleProps> = {}) =>
    Testing.synthScope((scope) => void new EventRule(scope, 'rule', { ...base, ...props }));

  describe('with a remote bus and a queue as targets', () => {
    const synthesized = synth();

    it('targets the remote bus ARN with the sender-side role, and the queue without one', () => {
      const targets = resourcesOf(synthesized, 'aws_cloudwatch_event_target');
      expect(targets['rule_target-payments-prod']).toMatchObject({
        arn: PAYMENTS_BUS,
        role_arn: expect.stringMatching(/aws_iam_role\..*\.arn/),
      });
      expect(targets['rule_target-audit'].role_arn).toBeUndefined();
      expect(targets['rule_target-audit']).toMatchObject({
        retry_policy: { maximum_retry_attempts: 185, maximum_event_age_in_seconds: 86400 },
        dead_letter_config: { arn: base.deadLetterQueueArn },
      });
    });

    it('gives the role events:PutEvents on exactly the target buses, trusted only for this rule', () => {
      const role = resourceAt(synthesized, 'aws_iam_role', 'rule_role');
      expect(json(role.assume_role_policy).Statement[0].Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': ORDERS },
        ArnLike: { 'aws:SourceArn': base.ruleArn },
      });
      const policy = json(resourceAt(synthesized, 'aws_iam_role_policy', 'rule_role_policy').policy);
      expect(policy.Statement).toEqual([
        { Sid: 'PutEventsOnTargetBuses', Effect: 'Allow', Action: 'events:PutEvents', Resource: [PAYMENTS_BUS] },
      ]);
    });
  });

  it('creates no role when no target is a bus', () => {
    expect(resourcesOf(synth({ targets: { audit: base.targets.audit } }), 'aws_iam_role')).toEqual({});
  });

  it.each([
    ['a pattern that is not JSON', { eventPattern: '{"source": [' }, 'eventPattern is not valid JSON'],
    ['a pattern over 2,048 characters', { eventPattern: JSON.stringify({ source: ['x'.repeat(2100)] }) }, 'EventBridge allows 2048'],
    ['no targets', { targets: {} }, 'give 1 to 5 targets'],
    ['over 185 retries', { retry: { maximumRetryAttempts: 200 } }, 'at most 185 times'],
  ])('refuses %s', (_case, props, message) => {
    expect(() => synth(props as Partial<EventRuleProps>)).toThrow(message);
  });
});
