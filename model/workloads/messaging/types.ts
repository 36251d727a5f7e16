import type { AccountRef } from '../../stack-plans';

/**
 * An ARN in any account of the organization, from names in config. The account id comes from
 * config or, for an account vended without one, from the org stack's outputs, so the stack joins
 * the parts (`arn:aws:<service>:<region>:<account id>:<resource>`).
 */
export interface ArnRef {
  readonly service: 'sqs' | 'sns' | 'events' | 'cloudwatch';
  readonly region: string;
  readonly account: AccountRef;
  readonly resource: string;
}

export interface QueuePlan {
  readonly name: string;
  readonly queueName: string;
  readonly deadLetterQueueName: string;
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retentionSeconds: number;
  /** Longer than the source's, so a message never expires in the DLQ before it could be redriven. */
  readonly deadLetterRetentionSeconds: number;
  /** SSE-SQS, or the account's messaging key. */
  readonly encryption: 'sqs' | 'kms';
  /** Exactly who may send: topics of its subscriptions, rules that target it (or dead-letter into it), accounts. */
  readonly producers: {
    readonly topics: Readonly<Record<string, ArnRef>>;
    readonly eventRules: Readonly<Record<string, ArnRef>>;
    readonly accounts: readonly AccountRef[];
  };
}

/** A queue's subscription to a topic, in the queue's stack (keyed `<queue>-<subscription>`). */
export interface SubscriptionPlan {
  readonly key: string;
  readonly queue: string;
  readonly topic: ArnRef;
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
  readonly filterPolicyScope: 'MessageAttributes' | 'MessageBody';
  readonly rawMessageDelivery: boolean;
}

export interface TopicPlan {
  readonly name: string;
  readonly topicName: string;
  readonly fifo: boolean;
  readonly publishers: readonly AccountRef[];
  /** Accounts whose queues subscribe (from their files), besides this one. */
  readonly subscribers: readonly AccountRef[];
  /** Every account of the organization may subscribe. */
  readonly organizationId?: string;
  /** The stack's alarms notify this topic: CloudWatch may publish for alarms matching this ARN (`alarm:<namePrefix>/*`). */
  readonly alarmSources?: ArnRef;
}

export type EventTargetPlan =
  | { readonly name: string; readonly kind: 'event-bus'; readonly bus: ArnRef }
  | { readonly name: string; readonly kind: 'sqs'; readonly queueName: string; readonly messageGroupId?: string };

export interface EventRulePlan {
  readonly name: string;
  readonly arn: ArnRef;
  readonly pattern: string;
  readonly description?: string;
  readonly targets: readonly EventTargetPlan[];
  readonly roleName: string;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

export interface EventBusPlan {
  readonly busName: string;
  readonly arn: ArnRef;
  readonly encryption: 'aws-owned' | 'kms';
  readonly archiveRetentionDays?: number;
  /** Accounts whose rules target this bus (from their files): the bus policy names exactly them. */
  readonly senders: readonly AccountRef[];
  readonly organizationId?: string;
  /** Queue name (of this account) for events no target accepted. */
  readonly deadLetterQueueName?: string;
  readonly rules: readonly EventRulePlan[];
}

/**
 * What a workload's role may send to (ECS task role, function role, Batch job role): ARNs of its
 * own file's topics, queues and bus, keyed by config name.
 */
export interface PublishesPlan {
  readonly topics: Readonly<Record<string, ArnRef>>;
  readonly queues: Readonly<Record<string, ArnRef>>;
  /** Keyed by the account that names the bus (the file's own). */
  readonly buses: Readonly<Record<string, ArnRef>>;
  /**
   * A topic (always) or queue it sends to is encrypted with the account's messaging key: SNS and
   * SQS encrypt with the caller's permission, so the role may use the key. EventBridge encrypts a
   * bus with its own grant in the key policy and needs nothing of the caller.
   */
  readonly usesMessagingKey: boolean;
}

/** The account's messaging KMS key: created when a topic, a KMS queue or a KMS bus needs it. */
export interface MessagingKeyPlan {
  readonly alias: string;
  /** Topics (any account) delivering into this account's KMS queues. */
  readonly snsSources: Readonly<Record<string, ArnRef>>;
  /** This account's bus (when encrypted) and rules delivering into its KMS queues. */
  readonly eventSources: Readonly<Record<string, ArnRef>>;
  /** Accounts publishing to this account's topics. */
  readonly publishers: readonly AccountRef[];
  /** Alarms (an ARN pattern) that notify a topic encrypted with the key: CloudWatch may use it for them. */
  readonly alarmSources?: ArnRef;
}

export interface MessagingPlan {
  readonly topics: readonly TopicPlan[];
  readonly subscriptions: readonly SubscriptionPlan[];
  readonly eventBus?: EventBusPlan;
  readonly key?: MessagingKeyPlan;
  /** Stacks owning the topics this account subscribes to: the topic and its policy come first. */
  readonly dependsOn: readonly string[];
}
