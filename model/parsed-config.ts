import type { EnvironmentConfig, OrgConfig } from './schema';
import type { ParsedWorkloads } from './workloads/types';
import type { SourceFile } from './yaml-source';

/**
 * What passed the schema, so semantic checks run over whatever parsed and all problems surface at
 * once. A file that failed the schema is here repaired (unknown keys stripped, broken entries
 * dropped) and its dropped parts are listed in `unparsed`, so that checks never report a reference
 * to something that exists but did not parse.
 */
export interface ParsedConfig {
  readonly org?: ParsedOrg;
  readonly environments: readonly ParsedEnvironment[];
  /** Workloads files (`<env>/<account>.yaml`) that passed the schema. */
  readonly workloads?: readonly ParsedWorkloads[];
  /** Parts of the config that are missing from `org` and `environments` because they failed to parse. */
  readonly unparsed?: readonly UnparsedPart[];
}

export interface ParsedOrg {
  readonly source: SourceFile;
  readonly config: OrgConfig;
}

export interface ParsedEnvironment {
  readonly name: string;
  readonly source: SourceFile;
  readonly config: EnvironmentConfig;
}

/** A part of a file left out of the parsed config: a named entry (path ends in its name), or the whole file (empty path). */
export interface UnparsedPart {
  readonly kind: 'org' | 'environment' | 'workloads';
  /** The environment's name, for an environment or workloads file. */
  readonly environment?: string;
  /** The account's name, for a workloads file. */
  readonly account?: string;
  readonly path: readonly (string | number)[];
}
