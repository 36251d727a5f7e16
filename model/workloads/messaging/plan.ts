import {
  eventBusName,
  eventBusResource,
  eventDeliveryRoleName,
  eventRuleResource,
  fifoAwareDeadLetterQueueName,
  fifoAwareQueueName,
  messagingKeyAlias,
  spokeResourceName,
  topicName,
  workloadsStackName,
} from '../../naming';
import { accountRef } from '../../plans/base';
import type { AccountRef } from '../../stack-plans';
import type { AccountWorkloads, Environment } from '../../types';
import type { PlanContext } from '../context';
import type { AlarmsPlan } from '../alarms/types';
import type { WorkloadsConfig } from '../schema';
import { eventPatternText } from './event-pattern';
import { TopicSchema, type EventBusConfig, type QueueConfig } from './schema';
import type { ArnRef, EventBusPlan, EventRulePlan, MessagingKeyPlan, MessagingPlan, QueuePlan, SubscriptionPlan, TopicPlan } from './types';

/** A dead-letter queue keeps messages this much longer than its source (capped at SQS's 14 days). */
const DEAD_LETTER_EXTRA_SECONDS = 7 * 24 * 3600;
const MAX_RETENTION_SECONDS = 14 * 24 * 3600;

interface Located {
  readonly environment: Environment;
  readonly workloads: AccountWorkloads;
}

const byName = <T>(record: Readonly<Record<string, T>>): [string, T][] => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

/** Every workloads file of the organization, with its environment: the other side of each cross-account pair. */
function everyWorkloads(context: PlanContext): Located[] {
  return context.zone.environments.flatMap((environment) => environment.workloads.map((workloads) => ({ environment, workloads })));
}

function locate(context: PlanContext, account: string): Located | undefined {
  return everyWorkloads(context).find((located) => located.workloads.accountName === account);
}

function arnIn(context: PlanContext, located: Located | undefined, service: ArnRef['service'], resource: string): ArnRef {
  if (!located) throw new Error(`internal: ${resource} names an account without workloads; validation should have said so`);
  return { service, region: located.environment.region, account: accountRef(context.zone, located.workloads.accountName), resource };
}

function own(context: PlanContext): Located {
  return locate(context, context.account.name)!;
}

function uniqueAccounts(context: PlanContext, names: Iterable<string>): AccountRef[] {
  return [...new Set(names)].sort().map((name) => accountRef(context.zone, name));
}

function topicArn(context: PlanContext, account: string, topic: string): ArnRef {
  const located = locate(context, account);
  const fifo = located?.workloads.config.topics[topic]?.fifo ?? false;
  return arnIn(context, located, 'sns', topicName(context.organization, topic, fifo));
}

function busArn(context: PlanContext, account: string): ArnRef {
  const located = locate(context, account);
  return arnIn(context, located, 'events', eventBusResource(eventBusName(context.organization, located?.environment.name ?? '', account)));
}

/** Queues in name order, each with its dead-letter queue and exactly its producers. */
export function planQueues(context: PlanContext, config: WorkloadsConfig): QueuePlan[] {
  return byName(config.queues).map(([name, queue]) => planQueue(context, config, name, queue));
}

function planQueue(context: PlanContext, config: WorkloadsConfig, name: string, queue: QueueConfig): QueuePlan {
  const { organization } = context;
  const bus = config.eventBus;
  const busName = eventBusName(organization, context.environment.name, context.account.name);
  const rules = byName(bus?.rules ?? {}).filter(
    ([, rule]) => bus?.deadLetterQueue === name || Object.values(rule.targets).some((target) => target.queue === name),
  );
  return {
    name,
    queueName: fifoAwareQueueName(organization, name, queue.fifo),
    deadLetterQueueName: fifoAwareDeadLetterQueueName(organization, name, queue.fifo),
    fifo: queue.fifo,
    visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
    maxReceiveCount: queue.maxReceiveCount,
    retentionSeconds: queue.retentionSeconds,
    deadLetterRetentionSeconds: Math.min(queue.retentionSeconds + DEAD_LETTER_EXTRA_SECONDS, MAX_RETENTION_SECONDS),
    encryption: queue.encryption,
    producers: {
      topics: Object.fromEntries(
        byName(queue.subscriptions).map(([key, subscription]) => [
          key,
          topicArn(context, subscription.account ?? context.account.name, subscription.topic),
        ]),
      ),
      eventRules: Object.fromEntries(
        rules.map(([rule]) => [rule, arnIn(context, own(context), 'events', eventRuleResource(busName, rule))]),
      ),
      accounts: uniqueAccounts(context, queue.producers),
    },
  };
}

/**
 * Topics, subscriptions, the bus and the key of an account, with the other sides' grants derived
 * from every file. The topic the stack's alarms notify lets CloudWatch publish (and use the key);
 * it is created, as `alarms`, when the file does not name one of its own.
 */
export function planMessaging(
  context: PlanContext,
  config: WorkloadsConfig,
  queues: readonly QueuePlan[],
  alarms?: AlarmsPlan,
): MessagingPlan | undefined {
  const subscriptions = planSubscriptions(context, config);
  const alarmSources = alarms?.notificationTopic ? alarmSourceArn(context) : undefined;
  const topics = planTopics(context, config, alarms?.notificationTopic, alarmSources);
  const eventBus = config.eventBus ? planEventBus(context, config.eventBus) : undefined;
  if (topics.length === 0 && subscriptions.length === 0 && !eventBus && queues.every((queue) => queue.encryption !== 'kms'))
    return undefined;
  const key = planKey(context, topics, queues, eventBus, alarmSources);
  const topicStacks = subscriptions
    .map((subscription) => subscription.topic.account.name)
    .filter((account) => account !== context.account.name)
    .map((account) => workloadsStackName(locate(context, account)!.environment.name, account));
  return { topics, subscriptions, ...(eventBus ? { eventBus } : {}), ...(key ? { key } : {}), dependsOn: [...new Set(topicStacks)].sort() };
}

function planSubscriptions(context: PlanContext, config: WorkloadsConfig): SubscriptionPlan[] {
  return byName(config.queues).flatMap(([queue, queueConfig]) =>
    byName(queueConfig.subscriptions).map(([name, subscription]) => ({
      key: `${queue}-${name}`,
      queue,
      topic: topicArn(context, subscription.account ?? context.account.name, subscription.topic),
      ...(subscription.filter ? { filterPolicy: subscription.filter } : {}),
      filterPolicyScope: subscription.filterScope,
      rawMessageDelivery: subscription.rawMessageDelivery,
    })),
  );
}

/** Every alarm of the stack: their names start with `<org>-<env>-<account>/`. */
function alarmSourceArn(context: PlanContext): ArnRef {
  const prefix = spokeResourceName(context.organization, context.environment.name, context.account.name);
  return arnIn(context, own(context), 'cloudwatch', `alarm:${prefix}/*`);
}

function planTopics(context: PlanContext, config: WorkloadsConfig, alarmTopic?: string, alarmSources?: ArnRef): TopicPlan[] {
  const declared =
    alarmTopic === undefined || alarmTopic in config.topics ? config.topics : { ...config.topics, [alarmTopic]: TopicSchema.parse({}) };
  return byName(declared).map(([name, topic]) => {
    const subscribers = everyWorkloads(context)
      .filter(({ workloads }) => workloads.accountName !== context.account.name)
      .filter(({ workloads }) =>
        Object.values(workloads.config.queues).some((queue) =>
          Object.values(queue.subscriptions).some(
            (subscription) => subscription.account === context.account.name && subscription.topic === name,
          ),
        ),
      )
      .map(({ workloads }) => workloads.accountName);
    return {
      name,
      topicName: topicName(context.organization, name, topic.fifo),
      fifo: topic.fifo,
      publishers: uniqueAccounts(context, topic.publishers),
      subscribers: uniqueAccounts(context, subscribers),
      ...(topic.organization ? { organizationId: context.zone.organization.id } : {}),
      ...(name === alarmTopic && alarmSources ? { alarmSources } : {}),
    };
  });
}

function planEventBus(context: PlanContext, bus: EventBusConfig): EventBusPlan {
  const busName = eventBusName(context.organization, context.environment.name, context.account.name);
  const senders = everyWorkloads(context)
    .filter(({ workloads }) =>
      Object.values(workloads.config.eventBus?.rules ?? {}).some((rule) =>
        Object.values(rule.targets).some((target) => target.bus === context.account.name),
      ),
    )
    .map(({ workloads }) => workloads.accountName);
  return {
    busName,
    arn: busArn(context, context.account.name),
    encryption: bus.encryption,
    ...(bus.archiveRetentionDays !== undefined ? { archiveRetentionDays: bus.archiveRetentionDays } : {}),
    senders: uniqueAccounts(context, senders),
    ...(bus.organization ? { organizationId: context.zone.organization.id } : {}),
    ...(bus.deadLetterQueue
      ? {
          deadLetterQueueName: fifoAwareQueueName(
            context.organization,
            bus.deadLetterQueue,
            own(context).workloads.config.queues[bus.deadLetterQueue]?.fifo ?? false,
          ),
        }
      : {}),
    rules: byName(bus.rules).map(([name, rule]) => planRule(context, busName, name, rule)),
  };
}

function planRule(context: PlanContext, busName: string, name: string, rule: EventBusConfig['rules'][string]): EventRulePlan {
  const queues = own(context).workloads.config.queues;
  return {
    name,
    arn: arnIn(context, own(context), 'events', eventRuleResource(busName, name)),
    pattern: eventPatternText(rule.pattern).text ?? '{}',
    ...(rule.description ? { description: rule.description } : {}),
    targets: byName(rule.targets).map(([target, config]) =>
      config.bus
        ? { name: target, kind: 'event-bus' as const, bus: busArn(context, config.bus) }
        : {
            name: target,
            kind: 'sqs' as const,
            queueName: fifoAwareQueueName(context.organization, config.queue!, queues[config.queue!]?.fifo ?? false),
            ...(queues[config.queue!]?.fifo ? { messageGroupId: name } : {}),
          },
    ),
    roleName: eventDeliveryRoleName(busName, name),
    maximumRetryAttempts: rule.maximumRetryAttempts,
    maximumEventAgeSeconds: rule.maximumEventAgeSeconds,
  };
}

function planKey(
  context: PlanContext,
  topics: TopicPlan[],
  queues: readonly QueuePlan[],
  bus: EventBusPlan | undefined,
  alarmSources: ArnRef | undefined,
): MessagingKeyPlan | undefined {
  const kmsQueues = queues.filter((queue) => queue.encryption === 'kms');
  if (topics.length === 0 && kmsQueues.length === 0 && bus?.encryption !== 'kms') return undefined;
  const ownTopics = topics.map((topic) => [`topic-${topic.name}`, arnIn(context, own(context), 'sns', topic.topicName)] as const);
  const deliveredTopics = kmsQueues.flatMap((queue) =>
    byName(queue.producers.topics).map(([key, arn]) => [`${queue.name}-${key}`, arn] as const),
  );
  const deliveringRules = kmsQueues.flatMap((queue) =>
    byName(queue.producers.eventRules).map(([key, arn]) => [`${queue.name}-${key}`, arn] as const),
  );
  return {
    alias: messagingKeyAlias(context.organization, context.environment.name, context.account.name),
    snsSources: Object.fromEntries([...ownTopics, ...deliveredTopics]),
    eventSources: Object.fromEntries([...(bus?.encryption === 'kms' ? [['bus', bus.arn] as const] : []), ...deliveringRules]),
    publishers: uniqueAccounts(
      context,
      topics.flatMap((topic) => topic.publishers.map((account) => account.name)),
    ),
    ...(alarmSources ? { alarmSources } : {}),
  };
}
