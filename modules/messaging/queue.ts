import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueueRedriveAllowPolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-allow-policy';
import { SqsQueueRedrivePolicy } from '@cdktf/provider-aws/lib/sqs-queue-redrive-policy';
import { Construct } from 'constructs';

export interface QueueProps {
  /** Queue name; the dead-letter queue is `<name>-dlq`. CAUTION: changing it replaces both queues (and loses their messages). */
  readonly name: string;
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
   * Customer managed KMS key; its policy must let the producers' services (sns, events) use it.
   * @default - SQS-managed encryption (SSE-SQS), which SNS and EventBridge can deliver to
   */
  readonly kmsKeyArn?: string;
}

const MAX_RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * An encrypted SQS queue with a dead-letter queue. The redrive and redrive-allow policies are
 * separate resources: set on the queues themselves they reference each other and form a cycle.
 */
export class Queue extends Construct {
  readonly queue: SqsQueue;
  readonly deadLetterQueue: SqsQueue;

  constructor(scope: Construct, id: string, props: QueueProps) {
    super(scope, id);
    validate(props);
    const encryption = props.kmsKeyArn ? { kmsMasterKeyId: props.kmsKeyArn } : { sqsManagedSseEnabled: true };
    this.deadLetterQueue = new SqsQueue(this, 'dead-letter-queue', {
      name: `${props.name}-dlq`,
      messageRetentionSeconds: props.deadLetterRetentionSeconds ?? MAX_RETENTION_SECONDS,
      receiveWaitTimeSeconds: props.receiveWaitTimeSeconds ?? 20,
      ...encryption,
    });
    this.queue = new SqsQueue(this, 'queue', {
      name: props.name,
      visibilityTimeoutSeconds: props.visibilityTimeoutSeconds ?? 30,
      messageRetentionSeconds: props.retentionSeconds ?? 345600,
      receiveWaitTimeSeconds: props.receiveWaitTimeSeconds ?? 20,
      ...encryption,
    });
    new SqsQueueRedrivePolicy(this, 'redrive-policy', {
      queueUrl: this.queue.url,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: props.maxReceiveCount ?? 5 }),
    });
    new SqsQueueRedriveAllowPolicy(this, 'redrive-allow-policy', {
      queueUrl: this.deadLetterQueue.url,
      redriveAllowPolicy: JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [this.queue.arn] }),
    });
  }

  get queueArn(): string {
    return this.queue.arn;
  }

  get queueUrl(): string {
    return this.queue.url;
  }
}

function validate(props: QueueProps): void {
  const where = `Queue ${props.name}`;
  const retention = props.retentionSeconds ?? 345600;
  const deadLetterRetention = props.deadLetterRetentionSeconds ?? MAX_RETENTION_SECONDS;
  if ((props.maxReceiveCount ?? 5) < 1 || (props.maxReceiveCount ?? 5) > 1000) {
    throw new Error(`${where}: maxReceiveCount must be 1–1,000; give how often a message may be received before it is dead-lettered`);
  }
  if (deadLetterRetention < retention || deadLetterRetention > MAX_RETENTION_SECONDS) {
    throw new Error(
      `${where}: deadLetterRetentionSeconds must be at least retentionSeconds and at most 14 days; keep dead letters longer than live ones`,
    );
  }
  if ((props.visibilityTimeoutSeconds ?? 30) > 43200) {
    throw new Error(`${where}: visibilityTimeoutSeconds is over SQS's 12 hours; lower it`);
  }
}
