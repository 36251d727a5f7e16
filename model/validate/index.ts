import type { ParsedConfig } from '../parsed-config';
import type { ConfigProblem } from '../problems';
import { buildConfigIndex, type ConfigIndexOptions } from './config-index';
import type { ConfigRule } from './rule';
import { CONFIG_RULES } from './rules';

/** Runs every rule over one index of the parsed config and returns all their problems. */
export function validateConfig(
  parsed: ParsedConfig,
  rules: readonly ConfigRule[] = CONFIG_RULES,
  options: ConfigIndexOptions = {},
): ConfigProblem[] {
  const index = buildConfigIndex(parsed, options);
  return rules.flatMap((rule) => rule.check(index));
}

export { CONFIG_RULES } from './rules';
export type { ConfigRule } from './rule';
