import type { ConfigProblem } from '../../problems';
export { eventPatternText } from '../../workloads/messaging/event-pattern';
import type { ParsedWorkloads } from '../../workloads/types';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex } from '../config-index';

/* Lookups shared by the messaging rules: other accounts' files, regions, a queue's consumers. */

export function workloadsOfAccount(index: ConfigIndex, account: string): ParsedWorkloads | undefined {
  return index.workloads.find((candidate) => candidate.account === account);
}

export function regionOf(index: ConfigIndex, workloads: ParsedWorkloads): string | undefined {
  return index.environments.find((environment) => environment.name === workloads.environment)?.config.region;
}

/**
 * What a queue's consumer needs of its visibility timeout. A Lambda consumer (event source mapping)
 * needs 6 × its function timeout plus its batching window, AWS's guidance for retries of a batch;
 * any other consumer needs its configured processing time.
 */
export type QueueConsumer =
  | { readonly kind: 'lambda'; readonly name: string; readonly timeoutSeconds: number; readonly batchingWindowSeconds: number }
  | { readonly kind: 'processing'; readonly name: string; readonly processingSeconds: number };

export function requiredVisibilityTimeout(consumer: QueueConsumer): number {
  return consumer.kind === 'lambda' ? 6 * consumer.timeoutSeconds + consumer.batchingWindowSeconds : consumer.processingSeconds;
}

/**
 * The consumers of a queue of a file whose needs are known: every function whose event source it
 * is, and the ECS services that consume it when the queue gives `processingSeconds`.
 */
export function queueConsumers(workloads: ParsedWorkloads, queue: string): QueueConsumer[] {
  const functions = Object.entries(workloads.config.serverless?.functions ?? {}).flatMap(([name, fn]) => {
    const source = fn.consumes[queue];
    if (!source) return [];
    const batchingWindowSeconds = source.maximumBatchingWindowSeconds ?? 0;
    return [{ kind: 'lambda' as const, name: `function ${name}`, timeoutSeconds: fn.timeoutSeconds, batchingWindowSeconds }];
  });
  const processingSeconds = workloads.config.queues[queue]?.processingSeconds;
  if (processingSeconds === undefined) return functions;
  const services = Object.entries(workloads.config.containers?.services ?? {})
    .filter(([, service]) => service.consumes.includes(queue))
    .map(([name]) => ({ kind: 'processing' as const, name: `ECS service ${name}`, processingSeconds }));
  return [...services, ...functions];
}

/** Every queue of every file, with its path. */
export function queueEntries(index: ConfigIndex) {
  return index.workloads.flatMap((workloads) =>
    Object.entries(workloads.config.queues).map(([name, queue]) => ({ workloads, name, queue, path: ['queues', name] as const })),
  );
}

/** Every subscription of every queue, with its path and the topic's account. */
export function subscriptionEntries(index: ConfigIndex) {
  return queueEntries(index).flatMap((entry) =>
    Object.entries(entry.queue.subscriptions).map(([name, subscription]) => ({
      ...entry,
      subscriptionName: name,
      subscription,
      topicAccount: subscription.account ?? entry.workloads.account,
      subscriptionPath: [...entry.path, 'subscriptions', name] as const,
    })),
  );
}

/** Every rule of every file's bus, with its path. */
export function eventRuleEntries(index: ConfigIndex) {
  return index.workloads.flatMap((workloads) =>
    Object.entries(workloads.config.eventBus?.rules ?? {}).map(([name, rule]) => ({
      workloads,
      name,
      rule,
      path: ['eventBus', 'rules', name] as const,
    })),
  );
}

export function unknownAccountProblem(
  index: ConfigIndex,
  workloads: ParsedWorkloads,
  path: readonly (string | number)[],
  account: string,
): ConfigProblem[] {
  if (index.accounts.some((candidate) => candidate.name === account) || mayBeUnparsedAccount(index, account)) return [];
  return [
    problemAt(
      workloads.source,
      path,
      `names ${account}, which is not an account of the organization`,
      'name an account of an environment file',
    ),
  ];
}

/** An account that may be defined in a part of an environment file (or org.yaml) that failed the schema. */
function mayBeUnparsedAccount(index: ConfigIndex, account: string): boolean {
  return (
    index.mayBeUnparsedOrgAccount(account) ||
    index.unparsed.some(
      (part) =>
        part.kind === 'environment' &&
        (part.path.length === 0 || (part.path[0] === 'accounts' && (part.path.length === 1 || part.path[1] === account))),
    )
  );
}
