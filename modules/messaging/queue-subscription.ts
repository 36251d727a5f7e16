import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';

export interface QueueSubscriptionProps {
  /** The topic, in this region; another account's topic must grant this account `SNS:Subscribe`. CAUTION: changing it replaces the subscription. */
  readonly topicArn: string;
  /** The queue that receives; its policy must let `sns.amazonaws.com` send for this topic. CAUTION: changing it replaces the subscription. */
  readonly queueArn: string;
  /** Filter policy (at most 5 keys and 150 value combinations). @default - every message */
  readonly filterPolicy?: Readonly<Record<string, unknown>>;
  /** What the filter policy matches. @default 'MessageAttributes' */
  readonly filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
  /** Deliver the message body alone, without the SNS envelope. @default true */
  readonly rawMessageDelivery?: boolean;
  /** Queue (same account and region as the subscription) for messages SNS cannot deliver. @default - none */
  readonly deadLetterQueueArn?: string;
}

const MAX_FILTER_KEYS = 5;

/**
 * An SNS subscription of a queue, created in the queue's account: a cross-account subscription
 * created from the topic's account stays pending and is recreated on every apply.
 */
export class QueueSubscription extends Construct {
  readonly subscription: SnsTopicSubscription;

  constructor(scope: Construct, id: string, props: QueueSubscriptionProps) {
    super(scope, id);
    // The config validation counts keys and combinations as SNS does; here only what is cheap to see.
    const topLevelKeys = Object.keys(props.filterPolicy ?? {}).filter((key) => key !== '$or').length;
    if (topLevelKeys > MAX_FILTER_KEYS) {
      throw new Error(`QueueSubscription ${id}: filterPolicy matches on ${topLevelKeys} keys; SNS allows at most ${MAX_FILTER_KEYS}`);
    }
    if (props.filterPolicyScope && !props.filterPolicy) {
      throw new Error(`QueueSubscription ${id}: filterPolicyScope needs a filterPolicy; give one or drop the scope`);
    }
    this.subscription = new SnsTopicSubscription(this, 'subscription', {
      topicArn: props.topicArn,
      protocol: 'sqs',
      endpoint: props.queueArn,
      rawMessageDelivery: props.rawMessageDelivery ?? true,
      ...(props.filterPolicy
        ? { filterPolicy: JSON.stringify(props.filterPolicy), filterPolicyScope: props.filterPolicyScope ?? 'MessageAttributes' }
        : {}),
      ...(props.deadLetterQueueArn ? { redrivePolicy: JSON.stringify({ deadLetterTargetArn: props.deadLetterQueueArn }) } : {}),
    });
  }
}
