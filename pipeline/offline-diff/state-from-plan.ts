import { randomUUID } from 'node:crypto';
import { isObject } from '../plan-json';
import { placeholderFor, placeholderString } from './placeholders';
import type { ProviderSchemas, SchemaBlock } from './provider-schema';

/*
 * A Terraform state (format 4) as if the base branch's offline plan had been applied: every managed
 * resource with its planned values, and a placeholder for each value known only after apply. An
 * unknown attribute whose configuration is a plain reference to another resource's attribute
 * (`vpc_id = aws_vpc.main.id`) takes that attribute's value or placeholder, so planning the same
 * configuration again against this state changes nothing.
 */

interface PlannedResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name: string;
  readonly schema_version?: number;
  readonly values?: Record<string, unknown>;
  /** Mirrors `values`, true where a value is sensitive (by the schema or through configuration). */
  readonly sensitive_values?: unknown;
}

interface PlannedModule {
  readonly resources?: readonly PlannedResource[];
  readonly child_modules?: readonly PlannedModule[];
}

interface ConfiguredResource {
  readonly address: string;
  readonly provider_config_key?: string;
  readonly expressions?: Record<string, unknown>;
}

/** The parts of `terraform show -json <plan>` read here. */
export interface BasePlanJson {
  readonly terraform_version?: string;
  readonly planned_values?: {
    readonly root_module?: PlannedModule;
    readonly outputs?: Record<string, { readonly value?: unknown; readonly sensitive?: boolean }>;
  };
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly mode?: string;
    readonly change: { readonly after_unknown?: unknown };
  }[];
  readonly configuration?: {
    readonly provider_config?: Record<string, { readonly full_name?: string; readonly alias?: string }>;
    readonly root_module?: {
      readonly resources?: readonly ConfiguredResource[];
      readonly outputs?: Record<string, { readonly expression?: { readonly references?: readonly string[] } }>;
    };
  };
}

export interface StateFromPlanOptions {
  readonly schemas: ProviderSchemas;
  /** @default a random lineage */
  readonly lineage?: string;
}

export function stateFromPlan(plan: BasePlanJson, options: StateFromPlanOptions): object {
  const planned = allResources(plan.planned_values?.root_module).filter((resource) => resource.mode === 'managed');
  const resolver = new PlaceholderResolver(plan, planned, options.schemas);
  const byConfig = new Map<string, { resource: PlannedResource; instances: object[] }>();
  for (const resource of planned) {
    const configAddress = withoutIndex(resource.address);
    const entry = byConfig.get(configAddress) ?? { resource, instances: [] };
    entry.instances.push({
      ...(resource.index !== undefined ? { index_key: resource.index } : {}),
      schema_version: resource.schema_version ?? options.schemas.resources.get(resource.type)?.version ?? 0,
      attributes: resolver.attributes(resource.address),
      sensitive_attributes: sensitivePaths(resource.sensitive_values),
      dependencies: [],
    });
    byConfig.set(configAddress, entry);
  }
  return {
    version: 4,
    terraform_version: plan.terraform_version ?? '1.11.4',
    serial: 1,
    lineage: options.lineage ?? randomUUID(),
    outputs: resolver.outputs(),
    resources: [...byConfig.values()].map(({ resource, instances }) => ({
      mode: 'managed',
      type: resource.type,
      name: resource.name,
      provider: resolver.providerOf(withoutIndex(resource.address), resource.provider_name),
      instances,
    })),
    check_results: null,
  };
}

class PlaceholderResolver {
  private readonly resources: Map<string, PlannedResource>;
  private readonly unknowns: Map<string, unknown>;
  private readonly configured: Map<string, ConfiguredResource>;
  private readonly done = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly plan: BasePlanJson,
    planned: readonly PlannedResource[],
    private readonly schemas: ProviderSchemas,
  ) {
    this.resources = new Map(planned.map((resource) => [resource.address, resource]));
    this.unknowns = new Map((plan.resource_changes ?? []).map((change) => [change.address, change.change.after_unknown]));
    this.configured = new Map((plan.configuration?.root_module?.resources ?? []).map((resource) => [resource.address, resource]));
  }

  /** Planned values with every unknown filled: by reference where the configuration is one, else a placeholder. */
  attributes(address: string): Record<string, unknown> {
    const cached = this.done.get(address);
    if (cached) return cached;
    const resource = this.resources.get(address);
    if (!resource) return {};
    const block = this.schemas.resources.get(resource.type)?.block ?? {};
    const unknown = this.unknowns.get(address);
    const values: Record<string, unknown> = { ...(resource.values ?? {}) };
    if (isObject(unknown))
      for (const [key, mask] of Object.entries(unknown)) {
        if (mask === true)
          values[key] =
            this.referencedScalar(address, key, attributeType(block, key)) ??
            placeholderFor(attributeType(block, key), address, key, values);
        else values[key] = fillNested(values[key], mask, schemaOf(block, key), address, key);
      }
    this.done.set(address, values);
    return values;
  }

  outputs(): Record<string, { value: unknown; type: unknown; sensitive?: true }> {
    const outputs = this.plan.planned_values?.outputs ?? {};
    const configured = this.plan.configuration?.root_module?.outputs ?? {};
    return Object.fromEntries(
      Object.entries(outputs).map(([name, output]) => {
        const value =
          'value' in output
            ? output.value
            : (this.resolveReferences(configured[name]?.expression?.references) ?? placeholderString('output', name));
        return [name, { value, type: ctyTypeOf(value), ...(output.sensitive ? { sensitive: true as const } : {}) }];
      }),
    );
  }

  providerOf(configAddress: string, providerName: string): string {
    const key = this.configured.get(configAddress)?.provider_config_key;
    const alias = key && key.includes('.') ? key.slice(key.indexOf('.') + 1) : undefined;
    return `provider["${providerName}"]${alias ? `.${alias}` : ''}`;
  }

  /** A referenced value only where it fits the attribute: a list of ids is not an id. */
  private referencedScalar(address: string, attribute: string, type: unknown): unknown {
    const value = this.referenced(address, attribute);
    const fits =
      (type === 'string' && typeof value === 'string') ||
      (type === 'number' && typeof value === 'number') ||
      (type === 'bool' && typeof value === 'boolean');
    return fits ? value : undefined;
  }

  private referenced(address: string, attribute: string): unknown {
    const expression = this.configured.get(withoutIndex(address))?.expressions?.[attribute];
    const references = isObject(expression) && Array.isArray(expression.references) ? (expression.references as string[]) : undefined;
    return this.resolveReferences(references);
  }

  /** The value of a plain reference `type.name.attribute` (Terraform lists it with `type.name`). */
  private resolveReferences(references: readonly string[] | undefined): unknown {
    if (!references || references.length === 0 || references.length > 2) return undefined;
    const match = /^([a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(references[0]);
    if (!match || (references.length === 2 && references[1] !== match[1])) return undefined;
    const [, target, attribute] = match;
    if (!this.resources.has(target)) return undefined;
    return this.attributes(target)[attribute];
  }
}

/** Where a nested value's shape comes from: a nested block, or a cty type. */
type Shape = { readonly block: SchemaBlock } | { readonly type: unknown } | undefined;

function schemaOf(block: SchemaBlock, key: string): Shape {
  const nested = block.block_types?.[key];
  if (nested) return { block: nested.block };
  const attribute = block.attributes?.[key];
  return attribute?.type !== undefined ? { type: attribute.type } : undefined;
}

function itemShape(shape: Shape, index: number): Shape {
  if (!shape || 'block' in shape) return shape;
  if (Array.isArray(shape.type)) {
    const [kind, inner] = shape.type as [string, unknown];
    if (kind === 'tuple' && Array.isArray(inner)) return { type: inner[index] };
    return { type: inner };
  }
  return undefined;
}

function fieldShape(shape: Shape, key: string): Shape {
  if (!shape) return undefined;
  if ('block' in shape) return schemaOf(shape.block, key);
  if (Array.isArray(shape.type)) {
    const [kind, inner] = shape.type as [string, unknown];
    if (kind === 'object' && isObject(inner)) return { type: inner[key] };
    if (kind === 'map') return { type: inner };
  }
  return undefined;
}

function fillNested(value: unknown, mask: unknown, shape: Shape, address: string, path: string): unknown {
  if (mask === true) {
    if (value !== undefined && value !== null) return value;
    return shape && 'type' in shape ? placeholderFor(shape.type, address, path) : shape ? null : placeholderString(address, path);
  }
  if (Array.isArray(mask) && Array.isArray(value))
    return value.map((item, index) => fillNested(item, mask[index], itemShape(shape, index), address, `${path}[${index}]`));
  if (isObject(mask) && isObject(value)) {
    const filled: Record<string, unknown> = { ...value };
    for (const [key, child] of Object.entries(mask))
      if (child !== false) filled[key] = fillNested(value[key], child, fieldShape(shape, key), address, `${path}.${key}`);
    return filled;
  }
  return value;
}

function attributeType(block: SchemaBlock, key: string): unknown {
  const attribute = block.attributes?.[key];
  if (attribute) return attribute.type ?? ['list', 'string'];
  const nested = block.block_types?.[key];
  if (nested) return nested.nesting_mode === 'single' || nested.nesting_mode === 'group' ? 'null' : ['list', 'string'];
  return 'string';
}

/** The cty type of a JSON value, as state outputs record it. */
export function ctyTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(ctyTypeOf)];
  if (isObject(value)) return ['object', Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ctyTypeOf(item)]))];
  return 'string';
}

function allResources(module: PlannedModule | undefined): PlannedResource[] {
  if (!module) return [];
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(allResources)];
}

function withoutIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

type PathStep = { type: 'get_attr'; value: string } | { type: 'index'; value: { value: number | string; type: 'number' | 'string' } };

/**
 * The state's `sensitive_attributes`: one path per sensitive value of the plan's `sensitive_values`.
 * Without them, Terraform plans an update of every resource with a sensitive attribute (an API
 * key's value) only to mark it sensitive, a change the pull request did not make.
 */
export function sensitivePaths(mask: unknown, prefix: PathStep[] = []): PathStep[][] {
  if (mask === true) return prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(mask))
    return mask.flatMap((item, index) => sensitivePaths(item, [...prefix, { type: 'index', value: { value: index, type: 'number' } }]));
  // Keys are taken as attributes: a sensitive value inside a map would need an index step instead.
  if (isObject(mask))
    return Object.entries(mask).flatMap(([key, item]) => sensitivePaths(item, [...prefix, { type: 'get_attr', value: key }]));
  return [];
}
