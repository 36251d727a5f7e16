import { eventBusName, eventBusResource, fifoAwareQueueName, topicName } from '../../naming';
import type { PlanContext } from '../context';
import type { WorkloadsConfig } from '../schema';
import type { PublishesConfig } from './schema';
import type { ArnRef, PublishesPlan } from './types';

/*
 * References from other platforms (ECS services, functions, Batch jobs, REST methods) to the
 * messaging entries of their own file, resolved to ARNs from names: nothing is read from state.
 */

/** The workloads file of the context's own account. */
export function ownWorkloadsConfig(context: PlanContext): WorkloadsConfig {
  const own = context.environment.workloads.find((candidate) => candidate.accountName === context.account.name);
  if (!own) throw new Error(`internal: account ${context.account.name} has no workloads file in ${context.environment.name}`);
  return own.config;
}

function ownArn(context: PlanContext, service: ArnRef['service'], resource: string): ArnRef {
  return { service, region: context.environment.region, account: context.account, resource };
}

/** A queue of the own file: its SQS name (`.fifo` for FIFO), ARN and whether the messaging key encrypts it. */
export function ownQueue(context: PlanContext, queue: string) {
  const config = ownWorkloadsConfig(context).queues[queue];
  if (!config) throw new Error(`internal: queue ${queue} is not a queue of ${context.account.name}; validation should have said so`);
  const queueName = fifoAwareQueueName(context.organization, queue, config.fifo);
  return { queueName, arn: ownArn(context, 'sqs', queueName), fifo: config.fifo, encrypted: config.encryption === 'kms' };
}

/** The own account's event bus and whether the messaging key encrypts it. */
export function ownEventBus(context: PlanContext) {
  const bus = ownWorkloadsConfig(context).eventBus;
  if (!bus) throw new Error(`internal: account ${context.account.name} has no eventBus; validation should have said so`);
  const busName = eventBusName(context.organization, context.environment.name, context.account.name);
  return { busName, arn: ownArn(context, 'events', eventBusResource(busName)), encrypted: bus.encryption === 'kms' };
}

function sorted(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** The grants of a workload that publishes, or undefined when it names nothing. */
export function planPublishes(context: PlanContext, publishes: PublishesConfig | undefined): PublishesPlan | undefined {
  if (!publishes || publishes.topics.length + publishes.queues.length + publishes.buses.length === 0) return undefined;
  const config = ownWorkloadsConfig(context);
  const topics = sorted(publishes.topics).map((name) => {
    const fifo = config.topics[name]?.fifo ?? false;
    return [name, ownArn(context, 'sns', topicName(context.organization, name, fifo))] as const;
  });
  const queues = sorted(publishes.queues).map((name) => [name, ownQueue(context, name)] as const);
  const buses = sorted(publishes.buses).map((account) => [account, ownEventBus(context).arn] as const);
  return {
    topics: Object.fromEntries(topics),
    queues: Object.fromEntries(queues.map(([name, queue]) => [name, queue.arn])),
    buses: Object.fromEntries(buses),
    usesMessagingKey: topics.length > 0 || queues.some(([, queue]) => queue.encrypted),
  };
}
