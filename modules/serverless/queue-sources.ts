import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { consumeStatements } from '../messaging/grants';
import { validateConstructNames } from '../shared/names';
import type { PolicyStatement } from '../shared/policy-document';

/** What Lambda accepts of an SQS event source mapping. */
export const QUEUE_SOURCE_LIMITS = {
  minBatchSize: 1,
  maxBatchSize: 10000,
  /** Largest batch without a batching window (and on any FIFO queue). */
  maxBatchSizeWithoutWindow: 10,
  maxBatchingWindowSeconds: 300,
  minConcurrency: 2,
  maxConcurrency: 1000,
};

/** A queue that invokes a function: Lambda polls it and deletes what the function reports done. */
export interface LambdaQueueSource {
  /** CAUTION: changing it replaces the mapping (in-flight batches finish; nothing is lost). */
  readonly queueArn: string;
  /** Messages per invocation, 1–10,000; at most 10 on a FIFO queue or without a batching window. @default 10 */
  readonly batchSize?: number;
  /** Seconds Lambda gathers messages before it invokes, 0–300; not on FIFO queues. @default - none (0) */
  readonly maximumBatchingWindowSeconds?: number;
  /** Concurrent invocations this queue may drive, 2–1,000. @default - up to the function's reserved concurrency */
  readonly maximumConcurrency?: number;
  /** Customer managed key that encrypts the queue; the role may decrypt with it. @default - SSE-SQS, no key permission */
  readonly kmsKeyArn?: string;
}

/** The function role's statements for its queue sources: the four consumer actions on exactly those queues, and their keys. */
export function queueSourceStatements(sources: Readonly<Record<string, LambdaQueueSource>>): PolicyStatement[] {
  const all = Object.values(sources);
  return consumeStatements(
    all.map((source) => source.queueArn),
    all.flatMap((source) => (source.kmsKeyArn ? [source.kmsKeyArn] : [])),
  );
}

export interface QueueSourcesProps {
  readonly functionName: string;
  readonly sources: Readonly<Record<string, LambdaQueueSource>>;
  /** The role's policy: Lambda checks the role may read the queue when the mapping is created. */
  readonly rolePolicy?: ITerraformDependable;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * One event source mapping per queue, keyed by a stable name, always with partial batch responses
 * (`ReportBatchItemFailures`): the function returns the ids of the messages that failed and only
 * those come back, instead of the whole batch.
 */
export class QueueSources extends Construct {
  readonly mappings = new Map<string, LambdaEventSourceMapping>();

  constructor(scope: Construct, id: string, props: QueueSourcesProps) {
    super(scope, id);
    validateQueueSources(`QueueSources ${props.functionName}`, props.sources);
    for (const [name, source] of Object.entries(props.sources)) {
      const mapping = new LambdaEventSourceMapping(this, `queue-${name}`, {
        functionName: props.functionName,
        eventSourceArn: source.queueArn,
        batchSize: source.batchSize ?? 10,
        maximumBatchingWindowInSeconds: source.maximumBatchingWindowSeconds,
        functionResponseTypes: ['ReportBatchItemFailures'],
        ...(source.maximumConcurrency !== undefined ? { scalingConfig: { maximumConcurrency: source.maximumConcurrency } } : {}),
        tags: { ...props.tags },
        dependsOn: props.rolePolicy ? [props.rolePolicy] : undefined,
      });
      this.mappings.set(name, mapping);
    }
  }
}

export function validateQueueSources(where: string, sources: Readonly<Record<string, LambdaQueueSource>>): void {
  validateConstructNames(where, 'queueSources key', Object.keys(sources));
  const limits = QUEUE_SOURCE_LIMITS;
  const outside = (value: number | undefined, min: number, max: number) =>
    value !== undefined && (!Number.isInteger(value) || value < min || value > max);
  for (const [name, source] of Object.entries(sources)) {
    const at = `${where}: queueSources.${name}`;
    if (outside(source.batchSize, limits.minBatchSize, limits.maxBatchSize)) {
      throw new Error(`${at}.batchSize ${source.batchSize} is not 1–10,000; give a batch size Lambda reads`);
    }
    if ((source.batchSize ?? 10) > limits.maxBatchSizeWithoutWindow && (source.maximumBatchingWindowSeconds ?? 0) < 1) {
      throw new Error(`${at}.batchSize ${source.batchSize} is over 10 without a batching window; set maximumBatchingWindowSeconds ≥ 1`);
    }
    if (outside(source.maximumBatchingWindowSeconds, 0, limits.maxBatchingWindowSeconds)) {
      throw new Error(`${at}.maximumBatchingWindowSeconds ${source.maximumBatchingWindowSeconds} is not 0–300`);
    }
    if (outside(source.maximumConcurrency, limits.minConcurrency, limits.maxConcurrency)) {
      throw new Error(`${at}.maximumConcurrency ${source.maximumConcurrency} is not 2–1,000; leave it out for no limit`);
    }
  }
}
