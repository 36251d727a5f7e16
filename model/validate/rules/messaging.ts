import { filterPolicyProblem } from '../../workloads/messaging/filter-policy';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import {
  queueConsumers,
  queueEntries,
  regionOf,
  requiredVisibilityTimeout,
  subscriptionEntries,
  unknownAccountProblem,
  workloadsOfAccount,
} from './messaging-helpers';

/* Queues, topics and subscriptions of workloads files. */

export const queueNamesDistinct: ConfigRule = {
  id: 'messaging/queue-names-distinct',
  description: "No queue is named like another queue's dead-letter queue (<queue>-dlq).",
  check: (index) =>
    index.workloads.flatMap((workloads) => {
      const names = Object.keys(workloads.config.queues);
      return names
        .filter((name) => name.endsWith('-dlq') && names.includes(name.slice(0, -'-dlq'.length)))
        .map((name) =>
          problemAt(
            workloads.source,
            ['queues', name],
            `clashes with the dead-letter queue of queue ${name.slice(0, -'-dlq'.length)}`,
            'rename the queue; every queue already gets a <name>-dlq dead-letter queue',
          ),
        );
    }),
};

export const visibilityCoversConsumers: ConfigRule = {
  id: 'messaging/visibility-covers-consumers',
  description: "A queue's visibility timeout covers each consumer: 6 × a Lambda timeout, or the processing time.",
  check: (index) =>
    queueEntries(index).flatMap(({ workloads, name, queue, path }) =>
      queueConsumers(workloads, name)
        .filter((consumer) => queue.visibilityTimeoutSeconds < requiredVisibilityTimeout(consumer))
        .map((consumer) =>
          problemAt(
            workloads.source,
            [...path, 'visibilityTimeoutSeconds'],
            `is ${queue.visibilityTimeoutSeconds} s, below the ${requiredVisibilityTimeout(consumer)} s that ${consumer.name} needs`,
            consumer.kind === 'lambda'
              ? `raise it to at least 6 × the function's timeout${consumer.batchingWindowSeconds > 0 ? ' plus its batching window' : ''} (${requiredVisibilityTimeout(consumer)} s), or the batch is received twice`
              : `raise it to at least processingSeconds (${requiredVisibilityTimeout(consumer)} s), or the message is received twice`,
          ),
        ),
    ),
};

export const ecsConsumersOnSqsEncryption: ConfigRule = {
  id: 'messaging/ecs-consumers-on-sse-sqs',
  description: 'A queue an ECS service consumes uses SSE-SQS: task roles get no kms:Decrypt on the messaging key.',
  check: (index) =>
    queueEntries(index).flatMap(({ workloads, name, queue, path }) => {
      if (queue.encryption !== 'kms') return [];
      const consumers = Object.entries(workloads.config.containers?.services ?? {}).filter(([, service]) =>
        service.consumes.includes(name),
      );
      return consumers.map(([service]) =>
        problemAt(
          workloads.source,
          [...path, 'encryption'],
          `is kms, but ECS service ${service} consumes the queue and its task role cannot decrypt with the messaging key`,
          'use encryption: sqs for queues that ECS services consume',
        ),
      );
    }),
};

export const ecsConsumersOnStandardQueues: ConfigRule = {
  id: 'messaging/ecs-consumers-on-standard-queues',
  description: 'ECS services consume and scale on standard queues (the containers plan names queues without .fifo).',
  check: (index) =>
    queueEntries(index).flatMap(({ workloads, name, queue, path }) => {
      if (!queue.fifo) return [];
      return Object.entries(workloads.config.containers?.services ?? {})
        .filter(([, service]) => service.consumes.includes(name) || service.scaling?.queue === name)
        .map(([service]) =>
          problemAt(
            workloads.source,
            [...path, 'fifo'],
            `is true, but ECS service ${service} consumes or scales on the queue, which the containers platform does not support for FIFO queues yet`,
            'use a standard queue for ECS consumers',
          ),
        );
    }),
};

export const subscriptionTopicExists: ConfigRule = {
  id: 'messaging/subscription-topic-exists',
  description: "A queue subscribes to a topic of its own file or of the named account's file.",
  check: (index) =>
    subscriptionEntries(index).flatMap((entry) => {
      const { workloads, subscription, topicAccount, subscriptionPath } = entry;
      const owner = workloadsOfAccount(index, topicAccount);
      if (owner?.config.topics[subscription.topic]) return [];
      if (index.mayBeUnparsedWorkload(owner?.environment ?? '', topicAccount, ['topics'], subscription.topic)) return [];
      const accountProblems = unknownAccountProblem(index, workloads, [...subscriptionPath, 'account'], topicAccount);
      if (accountProblems.length > 0) return accountProblems;
      return [
        problemAt(
          workloads.source,
          [...subscriptionPath, 'topic'],
          `names topic ${subscription.topic}, which account ${topicAccount} does not define`,
          `add ${subscription.topic} under topics of ${owner?.source.file ?? `${topicAccount}'s workloads file`}, or fix the name`,
        ),
      ];
    }),
};

export const subscriptionSameRegion: ConfigRule = {
  id: 'messaging/subscription-same-region',
  description: "A queue subscribes only to topics of its own region (the subscription lives in the queue's stack).",
  check: (index) =>
    subscriptionEntries(index).flatMap(({ workloads, subscription, topicAccount, subscriptionPath }) => {
      const owner = workloadsOfAccount(index, topicAccount);
      const queueRegion = regionOf(index, workloads);
      const topicRegion = owner ? regionOf(index, owner) : undefined;
      if (!owner || !queueRegion || !topicRegion || queueRegion === topicRegion) return [];
      return [
        problemAt(
          workloads.source,
          [...subscriptionPath, 'account'],
          `subscribes a queue in ${queueRegion} to topic ${subscription.topic} of ${topicAccount} in ${topicRegion}`,
          `subscribe a queue of an account in ${topicRegion}, or publish to a topic in ${queueRegion}`,
        ),
      ];
    }),
};

export const subscriptionFifoMatches: ConfigRule = {
  id: 'messaging/subscription-fifo-matches',
  description: 'A FIFO queue subscribes only to FIFO topics.',
  check: (index) =>
    subscriptionEntries(index).flatMap(({ workloads, queue, subscription, topicAccount, subscriptionPath }) => {
      const topic = workloadsOfAccount(index, topicAccount)?.config.topics[subscription.topic];
      if (!topic || !queue.fifo || topic.fifo) return [];
      return [
        problemAt(
          workloads.source,
          [...subscriptionPath, 'topic'],
          `names standard topic ${subscription.topic}, which cannot deliver to a FIFO queue`,
          'make the topic FIFO, or the queue standard',
        ),
      ];
    }),
};

export const subscriptionsAcyclic: ConfigRule = {
  id: 'messaging/subscriptions-acyclic',
  description: "Two accounts do not subscribe to each other's topics (each stack deploys after its topics' stacks).",
  check: (index) => {
    const subscribes = (from: string, to: string) =>
      subscriptionEntries(index).some((entry) => entry.workloads.account === from && entry.topicAccount === to);
    return subscriptionEntries(index)
      .filter(({ workloads, topicAccount }) => topicAccount !== workloads.account && workloads.account > topicAccount)
      .filter(({ workloads, topicAccount }) => subscribes(topicAccount, workloads.account))
      .map(({ workloads, topicAccount, subscriptionPath }) =>
        problemAt(
          workloads.source,
          [...subscriptionPath, 'account'],
          `subscribes to ${topicAccount}, whose queues subscribe to topics of ${workloads.account}: neither stack can deploy first`,
          'let one account own both topics, or connect the other direction through an event bus',
        ),
      );
  },
};

export const filterPolicyWithinLimits: ConfigRule = {
  id: 'messaging/filter-policy-within-limits',
  description: 'A subscription filter matches on at most 5 keys and 150 value combinations.',
  check: (index) =>
    subscriptionEntries(index).flatMap(({ workloads, subscription, subscriptionPath }) => {
      const problem = subscription.filter ? filterPolicyProblem(subscription.filter) : undefined;
      return problem
        ? [
            problemAt(
              workloads.source,
              [...subscriptionPath, 'filter'],
              problem,
              'split it into several subscriptions, or match on fewer values',
            ),
          ]
        : [];
    }),
};

export const messagingAccountsExist: ConfigRule = {
  id: 'messaging/accounts-exist',
  description: "A queue's producers and a topic's publishers are other accounts of the organization.",
  check: (index) =>
    index.workloads.flatMap((workloads) => [
      ...Object.entries(workloads.config.queues).flatMap(([name, queue]) =>
        queue.producers.flatMap((account, position) => accountProblems(index, workloads, ['queues', name, 'producers', position], account)),
      ),
      ...Object.entries(workloads.config.topics).flatMap(([name, topic]) =>
        topic.publishers.flatMap((account, position) =>
          accountProblems(index, workloads, ['topics', name, 'publishers', position], account),
        ),
      ),
    ]),
};

function accountProblems(
  index: Parameters<ConfigRule['check']>[0],
  workloads: (typeof index.workloads)[number],
  path: (string | number)[],
  account: string,
) {
  if (account === workloads.account) {
    return [problemAt(workloads.source, path, 'is the file’s own account, which needs no grant', 'list other accounts only')];
  }
  return unknownAccountProblem(index, workloads, path, account);
}
