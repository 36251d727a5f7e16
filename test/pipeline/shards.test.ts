import { assignShards, FIXED_COST_IN_RESOURCES, parseShard, resourceCount, shardCount, stacksOfShard } from '../../pipeline/shards';

const stacks = [
  { name: 'org', resources: 30 },
  { name: 'log-archive', resources: 9 },
  { name: 'dev-network-hub', resources: 155 },
  { name: 'prod-network-hub', resources: 222 },
  { name: 'dev-spoke-a', resources: 123 },
  { name: 'dev-spoke-b', resources: 93 },
  { name: 'prod-spoke-a', resources: 137 },
];

const cost = (names: readonly string[]) =>
  names.reduce((total, name) => total + FIXED_COST_IN_RESOURCES + stacks.find((stack) => stack.name === name)!.resources, 0);

describe('plan shards', () => {
  describe('parseShard', () => {
    it('reads <index>/<count>, counting from 1', () => {
      expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    });

    it.each(['0/4', '5/4', '1/0', 'two/4', '1-4'])('rejects %s with a message that shows the format', (text) => {
      expect(() => parseShard(text)).toThrow(
        /^--shard .*: (expected <index>\/<count> such as 2\/4|the index must be between 1 and the count)/,
      );
    });
  });

  describe('assignShards', () => {
    it('plans every stack exactly once across the shards', () => {
      const shards = assignShards(stacks, 3);
      expect(shards.flat().sort()).toEqual(stacks.map((stack) => stack.name).sort());
    });

    it('balances the shards by cost: no shard exceeds the lightest by more than its heaviest stack', () => {
      const costs = assignShards(stacks, 3).map(cost);
      expect(Math.max(...costs) - Math.min(...costs)).toBeLessThanOrEqual(FIXED_COST_IN_RESOURCES + 222);
    });

    it('gives the same shards whatever the order of the input', () => {
      expect(assignShards([...stacks].reverse(), 3)).toEqual(assignShards(stacks, 3));
    });

    it('leaves shards empty when there are more shards than stacks, and puts everything in one shard of one', () => {
      expect(assignShards(stacks.slice(0, 2), 3)).toEqual([['org'], ['log-archive'], []]);
      expect(assignShards(stacks, 1)).toEqual([stacks.map((stack) => stack.name).sort()]);
    });

    it('returns the slice of one shard with stacksOfShard', () => {
      expect(stacksOfShard(stacks, { index: 2, count: 3 })).toEqual(assignShards(stacks, 3)[1]);
    });
  });

  describe('shardCount', () => {
    it('uses one job for a small pull request and more as the stacks grow, up to the maximum', () => {
      expect(shardCount(stacks.slice(0, 3))).toBe(1);
      expect(shardCount(Array.from({ length: 20 }, (_, index) => ({ name: `s${index}`, resources: 1 })))).toBe(3);
      expect(
        shardCount(
          Array.from({ length: 400 }, (_, index) => ({ name: `s${index}`, resources: 1 })),
          { max: 16 },
        ),
      ).toBe(16);
      expect(shardCount([])).toBe(1);
    });
  });

  it('counts the managed resources of a cdk.tf.json', () => {
    expect(resourceCount({ resource: { aws_vpc: { a: {}, b: {} }, aws_subnet: { c: {} } } })).toBe(3);
    expect(resourceCount({})).toBe(0);
  });
});
