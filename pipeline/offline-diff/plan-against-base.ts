import type { PlanJson } from '../plan-json';
import { planModulesAgainstStates, type DiffModule, type ModulesPlan, type StateJson } from './batch-diff';
import { readProviderSchemas } from './provider-schema';
import { settleStates } from './settle-state';
import { stateFromPlan, type BasePlanJson } from './state-from-plan';

/*
 * The offline diff of stacks: their configuration at HEAD planned against states built from the base
 * ref's offline plan of the same stacks, with `-refresh=false` so the provider never calls AWS. The
 * real provider decides what is an update and what a replacement. The states are files of the diff's
 * own roots (batch-diff.ts), never a backend's path: those files are also the remote state other
 * stacks read, and their placeholders must stay as they are.
 */

export interface BaseStatesOptions {
  /** The root's folder, two levels under the base ref's synth output (batch-diff.ts). */
  readonly dir: string;
  /** The base ref's stacks. */
  readonly modules: readonly DiffModule[];
  readonly env: Record<string, string>;
  /** Where the provider schemas are cached between batches. */
  readonly schemaCacheFile: string;
}

/** The base plan of every module (against nothing), each turned into a state, settled; by module name. */
export async function buildBaseStates(options: BaseStatesOptions): Promise<Map<string, StateJson>> {
  const base = await planModulesAgainstStates({ ...options, states: new Map() });
  const schemas = await readProviderSchemas(options.dir, options.env, options.schemaCacheFile);
  const states = new Map<string, StateJson>();
  const unknown = new Map<string, Map<string, unknown>>();
  for (const module of options.modules) {
    const plan = base.plans.get(module.name) as PlanJson & BasePlanJson;
    states.set(module.name, stateFromPlan(plan, { schemas }) as StateJson);
    unknown.set(module.name, new Map((plan.resource_changes ?? []).map((change) => [change.address, change.change.after_unknown])));
  }
  await settleStates({ ...options, states, unknown });
  return states;
}

export interface PlanAgainstBaseOptions extends BaseStatesOptions {
  /** The root's folder for the head plan, two levels under the head's synth output. */
  readonly headDir: string;
  /** What is planned against each base module's state, by the same names; `removed` for stacks gone at HEAD. */
  readonly heads: readonly DiffModule[];
}

/** The base states, then the heads planned against them: one plan JSON per head module. */
export async function planAgainstBase(options: PlanAgainstBaseOptions): Promise<ModulesPlan> {
  const states = await buildBaseStates(options);
  return planModulesAgainstStates({ dir: options.headDir, modules: options.heads, states, env: options.env });
}
