import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../plan-json';
import { terraform } from '../terraform';
import { ctyTypeOf } from './state-from-plan';

/*
 * Placeholders guessed for values known only after apply can disagree with what the base
 * configuration computes from them (`cidrsubnet(aws_vpc.main.cidr_block, 4, 0)`, a reference
 * through a function). Settling plans the base configuration against the state and adopts, for
 * every attribute that was unknown in the base plan, the value Terraform now computes; until that
 * plan changes nothing (or `maxPasses`). Then the base configuration plans as no changes, and any
 * change the head plan shows comes from the pull request.
 */

export interface SettleOptions {
  /** The base ref's stack (initialized). */
  readonly dir: string;
  /** State file name inside `dir`, from stateFromPlan; rewritten in place. */
  readonly stateFile: string;
  /** The base plan's resource_changes: which attributes were unknown. */
  readonly unknownByAddress: ReadonlyMap<string, unknown>;
  readonly env: Record<string, string>;
  /** @default 4 */
  readonly maxPasses?: number;
}

interface StateJson {
  outputs: Record<string, { value: unknown; type: unknown; sensitive?: boolean }>;
  resources: {
    mode: string;
    type: string;
    name: string;
    instances: { index_key?: string | number; attributes: Record<string, unknown> }[];
  }[];
  serial: number;
}

interface SettleChange {
  readonly address: string;
  readonly change: { readonly actions: readonly string[]; readonly after?: unknown; readonly after_unknown?: unknown };
}

/** Returns the number of plans it took. */
export async function settleState(options: SettleOptions): Promise<number> {
  const statePath = path.join(options.dir, options.stateFile);
  const maxPasses = options.maxPasses ?? 4;
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    const args = [
      'plan',
      '-input=false',
      '-no-color',
      '-lock=false',
      '-refresh=false',
      `-state=${options.stateFile}`,
      '-out=settle.tfplan',
    ];
    await terraform(args, options.dir, options.env);
    const show = await terraform(['show', '-json', 'settle.tfplan'], options.dir, options.env);
    const settlePlan = JSON.parse(show.stdout);
    const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as StateJson;
    const adopted =
      adoptComputed(state, (settlePlan.resource_changes ?? []) as SettleChange[], options.unknownByAddress) +
      adoptOutputs(state, settlePlan.output_changes ?? {});
    fs.rmSync(path.join(options.dir, 'settle.tfplan'), { force: true });
    if (adopted === 0) return pass;
    state.serial += 1;
    fs.writeFileSync(statePath, JSON.stringify(state, null, 2));
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
