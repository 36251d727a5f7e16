import { EventBus } from '../../modules/messaging/event-bus';
import { EventRule, type EventTarget } from '../../modules/messaging/event-rule';
import { publishStatements } from '../../modules/messaging/grants';
import { MessagingKey } from '../../modules/messaging/messaging-key';
import { Queue } from '../../modules/messaging/queue';
import { QueueSubscription } from '../../modules/messaging/queue-subscription';
import { Topic } from '../../modules/messaging/topic';
import { arn } from '../../model/naming';
import type { AccountRef } from '../../model/stack-plans';
import type { PublishesPlan } from '../../model/workloads/messaging/types';
import type { ArnRef, EventBusPlan, QueuePlan, WorkloadsPlan } from '../../model/workloads/types';
import type { PolicyStatement } from '../../modules/shared/policy-document';
import type { LandingZoneStack } from '../base/landing-zone-stack';

export interface PlacedMessaging {
  /** Queues of the stack by queue name. */
  readonly queues: ReadonlyMap<string, Queue>;
  /** Topics by config name. */
  readonly topics: ReadonlyMap<string, Topic>;
  readonly eventBus?: EventBus;
  /** The account's messaging key, when a topic, a KMS queue or a KMS bus needs it. */
  readonly key?: MessagingKey;
}

/** The ARN a plan names, with the account id from config or the org stack. */
export function arnOfRef(stack: LandingZoneStack, ref: ArnRef): string {
  return arn(ref.service, ref.region, stack.accountId(ref.account), ref.resource);
}

/**
 * The statements of a role that publishes (ECS task role, function role, Batch job role): exactly
 * the ARNs the plan names, and the messaging key when a topic or queue among them is encrypted with it.
 */
export function publisherStatements(
  stack: LandingZoneStack,
  publishes: PublishesPlan | undefined,
  messagingKeyArn: string | undefined,
): PolicyStatement[] {
  if (!publishes) return [];
  const arns = (refs: Readonly<Record<string, ArnRef>>) => Object.values(refs).map((ref) => arnOfRef(stack, ref));
  return publishStatements({
    topicArns: arns(publishes.topics),
    queueArns: arns(publishes.queues),
    busArns: arns(publishes.buses),
    ...(publishes.usesMessagingKey && messagingKeyArn ? { kmsKeyArn: messagingKeyArn } : {}),
  });
}

/**
 * The account's messaging: its key, queues (each with its DLQ and a policy naming its producers),
 * topics (granting the accounts that subscribe), the subscriptions of its queues to topics of any
 * account (created here, from the queue's account), its bus (granting the accounts that send) and
 * the bus's rules, delivering to queues here or to other accounts' buses with a sender-side role.
 */
export function placeMessaging(stack: LandingZoneStack, plan: WorkloadsPlan): PlacedMessaging {
  const messaging = plan.messaging;
  const arnOf = (ref: ArnRef) => arnOfRef(stack, ref);
  const idsOf = (accounts: readonly AccountRef[]) =>
    Object.fromEntries(accounts.map((account) => [account.name, stack.accountId(account)]));
  const arnsOf = (refs: Readonly<Record<string, ArnRef>>) =>
    Object.fromEntries(Object.entries(refs).map(([key, ref]) => [key, arnOf(ref)]));
  const key = messaging?.key
    ? new MessagingKey(stack, 'messaging-key', {
        alias: messaging.key.alias,
        accountId: stack.accountId(plan.account),
        region: plan.region,
        snsSourceArns: arnsOf(messaging.key.snsSources),
        eventSourceArns: arnsOf(messaging.key.eventSources),
        publisherAccountIds: idsOf(messaging.key.publishers),
        ...(messaging.key.alarmSources ? { cloudWatchAlarmArn: arnOf(messaging.key.alarmSources) } : {}),
      })
    : undefined;
  const queues = new Map(plan.queues.map((queue) => [queue.queueName, placeQueue(stack, queue, key, { arnsOf, idsOf })] as const));
  const topics = new Map(
    (messaging?.topics ?? []).map((topic) => [
      topic.name,
      new Topic(stack, `topic-${topic.name}`, {
        name: topic.topicName,
        accountId: stack.accountId(plan.account),
        kmsKeyArn: key!.keyArn,
        fifo: topic.fifo,
        publishers: { accountIds: idsOf(topic.publishers) },
        subscribers: { accountIds: idsOf(topic.subscribers), ...(topic.organizationId ? { organizationId: topic.organizationId } : {}) },
        ...(topic.alarmSources ? { alarmSourceArn: arnOf(topic.alarmSources) } : {}),
      }),
    ]),
  );
  for (const subscription of messaging?.subscriptions ?? []) {
    const queue = queues.get(plan.queues.find((candidate) => candidate.name === subscription.queue)!.queueName)!;
    new QueueSubscription(stack, `subscription-${subscription.key}`, {
      topicArn: arnOf(subscription.topic),
      queueArn: queue.queueArn,
      deadLetterQueueArn: queue.deadLetterQueueArn,
      rawMessageDelivery: subscription.rawMessageDelivery,
      ...(subscription.filterPolicy ? { filterPolicy: subscription.filterPolicy, filterPolicyScope: subscription.filterPolicyScope } : {}),
    });
  }
  const eventBus = messaging?.eventBus ? placeEventBus(stack, plan, messaging.eventBus, { key, queues, arnOf, arnsOf, idsOf }) : undefined;
  return { queues, topics, ...(eventBus ? { eventBus } : {}), ...(key ? { key } : {}) };
}

interface Helpers {
  readonly arnsOf: (refs: Readonly<Record<string, ArnRef>>) => Record<string, string>;
  readonly idsOf: (accounts: readonly AccountRef[]) => Record<string, string>;
}

function placeQueue(stack: LandingZoneStack, queue: QueuePlan, key: MessagingKey | undefined, helpers: Helpers): Queue {
  return new Queue(stack, `queue-${queue.name}`, {
    name: queue.queueName,
    fifo: queue.fifo,
    visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
    maxReceiveCount: queue.maxReceiveCount,
    retentionSeconds: queue.retentionSeconds,
    deadLetterRetentionSeconds: queue.deadLetterRetentionSeconds,
    ...(queue.encryption === 'kms' && key ? { kmsKeyArn: key.keyArn } : {}),
    producers: {
      topicArns: helpers.arnsOf(queue.producers.topics),
      eventRuleArns: helpers.arnsOf(queue.producers.eventRules),
      accountIds: helpers.idsOf(queue.producers.accounts),
    },
  });
}

function placeEventBus(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  bus: EventBusPlan,
  inputs: Helpers & { key?: MessagingKey; queues: ReadonlyMap<string, Queue>; arnOf: (ref: ArnRef) => string },
): EventBus {
  const eventBus = new EventBus(stack, 'event-bus', {
    name: bus.busName,
    description: `Events of ${plan.accountName} in ${plan.environment}`,
    ...(bus.encryption === 'kms' && inputs.key ? { kmsKeyArn: inputs.key.keyArn } : {}),
    senders: { accountIds: inputs.idsOf(bus.senders), ...(bus.organizationId ? { organizationId: bus.organizationId } : {}) },
    ...(bus.archiveRetentionDays !== undefined ? { archive: { retentionDays: bus.archiveRetentionDays } } : {}),
  });
  const deadLetterQueue = bus.deadLetterQueueName ? inputs.queues.get(bus.deadLetterQueueName) : undefined;
  for (const rule of bus.rules) {
    const targets = Object.fromEntries(
      rule.targets.map((target): [string, EventTarget] => [
        target.name,
        target.kind === 'event-bus'
          ? { kind: 'event-bus', arn: inputs.arnOf(target.bus) }
          : {
              kind: 'sqs',
              arn: inputs.queues.get(target.queueName)!.queueArn,
              ...(target.messageGroupId ? { messageGroupId: target.messageGroupId } : {}),
            },
      ]),
    );
    new EventRule(stack, `event-rule-${rule.name}`, {
      name: rule.name,
      eventBusName: eventBus.busName,
      eventPattern: rule.pattern,
      ...(rule.description ? { description: rule.description } : {}),
      targets,
      accountId: stack.accountId(plan.account),
      ruleArn: inputs.arnOf(rule.arn),
      roleName: rule.roleName,
      ...(deadLetterQueue ? { deadLetterQueueArn: deadLetterQueue.queueArn } : {}),
      retry: { maximumRetryAttempts: rule.maximumRetryAttempts, maximumEventAgeSeconds: rule.maximumEventAgeSeconds },
    });
  }
  return eventBus;
}
