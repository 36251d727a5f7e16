import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../plan-json';
import { planModulesAgainstStates, type ModulesPlanOptions, type StateJson } from './batch-diff';
import { ctyTypeOf } from './state-from-plan';

/*
 * Placeholders guessed for values known only after apply can disagree with what the base
 * configuration computes from them (`cidrsubnet(aws_vpc.main.cidr_block, 4, 0)`, a reference
 * through a function). Settling plans the base configuration against the state and adopts, for
 * every attribute that was unknown in the base plan, the value Terraform now computes; until that
 * plan changes nothing (or `maxPasses`). Then the base configuration plans as no changes, and any
 * change the head plan shows comes from the pull request. Every module of a batch settles in the
 * same plans.
 */

export interface SettleOptions extends ModulesPlanOptions {
  /** Each module's state; adopted values are written into them. */
  readonly states: Map<string, StateJson>;
  /** Each module's base plan, by module name: which attributes were unknown, by address. */
  readonly unknown: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  /** @default 4 */
  readonly maxPasses?: number;
}

interface SettleChange {
  readonly address: string;
  readonly change: { readonly actions: readonly string[]; readonly after?: unknown; readonly after_unknown?: unknown };
}

/** Plans the base modules against their states until nothing is adopted; returns the number of plans it took. */
export async function settleStates(options: SettleOptions): Promise<number> {
  const maxPasses = options.maxPasses ?? 4;
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    const { plans } = await planModulesAgainstStates(options);
    let adopted = 0;
    for (const module of options.modules) {
      const state = options.states.get(module.name);
      const plan = plans.get(module.name);
      if (!state || !plan) continue;
      const changes = (plan.resource_changes ?? []) as unknown as SettleChange[];
      const count =
        adoptComputed(state, changes, options.unknown.get(module.name) ?? new Map()) +
        adoptOutputs(state, (plan.output_changes ?? {}) as Record<string, SettleChange['change']>);
      if (count > 0) state.serial += 1;
      adopted += count;
    }
    if (adopted === 0) return pass;
  }
  return maxPasses;
}

function adoptComputed(state: StateJson, changes: readonly SettleChange[], unknownByAddress: ReadonlyMap<string, unknown>): number {
  const instances = new Map<string, Record<string, unknown>>();
  for (const resource of state.resources)
    for (const instance of resource.instances)
      instances.set(`${resource.type}.${resource.name}${indexSuffix(instance.index_key)}`, instance.attributes);
  let adopted = 0;
  for (const change of changes) {
    if (change.change.actions.every((action) => action === 'no-op' || action === 'read')) continue;
    const attributes = instances.get(change.address);
    const unknown = unknownByAddress.get(change.address);
    const { after, after_unknown: afterUnknown } = change.change;
    if (!attributes || !isObject(unknown) || !isObject(after)) continue;
    for (const [key, mask] of Object.entries(unknown)) {
      if (!containsTrue(mask) || !(key in after) || containsTrue(isObject(afterUnknown) ? afterUnknown[key] : undefined)) continue;
      if (isDeepStrictEqual(attributes[key], after[key])) continue;
      attributes[key] = after[key];
      adopted += 1;
    }
  }
  return adopted;
}

/** Outputs the base configuration computes from the state: known now, so they take that value. */
function adoptOutputs(state: StateJson, outputChanges: Record<string, SettleChange['change']>): number {
  let adopted = 0;
  for (const [name, change] of Object.entries(outputChanges)) {
    const output = state.outputs[name];
    if (!output || containsTrue(change.after_unknown) || change.after === undefined) continue;
    if (isDeepStrictEqual(output.value, change.after)) continue;
    state.outputs[name] = { ...output, value: change.after, type: ctyTypeOf(change.after) };
    adopted += 1;
  }
  return adopted;
}

function indexSuffix(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function containsTrue(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(containsTrue);
  if (isObject(mask)) return Object.values(mask).some(containsTrue);
  return false;
}
