import { filterPolicySize } from '../../../model/workloads/messaging/filter-policy';
import { requiredVisibilityTimeout } from '../../../model/validate/rules/messaging-helpers';

describe('sns filter policy size', () => {
  it('multiplies the values of each key', () => {
    expect(filterPolicySize({ type: ['OrderPlaced', 'OrderPaid'], region: ['eu', 'us', 'ap'] })).toEqual({ keys: 2, combinations: 6 });
  });

  it('counts nested body keys by their path', () => {
    expect(filterPolicySize({ order: { total: [{ numeric: ['>', 100] }], currency: ['EUR', 'USD'] } })).toEqual({
      keys: 2,
      combinations: 2,
    });
  });

  it('adds the branches of $or', () => {
    expect(filterPolicySize({ type: ['a'], $or: [{ size: ['s', 'm'] }, { colour: ['red', 'blue', 'green'] }] })).toEqual({
      keys: 3,
      combinations: 5,
    });
  });
});

describe('visibility timeout a consumer needs', () => {
  it('is 6 × the timeout of a Lambda consumer', () => {
    expect(requiredVisibilityTimeout({ kind: 'lambda', name: 'function settle', timeoutSeconds: 30, batchingWindowSeconds: 0 })).toBe(180);
  });

  it('adds the batching window of a Lambda consumer', () => {
    expect(requiredVisibilityTimeout({ kind: 'lambda', name: 'function settle', timeoutSeconds: 30, batchingWindowSeconds: 20 })).toBe(200);
  });

  it('is the processing time of any other consumer', () => {
    expect(requiredVisibilityTimeout({ kind: 'processing', name: 'ECS service worker', processingSeconds: 45 })).toBe(45);
  });
});
