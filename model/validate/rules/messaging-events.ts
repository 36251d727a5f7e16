import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import { eventPatternText, eventRuleEntries, unknownAccountProblem, workloadsOfAccount } from './messaging-helpers';

/* The event bus of workloads files: rules, their patterns and targets. */

const MAX_EVENT_PATTERN_LENGTH = 2048;
const MAX_TARGETS = 5;

export const eventPatternValid: ConfigRule = {
  id: 'messaging/event-pattern-valid',
  description: 'A rule’s event pattern is a JSON object of at most 2,048 characters.',
  check: (index) =>
    eventRuleEntries(index).flatMap(({ workloads, rule, path }) => {
      const { text, error } = eventPatternText(rule.pattern);
      if (error)
        return [problemAt(workloads.source, [...path, 'pattern'], error, 'give a JSON object, e.g. {"detail-type": ["OrderPlaced"]}')];
      if (text && text.length > MAX_EVENT_PATTERN_LENGTH) {
        return [
          problemAt(
            workloads.source,
            [...path, 'pattern'],
            `has ${text.length} characters as JSON; EventBridge allows ${MAX_EVENT_PATTERN_LENGTH}`,
            'match on fewer values, or split the rule',
          ),
        ];
      }
      return [];
    }),
};

export const eventTargetsResolve: ConfigRule = {
  id: 'messaging/event-targets-resolve',
  description: "A rule has 1–5 targets, each exactly one of another account's bus or a queue of its file.",
  check: (index) =>
    eventRuleEntries(index).flatMap(({ workloads, rule, path }) => {
      const targets = Object.entries(rule.targets);
      const count =
        targets.length === 0 || targets.length > MAX_TARGETS
          ? [problemAt(workloads.source, [...path, 'targets'], `has ${targets.length} targets`, 'give 1 to 5 targets')]
          : [];
      return [
        ...count,
        ...targets.flatMap(([name, target]) => {
          const where = [...path, 'targets', name];
          if ((target.bus === undefined) === (target.queue === undefined)) {
            return [
              problemAt(workloads.source, where, 'needs exactly one of bus or queue', 'name a bus (an account) or a queue of this file'),
            ];
          }
          if (target.queue !== undefined) {
            return workloads.config.queues[target.queue]
              ? []
              : [
                  problemAt(
                    workloads.source,
                    [...where, 'queue'],
                    `names queue ${target.queue}, which is not a queue of this file`,
                    `add ${target.queue} under queues`,
                  ),
                ];
          }
          return busTargetProblems(index, workloads, [...where, 'bus'], target.bus!);
        }),
      ];
    }),
};

function busTargetProblems(
  index: Parameters<ConfigRule['check']>[0],
  workloads: (typeof index.workloads)[number],
  path: (string | number)[],
  account: string,
) {
  if (account === workloads.account) {
    return [
      problemAt(workloads.source, path, 'is this account’s own bus, which the rule listens on', 'target a queue, or another account’s bus'),
    ];
  }
  const unknown = unknownAccountProblem(index, workloads, path, account);
  if (unknown.length > 0) return unknown;
  const receiver = workloadsOfAccount(index, account);
  if (receiver?.config.eventBus || index.mayBeUnparsedWorkload(receiver?.environment ?? '', account, ['eventBus'], '')) return [];
  return [
    problemAt(
      workloads.source,
      path,
      `names the bus of ${account}, which has no eventBus`,
      `add eventBus to ${receiver?.source.file ?? `${account}'s workloads file`}`,
    ),
  ];
}

export const eventBusDeadLetterQueueExists: ConfigRule = {
  id: 'messaging/event-bus-dead-letter-queue-exists',
  description: "A bus's dead-letter queue is a standard queue of its file.",
  check: (index) =>
    index.workloads.flatMap((workloads) => {
      const queue = workloads.config.eventBus?.deadLetterQueue;
      if (!queue) return [];
      if (workloads.config.queues[queue]?.fifo) {
        return [
          problemAt(
            workloads.source,
            ['eventBus', 'deadLetterQueue'],
            `names FIFO queue ${queue}`,
            'EventBridge dead-letters only into standard queues; name one',
          ),
        ];
      }
      if (workloads.config.queues[queue]) return [];
      return [
        problemAt(
          workloads.source,
          ['eventBus', 'deadLetterQueue'],
          `names queue ${queue}, which is not a queue of this file`,
          `add ${queue} under queues`,
        ),
      ];
    }),
};

export const eventArchiveWithoutKms: ConfigRule = {
  id: 'messaging/event-archive-without-kms',
  description: 'A bus encrypted with the messaging key has no archive (the archive key argument is hashicorp/aws 6.x).',
  check: (index) =>
    index.workloads.flatMap((workloads) => {
      const bus = workloads.config.eventBus;
      if (!bus || bus.encryption !== 'kms' || bus.archiveRetentionDays === undefined) return [];
      return [
        problemAt(
          workloads.source,
          ['eventBus', 'archiveRetentionDays'],
          'archives a bus encrypted with the messaging key, which needs the archive’s KMS key (hashicorp/aws 6.x)',
          'use encryption: aws-owned, or drop the archive',
        ),
      ];
    }),
};
