import type { ConfigProblem } from '../problems';
import type { ConfigIndex } from './config-index';

/** One semantic check of the config, named like `accounts/unique-email`; one rule, one name, one test. */
export interface ConfigRule {
  /** `<domain>/<what must hold>`, e.g. `addresses/vpc-blocks-disjoint`. */
  readonly id: string;
  /** What must hold, as a sentence. */
  readonly description: string;
  check(index: ConfigIndex): ConfigProblem[];
}
