import { makespan, projectShardedWorkflow } from '../../bench/projection';

const stack = (name: string, planSeconds: number) => ({ name, resources: 100, initSeconds: 0.5, planSeconds });

describe('sharded workflow projection', () => {
  it('schedules plans longest first on the free worker', () => {
    expect(makespan([4, 3, 3, 2], 2)).toBe(6);
    expect(makespan([5], 4)).toBe(5);
    expect(makespan([], 2)).toBe(0);
  });

  it('adds the deciding job and the merge to the slowest shard', () => {
    const stacks = [stack('a', 6), stack('b', 6), stack('c', 6), stack('d', 6)];
    const costs = { decideSeconds: 10, synthSeconds: 3, mergeSeconds: 2, workersPerShard: 2 };
    expect(projectShardedWorkflow(stacks, 1, costs)).toEqual({ shards: 1, slowestShardSeconds: 3 + 2 + 12, wallSeconds: 10 + 17 + 2 });
    expect(projectShardedWorkflow(stacks, 2, costs).slowestShardSeconds).toBe(3 + 1 + 6);
  });
});
