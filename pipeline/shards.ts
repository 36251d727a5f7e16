/*
 * `npm run plan -- --shard <i>/<n>`: a deterministic, balanced slice of the stacks to plan, so that
 * n GitHub Actions jobs can plan one pull request together and every stack is planned exactly once.
 */

export interface Shard {
  /** 1-based, as GitHub's matrix and people count. */
  readonly index: number;
  readonly count: number;
}

export interface StackSize {
  readonly name: string;
  /** Managed resources in the stack's cdk.tf.json. */
  readonly resources: number;
}

/**
 * A stack's Terraform cost in resources: a fixed part (process start-up, provider schema, graph
 * building: about 4 s, what ~600 resources add) plus one per resource. Measured in
 * docs/benchmark.md: a 30-resource stack plans in ~4.3 s, a 155-resource one in ~5.1 s.
 */
export const FIXED_COST_IN_RESOURCES = 600;

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** Parses `2/4`; the message says what a valid value looks like. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new ShardError(`--shard ${text}: expected <index>/<count> such as 2/4`);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || index < 1 || index > count)
    throw new ShardError(`--shard ${text}: the index must be between 1 and the count (1/${Math.max(count, 1)} … ${count}/${count})`);
  return { index, count };
}

/**
 * Splits stacks into `count` shards of near-equal cost: heaviest first, each to the lightest shard
 * so far (ties: by name, then the lowest shard). The same stacks always give the same shards.
 */
export function assignShards(stacks: readonly StackSize[], count: number): string[][] {
  if (!Number.isInteger(count) || count < 1) throw new ShardError(`shard count must be a whole number ≥ 1, got ${count}`);
  const shards = Array.from({ length: count }, () => ({ cost: 0, stacks: [] as string[] }));
  const heaviestFirst = [...stacks].sort((a, b) => b.resources - a.resources || a.name.localeCompare(b.name));
  for (const stack of heaviestFirst) {
    const lightest = shards.reduce((best, shard) => (shard.cost < best.cost ? shard : best), shards[0]);
    lightest.cost += FIXED_COST_IN_RESOURCES + stack.resources;
    lightest.stacks.push(stack.name);
  }
  return shards.map((shard) => shard.stacks.sort());
}

/** The stacks of one shard, in name order. */
export function stacksOfShard(stacks: readonly StackSize[], shard: Shard): string[] {
  return assignShards(stacks, shard.count)[shard.index - 1];
}

/**
 * How many shards a pull request needs: one job while the stacks fit in one job's budget, more as
 * they grow, never more than `max` (the workflow's matrix limit) or than there are stacks.
 */
export function shardCount(
  stacks: readonly StackSize[],
  options: { readonly stacksPerShard?: number; readonly max?: number } = {},
): number {
  const perShard = options.stacksPerShard ?? 8;
  const max = options.max ?? 16;
  return Math.max(1, Math.min(max, stacks.length, Math.ceil(stacks.length / perShard)));
}

/** Managed resources in a cdk.tf.json. */
export function resourceCount(stackJson: { readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>> }): number {
  return Object.values(stackJson.resource ?? {}).reduce((total, byName) => total + Object.keys(byName).length, 0);
}
