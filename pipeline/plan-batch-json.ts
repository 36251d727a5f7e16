import type { PlanJson } from './plan-json';

/*
 * A batch plan holds several stacks as child modules of one root (plan-batch.ts). The summary, the
 * policy pack and the offline diff read one plan per stack, as `terraform show -json` of that stack
 * alone would write it: these functions write the batch root and split its plan JSON back.
 */

/** Root outputs are named `<stack>__<output>`; stack names are lowercase letters, digits and hyphens. */
const OUTPUT_SEPARATOR = '__';

/** The root output that re-exports output `name` of the stack `stack`. */
export const batchOutputName = (stack: string, name: string) => `${stack}${OUTPUT_SEPARATOR}${name}`;

interface StackOutputs {
  readonly output?: Readonly<Record<string, { readonly sensitive?: boolean }>>;
}

/** The batch root: one module per stack, and each stack output re-exported so the plan shows it. */
export function batchRootJson(stacks: readonly { readonly name: string; readonly source: string; readonly json: StackOutputs }[]): object {
  const module: Record<string, { source: string }> = {};
  const output: Record<string, { value: string; sensitive?: boolean }> = {};
  for (const stack of stacks) {
    module[stack.name] = { source: stack.source };
    for (const [name, definition] of Object.entries(stack.json.output ?? {})) {
      output[batchOutputName(stack.name, name)] = {
        value: `\${module.${stack.name}.${name}}`,
        ...(definition.sensitive ? { sensitive: true } : {}),
      };
    }
  }
  return {
    '//': 'Written by the offline plan pipeline: the stacks of one batch as modules of one root (pipeline/plan-batch.ts).',
    module,
    ...(Object.keys(output).length > 0 ? { output } : {}),
  };
}

const ADDRESS_KEYS = new Set(['address', 'module_address', 'previous_address']);

/**
 * A deep copy with `module.<stack>.` taken off every address and `module.<stack>:` off every provider
 * config key (`module.org:aws.network` → `aws.network`), and `module_address: module.<stack>` dropped.
 */
function withoutModulePrefix<T>(value: T, stack: string): T {
  const prefix = `module.${stack}.`;
  const configKeyPrefix = `module.${stack}:`;
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      if (ADDRESS_KEYS.has(key) && typeof child === 'string') {
        if (child === `module.${stack}`) continue;
        copy[key] = child.startsWith(prefix) ? child.slice(prefix.length) : child;
      } else if (key === 'provider_config_key' && typeof child === 'string') {
        copy[key] = child.startsWith(configKeyPrefix) ? child.slice(configKeyPrefix.length) : child;
      } else copy[key] = strip(child);
    }
    return copy;
  };
  return strip(value) as T;
}

const inStack = (stack: string) => (entry: { readonly address?: string }) =>
  entry.address === `module.${stack}` || (entry.address ?? '').startsWith(`module.${stack}.`);

type Json = Record<string, unknown>;

/** The module of `stack` in a `planned_values`/`prior_state` tree, as the root module of its own plan. */
function moduleAsRoot(values: Json | undefined, stack: string, outputs: Json | undefined): Json | undefined {
  if (!values) return undefined;
  const root = values.root_module as { child_modules?: Json[] } | undefined;
  const { address: _moduleAddress, ...child } = (root?.child_modules ?? []).find((module) => module.address === `module.${stack}`) ?? {};
  return { ...(outputs ? { outputs } : {}), root_module: { resources: [], ...child } };
}

function stackOutputs<T>(outputs: Readonly<Record<string, T>> | undefined, stack: string): Record<string, T> | undefined {
  if (!outputs) return undefined;
  const prefix = `${stack}${OUTPUT_SEPARATOR}`;
  const entries = Object.entries(outputs).filter(([name]) => name.startsWith(prefix));
  return Object.fromEntries(entries.map(([name, value]) => [name.slice(prefix.length), value]));
}

/** The plan JSON of one stack of a batch: its changes, drift, deferrals, outputs, planned values and configuration. */
export function stackPlanJson(batch: PlanJson & Json, stack: string): PlanJson {
  const changes = (batch.resource_changes ?? []).filter(inStack(stack));
  const drift = (batch.resource_drift ?? []).filter(inStack(stack));
  const deferred = (batch.deferred_changes ?? []).filter((entry) => entry.resource_change && inStack(stack)(entry.resource_change));
  const configuration = batch.configuration as { root_module?: { module_calls?: Record<string, { module?: Json }> } } | undefined;
  const plannedOutputs = stackOutputs((batch.planned_values as Json | undefined)?.outputs as Record<string, unknown> | undefined, stack);
  return withoutModulePrefix(
    {
      format_version: batch.format_version,
      terraform_version: batch.terraform_version,
      ...(batch.errored !== undefined ? { errored: batch.errored } : {}),
      ...(batch.complete !== undefined ? { complete: batch.complete } : {}),
      planned_values: moduleAsRoot(batch.planned_values as Json | undefined, stack, plannedOutputs as Json | undefined),
      resource_changes: changes,
      ...(drift.length > 0 ? { resource_drift: drift } : {}),
      ...(deferred.length > 0 ? { deferred_changes: deferred } : {}),
      output_changes: stackOutputs(batch.output_changes, stack) ?? {},
      configuration: { root_module: configuration?.root_module?.module_calls?.[stack]?.module ?? {} },
    } as PlanJson,
    stack,
  );
}
