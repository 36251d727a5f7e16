import type { ConfigProblem } from '../../problems';
import type { LambdaFunctionConfig, QueueSourceConfig } from '../../workloads/serverless/schema';
import type { ParsedWorkloads } from '../../workloads/types';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import { ownBusProblems, ownEntryProblems } from './messaging-references';

/* Functions invoked by queues, and REST methods that send to a queue or put an event on the bus. */

/** What Lambda accepts of an SQS event source mapping (docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html). */
export const QUEUE_SOURCE_LIMITS = {
  batchSize: { min: 1, max: 10000 },
  /** FIFO queues, and standard queues without a batching window. */
  batchSizeWithoutWindow: 10,
  batchingWindowSeconds: { min: 0, max: 300 },
  maximumConcurrency: { min: 2, max: 1000 },
};

interface QueueSourceEntry {
  readonly workloads: ParsedWorkloads;
  readonly fn: LambdaFunctionConfig;
  readonly queue: string;
  readonly source: QueueSourceConfig;
  readonly path: readonly (string | number)[];
}

function queueSourceEntries(index: Parameters<ConfigRule['check']>[0]): QueueSourceEntry[] {
  return index.workloads.flatMap((workloads) =>
    Object.entries(workloads.config.serverless?.functions ?? {}).flatMap(([name, fn]) =>
      Object.entries(fn.consumes).map(([queue, source]) => ({
        workloads,
        fn,
        queue,
        source,
        path: ['serverless', 'functions', name, 'consumes', queue],
      })),
    ),
  );
}

export const queueSourcesResolve: ConfigRule = {
  id: 'serverless/queue-sources-resolve',
  description: 'The queues a function consumes are queues of its file.',
  check: (index) =>
    queueSourceEntries(index).flatMap(({ workloads, queue, path }) => ownEntryProblems(index, workloads, path, 'queues', queue)),
};

function batchSizeProblem(entry: QueueSourceEntry, fifo: boolean): [string, string] | undefined {
  const { batchSize, maximumBatchingWindowSeconds: window } = entry.source;
  const { min, max } = QUEUE_SOURCE_LIMITS.batchSize;
  const small = QUEUE_SOURCE_LIMITS.batchSizeWithoutWindow;
  if (batchSize < min || batchSize > max) return [`is ${batchSize}; Lambda reads ${min}–${max} messages per batch`, `give ${min}–10,000`];
  if (fifo && batchSize > small) {
    return [
      `is ${batchSize}, but queue ${entry.queue} is FIFO: Lambda reads at most ${small} messages per batch from it`,
      `give 1–${small}`,
    ];
  }
  if (!fifo && batchSize > small && (window ?? 0) < 1) {
    return [
      `is ${batchSize}, over ${small} without a batching window`,
      `set maximumBatchingWindowSeconds to 1 or more, or lower batchSize to ${small}`,
    ];
  }
  return undefined;
}

function windowProblem(entry: QueueSourceEntry, fifo: boolean): [string, string] | undefined {
  const window = entry.source.maximumBatchingWindowSeconds;
  if (window === undefined) return undefined;
  if (fifo) return [`is set, but queue ${entry.queue} is FIFO, which Lambda reads without a batching window`, 'leave it out'];
  const { min, max } = QUEUE_SOURCE_LIMITS.batchingWindowSeconds;
  return window < min || window > max ? [`is ${window} s; Lambda waits ${min}–${max} s`, `give ${min}–${max} s`] : undefined;
}

function concurrencyProblem(entry: QueueSourceEntry): [string, string] | undefined {
  const concurrency = entry.source.maximumConcurrency;
  if (concurrency === undefined) return undefined;
  const { min, max } = QUEUE_SOURCE_LIMITS.maximumConcurrency;
  if (concurrency < min || concurrency > max)
    return [`is ${concurrency}; Lambda allows ${min}–${max}`, `give ${min}–${max}, or leave it out`];
  const reserved = entry.fn.reservedConcurrency;
  if (concurrency <= reserved) return undefined;
  return [
    `is ${concurrency}, over the function's reservedConcurrency ${reserved}: the extra invocations are throttled and their messages come back`,
    `lower it to ${reserved}, or raise reservedConcurrency`,
  ];
}

export const queueSourceLimits: ConfigRule = {
  id: 'serverless/queue-source-limits',
  description:
    'A queue source reads 1–10,000 messages per batch (at most 10 from a FIFO queue or without a batching window of ≥ 1 s), waits 0–300 s and drives 2–1,000 invocations, within the reserved concurrency.',
  check: (index) =>
    queueSourceEntries(index).flatMap((entry): ConfigProblem[] => {
      const queue = entry.workloads.config.queues[entry.queue];
      if (!queue) return [];
      const checks = [
        ['batchSize', batchSizeProblem(entry, queue.fifo)],
        ['maximumBatchingWindowSeconds', windowProblem(entry, queue.fifo)],
        ['maximumConcurrency', concurrencyProblem(entry)],
      ] as const;
      return checks.flatMap(([key, problem]) =>
        problem ? [problemAt(entry.workloads.source, [...entry.path, key], problem[0], problem[1])] : [],
      );
    }),
};

export const restTargetsResolve: ConfigRule = {
  id: 'serverless/rest-targets-resolve',
  description:
    "A REST method has exactly one target: a function, a queue of its file or its account's own bus (with `event` only for a bus).",
  check: (index) =>
    index.workloads.flatMap((workloads) =>
      Object.entries(workloads.config.serverless?.restApis ?? {}).flatMap(([api, spec]) =>
        Object.entries(spec.routes).flatMap(([route, target]): ConfigProblem[] => {
          const path = ['serverless', 'restApis', api, 'routes', route];
          const given = (['function', 'queue', 'bus'] as const).filter((key) => target[key] !== undefined);
          if (given.length !== 1) {
            return [
              problemAt(
                workloads.source,
                path,
                given.length === 0 ? 'has no target' : `has ${given.join(' and ')}, more than one target`,
                'give exactly one of function, queue and bus',
              ),
            ];
          }
          if (target.event !== undefined && target.bus === undefined) {
            return [
              problemAt(workloads.source, [...path, 'event'], 'is only for methods that put events on the bus', 'drop it, or target bus'),
            ];
          }
          if (target.queue !== undefined) return ownEntryProblems(index, workloads, [...path, 'queue'], 'queues', target.queue);
          if (target.bus !== undefined) return ownBusProblems(index, workloads, [...path, 'bus'], target.bus);
          return [];
        }),
      ),
    ),
};
