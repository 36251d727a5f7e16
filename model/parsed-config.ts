import type { EnvironmentConfig, OrgConfig } from './schema';
import type { SourceFile } from './yaml-source';

/** Files that passed the schema. Semantic checks run over whatever parsed, so all problems surface at once. */
export interface ParsedConfig {
  readonly org?: ParsedOrg;
  readonly environments: readonly ParsedEnvironment[];
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
