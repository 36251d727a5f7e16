import { Testing } from 'cdktf';
import { Queue, type QueueProps } from '../../../modules/messaging/queue';
import { resourceAt, resourcesOf } from '../synthesized';

const TOPIC = 'arn:aws:sns:eu-west-1:530000000002:acme-orders';
const RULE = 'arn:aws:events:eu-west-1:530000000001:rule/acme-payments-prod/order-placed';

function synth(props: Partial<QueueProps> = {}): string {
  return Testing.synthScope((scope) => void new Queue(scope, 'queue', { name: 'acme-settlements', ...props }));
}

const policyOf = (synthesized: string, path: string) => JSON.parse(resourceAt(synthesized, 'aws_sqs_queue_policy', path).policy);

describe('queue', () => {
  describe('with defaults', () => {
    const synthesized = synth();

    it('creates an SSE-SQS queue with long polling and a 14-day dead-letter queue', () => {
      expect(resourceAt(synthesized, 'aws_sqs_queue', 'queue')).toMatchObject({
        name: 'acme-settlements',
        sqs_managed_sse_enabled: true,
        receive_wait_time_seconds: 20,
        visibility_timeout_seconds: 30,
        message_retention_seconds: 345600,
      });
      expect(resourceAt(synthesized, 'aws_sqs_queue', 'queue_dead-letter-queue')).toMatchObject({
        name: 'acme-settlements-dlq',
        message_retention_seconds: 1209600,
      });
    });

    it('redrives after 5 receives through the separate redrive resources', () => {
      const redrive = JSON.parse(resourceAt(synthesized, 'aws_sqs_queue_redrive_policy', 'queue_redrive-policy').redrive_policy);
      expect(redrive.maxReceiveCount).toBe(5);
      expect(redrive.deadLetterTargetArn).toMatch(/^\$\{aws_sqs_queue\.queue_dead-letter-queue_[0-9A-F]{8}\.arn\}$/);
      expect(resourceAt(synthesized, 'aws_sqs_queue', 'queue').redrive_policy).toBeUndefined();
    });

    it('allows no producer but denies insecure transport', () => {
      expect(policyOf(synthesized, 'queue_policy').Statement.map((statement: any) => statement.Sid)).toEqual(['DenyInsecureTransport']);
    });
  });

  describe('with a topic, a rule and an account as producers', () => {
    const synthesized = synth({
      producers: { topicArns: { orders: TOPIC }, eventRuleArns: { placed: RULE }, accountIds: { 'orders-prod': '530000000002' } },
    });

    it('lets SNS send only for the topic, EventBridge only for the rule, and the account', () => {
      const statements = policyOf(synthesized, 'queue_policy').Statement;
      expect(statements.slice(1)).toEqual([
        expect.objectContaining({
          Sid: 'AllowSnsTopics',
          Principal: { Service: 'sns.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': [TOPIC] } },
        }),
        expect.objectContaining({
          Sid: 'AllowEventRules',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': [RULE] } },
        }),
        expect.objectContaining({ Sid: 'AllowProducerAccounts', Principal: { AWS: ['arn:aws:iam::530000000002:root'] } }),
      ]);
    });

    it('lets the services dead-letter into the DLQ, but not the producer accounts', () => {
      expect(policyOf(synthesized, 'queue_dead-letter-policy').Statement.map((statement: any) => statement.Sid)).toEqual([
        'DenyInsecureTransport',
        'AllowSnsTopics',
        'AllowEventRules',
      ]);
    });
  });

  describe('as a FIFO queue with a KMS key', () => {
    const synthesized = synth({
      name: 'acme-ledger.fifo',
      fifo: true,
      contentBasedDeduplication: true,
      kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k',
    });

    it('names the dead-letter queue <name>-dlq.fifo and makes both FIFO with the key', () => {
      const queues = resourcesOf(synthesized, 'aws_sqs_queue');
      expect(
        Object.values(queues)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((queue) => [queue.name, queue.fifo_queue, queue.kms_master_key_id, queue.sqs_managed_sse_enabled]),
      ).toEqual([
        ['acme-ledger-dlq.fifo', true, 'arn:aws:kms:eu-west-1:1:key/k', undefined],
        ['acme-ledger.fifo', true, 'arn:aws:kms:eu-west-1:1:key/k', undefined],
      ]);
    });
  });

  describe('with invalid props', () => {
    it.each([
      [{ name: 'acme-ledger', fifo: true }, 'must end in .fifo because fifo is true'],
      [{ name: 'acme-ledger.fifo' }, 'ends in .fifo but fifo is false'],
      [{ maxReceiveCount: 0 }, 'maxReceiveCount is 0'],
      [{ visibilityTimeoutSeconds: 50000 }, 'SQS allows at most 12 hours'],
      [{ retentionSeconds: 1209600, deadLetterRetentionSeconds: 86400 }, 'deadLetterRetentionSeconds must be at least retentionSeconds'],
      [{ kmsKeyArn: 'arn:aws:kms:eu-west-1:1:alias/aws/sqs' }, 'SNS and EventBridge cannot use'],
      [{ producers: { accountIds: { x: '12' } } }, 'producers.accountIds.x "12" is not a 12-digit'],
    ])('refuses %j', (props, message) => {
      expect(() => synth(props as Partial<QueueProps>)).toThrow(message);
    });
  });
});
