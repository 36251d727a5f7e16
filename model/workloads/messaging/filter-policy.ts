/*
 * SNS subscription filter policy limits (https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html):
 * at most 5 attribute keys and 150 value combinations, counted as SNS counts them.
 */

export const MAX_FILTER_KEYS = 5;
export const MAX_FILTER_COMBINATIONS = 150;

export interface FilterPolicySize {
  /** Distinct attribute (or body property) keys the policy matches on. */
  readonly keys: number;
  /** Value combinations SNS counts: the product of each key's values, `$or` branches added. */
  readonly combinations: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function filterPolicySize(policy: Readonly<Record<string, unknown>>): FilterPolicySize {
  const keys = new Set<string>();
  const combinations = combinationsOf(policy as { [key: string]: Json }, '', keys);
  return { keys: keys.size, combinations };
}

function combinationsOf(node: { [key: string]: Json }, prefix: string, keys: Set<string>): number {
  let product = 1;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$or' && Array.isArray(value)) {
      product *= value.reduce<number>((sum, branch) => sum + (isObject(branch) ? combinationsOf(branch, prefix, keys) : 1), 0);
    } else if (isObject(value)) {
      product *= combinationsOf(value, `${prefix}${key}.`, keys);
    } else {
      keys.add(`${prefix}${key}`);
      product *= Array.isArray(value) ? Math.max(value.length, 1) : 1;
    }
  }
  return product;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a filter policy's size, or undefined when it is within SNS's limits. */
export function filterPolicyProblem(policy: Readonly<Record<string, unknown>>): string | undefined {
  const size = filterPolicySize(policy);
  if (size.keys > MAX_FILTER_KEYS) return `matches on ${size.keys} keys; SNS allows at most ${MAX_FILTER_KEYS}`;
  if (size.combinations > MAX_FILTER_COMBINATIONS) {
    return `has ${size.combinations} value combinations; SNS allows at most ${MAX_FILTER_COMBINATIONS}`;
  }
  return undefined;
}
