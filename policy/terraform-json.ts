import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StackDocument, TerraformResource } from './types';
import { isObject } from './values';

/*
 * Normalizes the two kinds of Terraform JSON the pack reads into StackDocuments:
 * - a stack's cdk.tf.json (Terraform JSON syntax): `resource.<type>.<name>` and `data.<type>.<name>`,
 *   references as `${aws_vpc.x.id}`;
 * - a plan's `terraform show -json`: values from `planned_values` (root and child modules), references
 *   and data sources from `configuration`. Plans do not record lifecycle meta-arguments; a cdk.tf.json
 *   beside the plan supplies them when present.
 */

type Json = Record<string, unknown>;
type Lifecycle = NonNullable<TerraformResource['lifecycle']>;

const META_ARGUMENTS = new Set(['//', 'count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

/** A Terraform address inside an expression: `aws_vpc.main`, `data.aws_iam_policy_document.x` (types contain `_`). */
const REFERENCE = /(?<![\w.$-])((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*)/g;

export function isPlanJson(json: Json): boolean {
  return typeof json.format_version === 'string' && ('planned_values' in json || 'resource_changes' in json);
}

export function isCdktfJson(json: Json): boolean {
  return !('format_version' in json) && ('resource' in json || 'terraform' in json || '//' in json);
}

/** Stack name a cdk.tf.json records in its metadata, if any. */
export function stackNameOf(json: Json): string | undefined {
  const metadata = (json['//'] as Json | undefined)?.metadata;
  return isObject(metadata) && typeof metadata.stackName === 'string' ? metadata.stackName : undefined;
}

export function documentFromCdktfJson(json: Json, stack: string, file?: string): StackDocument {
  return { stack, source: 'cdktf', file, resources: cdktfBlocks(json.resource, 'managed'), dataSources: cdktfBlocks(json.data, 'data') };
}

/** The `resource` or `data` blocks of a cdk.tf.json; data sources are addressed `data.<type>.<name>`. */
function cdktfBlocks(section: unknown, mode: 'managed' | 'data'): TerraformResource[] {
  const resources: TerraformResource[] = [];
  for (const byType of listOf(section)) {
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName)) {
        if (!isObject(body)) continue;
        const values = Object.fromEntries(Object.entries(body).filter(([key]) => !META_ARGUMENTS.has(key)));
        const references = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, referencesIn(value)]));
        const lifecycle = isObject(body.lifecycle) ? body.lifecycle : {};
        const metadata = (body['//'] as Json | undefined)?.metadata;
        const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
        resources.push({
          address,
          configAddress: address,
          type,
          name,
          values,
          references,
          lifecycle: { preventDestroy: lifecycle.prevent_destroy === true || lifecycle.prevent_destroy === 'true' },
          constructPath: isObject(metadata) && typeof metadata.path === 'string' ? metadata.path : undefined,
          ...(mode === 'data' ? { mode } : {}),
        });
      }
    }
  }
  return resources;
}

export interface PlanReadOptions {
  readonly file?: string;
  /** Lifecycle by config address, e.g. from the cdk.tf.json the plan was made from. */
  readonly lifecycle?: ReadonlyMap<string, Lifecycle>;
}

export function documentFromPlanJson(plan: Json, stack: string, options: PlanReadOptions = {}): StackDocument {
  const configuration = isObject(plan.configuration) ? plan.configuration : {};
  const referencesByAddress = new Map<string, Record<string, string[]>>();
  collectConfiguredReferences(configuration.root_module, '', referencesByAddress);
  const resources: TerraformResource[] = [];
  const plannedRoot = isObject(plan.planned_values) ? plan.planned_values.root_module : undefined;
  for (const planned of plannedResources(plannedRoot)) {
    if (planned.mode !== 'managed' || typeof planned.address !== 'string' || typeof planned.type !== 'string') continue;
    const configAddress = withoutInstanceKeys(planned.address);
    resources.push({
      address: planned.address,
      configAddress,
      type: planned.type,
      name: typeof planned.name === 'string' ? planned.name : planned.address,
      values: isObject(planned.values) ? planned.values : {},
      references: referencesByAddress.get(configAddress) ?? {},
      lifecycle: options.lifecycle?.get(configAddress),
    });
  }
  const dataSources: TerraformResource[] = [];
  collectConfiguredDataSources(configuration.root_module, '', dataSources);
  return { stack, source: 'plan', file: options.file, resources, dataSources };
}

/** Every data block of `configuration` (planned_values lists only the reads deferred to apply). */
function collectConfiguredDataSources(module: unknown, prefix: string, into: TerraformResource[]): void {
  if (!isObject(module)) return;
  for (const block of Array.isArray(module.resources) ? module.resources.filter(isObject) : []) {
    if (block.mode !== 'data' || typeof block.address !== 'string' || typeof block.type !== 'string') continue;
    const address = prefix + block.address;
    into.push({
      address,
      configAddress: address,
      type: block.type,
      name: typeof block.name === 'string' ? block.name : block.address,
      values: {},
      references: {},
      mode: 'data',
    });
  }
  for (const [name, call] of Object.entries(isObject(module.module_calls) ? module.module_calls : {})) {
    if (isObject(call)) collectConfiguredDataSources(call.module, `${prefix}module.${name}.`, into);
  }
}

/**
 * Reads a cdk.tf.json or a plan JSON, detecting which. The stack is named by the cdk.tf.json's
 * metadata, else by the file's folder (cdktf.out/stacks/<stack>/plan.json).
 */
export function readTerraformJsonFile(file: string): StackDocument {
  const json = parseJsonFile(file);
  const folderName = path.basename(path.dirname(path.resolve(file)));
  if (isPlanJson(json)) {
    const sibling = path.join(path.dirname(file), 'cdk.tf.json');
    const siblingJson = fs.existsSync(sibling) ? parseJsonFile(sibling) : undefined;
    const stack = (siblingJson && stackNameOf(siblingJson)) ?? folderName;
    const lifecycle = siblingJson
      ? new Map(documentFromCdktfJson(siblingJson, stack).resources.map((resource) => [resource.configAddress, resource.lifecycle!]))
      : undefined;
    return documentFromPlanJson(json, stack, { file, lifecycle });
  }
  if (isCdktfJson(json)) return documentFromCdktfJson(json, stackNameOf(json) ?? folderName, file);
  throw new Error(
    `${file}: neither a stack's cdk.tf.json nor a plan from \`terraform show -json <planfile>\` (no resource block, no planned_values)`,
  );
}

function parseJsonFile(file: string): Json {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read it as JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new Error(`${file}: expected a JSON object`);
  return json;
}

/** Terraform JSON allows a block to be an object or a list of objects. */
function listOf(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** Resource addresses inside every `${...}` interpolation of a value, deduplicated. */
export function referencesIn(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (item: unknown): void => {
    if (typeof item === 'string')
      for (const expression of interpolations(item)) for (const match of expression.matchAll(REFERENCE)) found.add(match[1]);
    else if (Array.isArray(item)) item.forEach(visit);
    else if (isObject(item)) Object.values(item).forEach(visit);
  };
  visit(value);
  return [...found];
}

function interpolations(text: string): string[] {
  const expressions: string[] = [];
  let start = text.indexOf('${');
  while (start !== -1) {
    let depth = 0;
    let end = start + 2;
    for (; end < text.length; end += 1) {
      if (text[end] === '{') depth += 1;
      else if (text[end] === '}' && depth-- === 0) break;
    }
    expressions.push(text.slice(start + 2, end));
    start = text.indexOf('${', end);
  }
  return expressions;
}

function plannedResources(module: unknown): Json[] {
  if (!isObject(module)) return [];
  const own = Array.isArray(module.resources) ? module.resources.filter(isObject) : [];
  const children = Array.isArray(module.child_modules) ? module.child_modules.flatMap(plannedResources) : [];
  return [...own, ...children];
}

/** Walks `configuration`: references of every argument, as module-qualified config addresses. */
function collectConfiguredReferences(module: unknown, prefix: string, into: Map<string, Record<string, string[]>>): void {
  if (!isObject(module)) return;
  for (const resource of Array.isArray(module.resources) ? module.resources.filter(isObject) : []) {
    if (resource.mode !== 'managed' || typeof resource.address !== 'string') continue;
    const expressions = isObject(resource.expressions) ? resource.expressions : {};
    const references = Object.fromEntries(
      Object.entries(expressions).map(([argument, expression]) => [
        argument,
        [...new Set(referenceStrings(expression).flatMap((reference) => [...reference.matchAll(REFERENCE)].map((m) => prefix + m[1])))],
      ]),
    );
    into.set(prefix + resource.address, references);
  }
  for (const [name, call] of Object.entries(isObject(module.module_calls) ? module.module_calls : {})) {
    if (isObject(call)) collectConfiguredReferences(call.module, `${prefix}module.${name}.`, into);
  }
}

/** Every entry of every `references` list inside an expression (nested blocks hold expressions too). */
function referenceStrings(expression: unknown): string[] {
  if (Array.isArray(expression)) return expression.flatMap(referenceStrings);
  if (!isObject(expression)) return [];
  return Object.entries(expression).flatMap(([key, value]) =>
    key === 'references' && Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : referenceStrings(value),
  );
}

function withoutInstanceKeys(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}
