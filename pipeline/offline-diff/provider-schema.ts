import * as fs from 'node:fs';
import * as path from 'node:path';
import { terraform } from '../terraform';

/*
 * The parts of `terraform providers schema -json` a state built from a plan needs: each resource
 * type's schema version and the cty type of every attribute, so placeholders have the right shape.
 */

/** A cty type as Terraform writes it: "string", ["list","string"], ["object",{...}], … */
export type CtyType = string | readonly [string, unknown];

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, { readonly type?: CtyType; readonly nested_type?: unknown }>>;
  readonly block_types?: Readonly<Record<string, { readonly nesting_mode: string; readonly block: SchemaBlock }>>;
}

export interface ResourceSchema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ProviderSchemas {
  /** Resource type → schema, for every provider the stack uses. */
  readonly resources: ReadonlyMap<string, ResourceSchema>;
}

interface SchemaJson {
  readonly provider_schemas?: Record<string, { readonly resource_schemas?: Record<string, ResourceSchema> }>;
}

export function parseProviderSchemas(json: SchemaJson): ProviderSchemas {
  const resources = new Map<string, ResourceSchema>();
  for (const provider of Object.values(json.provider_schemas ?? {}))
    for (const [type, schema] of Object.entries(provider.resource_schemas ?? {})) resources.set(type, schema);
  return { resources };
}

/**
 * The schemas of the providers an initialized stack uses, read once and kept in `cacheFile`
 * (the provider versions are pinned, so one read serves every stack of a run).
 */
export async function readProviderSchemas(stackDir: string, env: Record<string, string>, cacheFile: string): Promise<ProviderSchemas> {
  if (fs.existsSync(cacheFile)) return parseProviderSchemas(JSON.parse(fs.readFileSync(cacheFile, 'utf8')));
  const run = await terraform(['providers', 'schema', '-json'], stackDir, env);
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, run.stdout);
  return parseProviderSchemas(JSON.parse(run.stdout));
}
