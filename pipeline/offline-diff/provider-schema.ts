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

/** Reads under way in this process, by cache file: stacks diffed in parallel share the first. */
const reading = new Map<string, Promise<string>>();

/**
 * The schemas of the providers an initialized stack uses, read once and kept in `cacheFile`
 * (the provider versions are pinned, so one read serves every stack of a run).
 */
export async function readProviderSchemas(stackDir: string, env: Record<string, string>, cacheFile: string): Promise<ProviderSchemas> {
  if (fs.existsSync(cacheFile)) return parseProviderSchemas(JSON.parse(fs.readFileSync(cacheFile, 'utf8')));
  const key = path.resolve(cacheFile);
  if (!reading.has(key)) {
    const read = terraform(['providers', 'schema', '-json'], stackDir, env).then((run) => {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.writeFileSync(cacheFile, run.stdout);
      return run.stdout;
    });
    reading.set(key, read);
    read.then(
      () => reading.delete(key),
      () => reading.delete(key),
    );
  }
  return parseProviderSchemas(JSON.parse(await reading.get(key)!));
}
