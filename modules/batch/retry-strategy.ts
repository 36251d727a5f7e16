/*
 * Retry strategies of Batch job definitions. Batch retries a failed attempt when no
 * `evaluateOnExit` entry matches, so every strategy must end in a catch-all EXIT; otherwise
 * application errors are retried as often as Spot reclaims.
 */

export interface EvaluateOnExit {
  readonly action: 'RETRY' | 'EXIT';
  /** Glob on the job's status reason, e.g. `Host EC2*` for a reclaimed Spot instance. */
  readonly onStatusReason?: string;
  /** Glob on the container's reason. */
  readonly onReason?: string;
  /** Glob on the container's exit code, e.g. `137`. */
  readonly onExitCode?: string;
}

export interface BatchRetryStrategy {
  /** Attempts in total (1–10). */
  readonly attempts: number;
  /** Evaluated in order (at most 5); the last one must be a catch-all EXIT. */
  readonly evaluateOnExit: readonly EvaluateOnExit[];
}

/** The catch-all that ends every strategy. */
export const EXIT_ON_ANYTHING_ELSE: EvaluateOnExit = { action: 'EXIT', onReason: '*' };

/** Two attempts: retry when the Spot instance was reclaimed (`Host EC2*`), exit on anything else. */
export const SPOT_RECLAIM_RETRY: BatchRetryStrategy = {
  attempts: 2,
  evaluateOnExit: [{ action: 'RETRY', onStatusReason: 'Host EC2*' }, EXIT_ON_ANYTHING_ELSE],
};

export const MAX_ATTEMPTS = 10;
export const MAX_EVALUATE_ON_EXIT = 5;

/** True for an EXIT whose condition matches every attempt (`*` on any one field, no other field set). */
export function isCatchAllExit(entry: EvaluateOnExit): boolean {
  const conditions = [entry.onStatusReason, entry.onReason, entry.onExitCode].filter((value) => value !== undefined);
  return entry.action === 'EXIT' && conditions.length === 1 && conditions[0] === '*';
}

export function checkRetryStrategy(where: string, strategy: BatchRetryStrategy): void {
  const { attempts, evaluateOnExit } = strategy;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) {
    throw new Error(`${where}: retryStrategy.attempts is ${attempts}; Batch allows 1 to ${MAX_ATTEMPTS}`);
  }
  if (evaluateOnExit.length > MAX_EVALUATE_ON_EXIT) {
    throw new Error(
      `${where}: retryStrategy.evaluateOnExit has ${evaluateOnExit.length} entries; Batch allows at most ${MAX_EVALUATE_ON_EXIT}`,
    );
  }
  evaluateOnExit.forEach((entry, position) => {
    const conditions = [entry.onStatusReason, entry.onReason, entry.onExitCode].filter((value) => value !== undefined);
    if (conditions.length === 0) {
      throw new Error(`${where}: retryStrategy.evaluateOnExit[${position}] has no condition; give onStatusReason, onReason or onExitCode`);
    }
  });
  const last = evaluateOnExit[evaluateOnExit.length - 1];
  if (!last || !isCatchAllExit(last)) {
    throw new Error(
      `${where}: retryStrategy.evaluateOnExit does not end with a catch-all EXIT, so every other failure is retried; end it with { action: 'EXIT', onReason: '*' }`,
    );
  }
}
