import { assignShards } from '../pipeline/shards';

/*
 * The wall time of .github/workflows/plan.yml for a pull request that changes every stack, projected
 * from per-stack times measured on this machine: the job that decides the stacks (synth), then the
 * slowest shard (its synth, its inits one at a time, its plans `workersPerShard` at a time), then the
 * merge. Runner start-up, checkout and `npm ci` are left out: they are the same for every shard count.
 */

export interface StackCost {
  readonly name: string;
  readonly resources: number;
  readonly initSeconds: number;
  /** plan + show -json of the stack. */
  readonly planSeconds: number;
}

export interface WorkflowCosts {
  /** The deciding job: synthesize head (and the base, for --changed-since). */
  readonly decideSeconds: number;
  /** Each shard synthesizes head again before planning. */
  readonly synthSeconds: number;
  readonly mergeSeconds: number;
  /** Concurrent plans within one shard job (npm run plan's parallelism on the runner). */
  readonly workersPerShard: number;
}

export interface ShardedProjection {
  readonly shards: number;
  readonly slowestShardSeconds: number;
  readonly wallSeconds: number;
}

export function projectShardedWorkflow(stacks: readonly StackCost[], shards: number, costs: WorkflowCosts): ShardedProjection {
  const byName = new Map(stacks.map((stack) => [stack.name, stack]));
  const shardSeconds = assignShards(stacks, shards).map((names) => {
    const members = names.map((name) => byName.get(name)!);
    const inits = members.reduce((total, stack) => total + stack.initSeconds, 0);
    return (
      costs.synthSeconds +
      inits +
      makespan(
        members.map((stack) => stack.planSeconds),
        costs.workersPerShard,
      )
    );
  });
  const slowestShardSeconds = Math.max(...shardSeconds);
  return { shards, slowestShardSeconds, wallSeconds: costs.decideSeconds + slowestShardSeconds + costs.mergeSeconds };
}

/** Jobs run longest first, each on the worker free first: when the last one ends. */
export function makespan(durations: readonly number[], workers: number): number {
  const free = Array.from({ length: Math.max(1, workers) }, () => 0);
  for (const duration of [...durations].sort((a, b) => b - a)) {
    const next = free.indexOf(Math.min(...free));
    free[next] += duration;
  }
  return Math.max(...free);
}
