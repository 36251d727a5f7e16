import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { SqsQueueRedriveAllowPolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy';
import { SqsQueueRedrivePolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-policy';
import { Construct } from 'constructs';
import { checkAccountIds, checkFifoName, checkRange } from './checks';
import { queuePolicy, type QueueProducers } from './queue-policy';

export type { QueueProducers } from './queue-policy';

export interface QueueProps {
  /**
   * Queue name, ending in `.fifo` for a FIFO queue; the dead-letter queue is `<name>-dlq` (before
   * `.fifo`). CAUTION: changing it replaces both queues (and loses their messages).
   */
  readonly name: string;
  /** A FIFO queue (and FIFO dead-letter queue). CAUTION: changing it replaces both queues. @default false */
  readonly fifo?: boolean;
  /** FIFO only: deduplicate by a hash of the body. @default false */
  readonly contentBasedDeduplication?: boolean;
  /** Seconds a received message stays hidden; at least the consumer's processing time. @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** Receives before a message moves to the dead-letter queue (1–1,000). @default 5 */
  readonly maxReceiveCount?: number;
  /** Seconds messages are kept (60 s–14 days). @default 345600 (4 days) */
  readonly retentionSeconds?: number;
  /** Seconds the dead-letter queue keeps messages; longer than the queue's. @default 14 days */
  readonly deadLetterRetentionSeconds?: number;
  /** Long polling: seconds a receive waits for messages (0–20). @default 20 */
  readonly receiveWaitTimeSeconds?: number;
  /**
   * Customer managed KMS key; its policy must let the producers' services (sns, events) use it
   * (`MessagingKey` does). Never the AWS managed `alias/aws/sqs`: SNS cannot deliver to it.
   * @default - SQS-managed encryption (SSE-SQS), which SNS and EventBridge can deliver to
   */
  readonly kmsKeyArn?: string;
  /** Who may send to the queue and to its dead-letter queue; nobody else. @default - only this account's IAM principals */
  readonly producers?: QueueProducers;
}

export const MAX_RETENTION_SECONDS = 14 * 24 * 3600;
const DEFAULT_RETENTION_SECONDS = 4 * 24 * 3600;

/** `orders` → `orders-dlq`, `orders.fifo` → `orders-dlq.fifo`. */
export function deadLetterQueueNameOf(name: string): string {
  return name.endsWith('.fifo') ? `${name.slice(0, -'.fifo'.length)}-dlq.fifo` : `${name}-dlq`;
}

/**
 * An encrypted SQS queue with a dead-letter queue and a queue policy naming its producers. The
 * redrive and redrive-allow policies are separate resources: set on the queues themselves they
 * reference each other and form a cycle.
 */
export class Queue extends Construct {
  readonly queue: SqsQueue;
  readonly deadLetterQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: QueueProps) {
    super(scope, id);
    validate(props);
    const fifo = props.fifo ?? false;
    const shared = {
      receiveWaitTimeSeconds: props.receiveWaitTimeSeconds ?? 20,
      ...(props.kmsKeyArn ? { kmsMasterKeyId: props.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 } : { sqsManagedSseEnabled: true }),
      ...(fifo ? { fifoQueue: true, contentBasedDeduplication: props.contentBasedDeduplication ?? false } : {}),
    };
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', {
      name: deadLetterQueueNameOf(props.name),
      messageRetentionSeconds: props.deadLetterRetentionSeconds ?? MAX_RETENTION_SECONDS,
      ...shared,
    });
    this.queue = new SqsQueue(this, 'queue', {
      name: props.name,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds ?? 30,
      messageRetentionSeconds: props.retentionSeconds ?? DEFAULT_RETENTION_SECONDS,
      ...shared,
    });
    new SqsQueueRedrivePolicy(this, 'redrive-policy', {
      queueUrl: this.queue.url,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: props.maxReceiveCount ?? 5 }),
    });
    new SqsQueueRedriveAllowPolicy(this, 'redrive-allow-policy', {
      queueUrl: this.deadLetterQueue.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [this.queue.arn] }),
    });
    new SqsQueuePolicy(this, 'policy', {
      queueUrl: this.queue.url,
      policy: JSON.stringify(queuePolicy(this.queue.arn, props.producers)),
    });
    // SNS subscriptions and EventBridge targets dead-letter into the DLQ: the same producers may send there.
    new SqsQueuePolicy(this, 'dead-letter-policy', {
      queueUrl: this.deadLetterQueue.url,
      policy: JSON.stringify(queuePolicy(this.deadLetterQueue.arn, { ...props.producers, accountIds: {} })),
    });
  }

  get queueArn(): string {
    return this.queue.arn;
  }

  get queueUrl(): string {
    return this.queue.url;
  }

  get deadLetterQueueArn(): string {
    return this.deadLetterQueue.arn;
  }
}

function validate(props: QueueProps): void {
  const where = `Queue ${props.name}`;
  checkFifoName(where, 'name', props.name, props.fifo ?? false);
  if (props.contentBasedDeduplication && !props.fifo) {
    throw new Error(`${where}: contentBasedDeduplication needs fifo: true; drop it or make the queue FIFO`);
  }
  const retention = props.retentionSeconds ?? DEFAULT_RETENTION_SECONDS;
  const deadLetterRetention = props.deadLetterRetentionSeconds ?? MAX_RETENTION_SECONDS;
  checkRange(
    where,
    'maxReceiveCount',
    props.maxReceiveCount,
    1,
    1000,
    'give how often a message may be received before it is dead-lettered',
  );
  checkRange(where, 'retentionSeconds', props.retentionSeconds, 60, MAX_RETENTION_SECONDS, 'keep messages 60 s to 14 days');
  checkRange(where, 'receiveWaitTimeSeconds', props.receiveWaitTimeSeconds, 0, 20, 'long polling waits at most 20 s');
  checkRange(where, 'visibilityTimeoutSeconds', props.visibilityTimeoutSeconds, 0, 43200, 'SQS allows at most 12 hours');
  if (deadLetterRetention < retention || deadLetterRetention > MAX_RETENTION_SECONDS) {
    throw new Error(
      `${where}: deadLetterRetentionSeconds must be at least retentionSeconds and at most 14 days; keep dead letters longer than live ones`,
    );
  }
  if (props.kmsKeyArn && /alias\/aws\/sqs$/.test(props.kmsKeyArn)) {
    throw new Error(
      `${where}: kmsKeyArn is the AWS managed alias/aws/sqs, which SNS and EventBridge cannot use; use a customer managed key or leave it out`,
    );
  }
  checkAccountIds(where, 'producers.accountIds', props.producers?.accountIds ?? {});
}
