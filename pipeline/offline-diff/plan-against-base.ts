import * as fs from 'node:fs';
import * as path from 'node:path';
import { countPlan } from '../plan-counts';
import { parsePlanJson } from '../plan-json';
import { failedStack, noSeconds, type StackOutcome, type StackSeconds, type StackToPlan } from '../plan-stack';
import { terraform, TerraformError } from '../terraform';
import { readProviderSchemas } from './provider-schema';
import { settleState } from './settle-state';
import { stateFromPlan, type BasePlanJson } from './state-from-plan';

/*
 * The offline diff of one stack: its configuration planned against a state built from the base
 * ref's offline plan of the same stack, with `-refresh=false` so the provider never calls AWS. The
 * real provider decides what is an update and what a replacement. The built state goes to its own
 * file (`base.tfstate`, through the local backend's `-state`), never to the backend's path: that
 * file is also the remote state other stacks read, and their placeholders must stay as they are.
 */

/** File name of the state built from the base plan. */
export const BASE_STATE_FILE = 'base.tfstate';

export interface BaseStateOptions {
  /** The base ref's folder of this stack (initialized), where the placeholders are settled. */
  readonly baseStackDir: string;
  /** The base ref's `terraform show -json` of this stack. */
  readonly basePlanJsonFile: string;
  readonly env: Record<string, string>;
  /** Where the provider schemas are cached between stacks. */
  readonly schemaCacheFile: string;
  /** Skip settling: enough for a destroy plan, which reads only addresses. @default true */
  readonly settle?: boolean;
}

/** Builds (and settles) the state of the base plan in the base stack's folder; returns its path. */
export async function buildBaseState(options: BaseStateOptions): Promise<string> {
  const basePlan = JSON.parse(fs.readFileSync(options.basePlanJsonFile, 'utf8')) as BasePlanJson;
  const schemas = await readProviderSchemas(options.baseStackDir, options.env, options.schemaCacheFile);
  const statePath = path.join(options.baseStackDir, BASE_STATE_FILE);
  fs.writeFileSync(statePath, JSON.stringify(stateFromPlan(basePlan, { schemas }), null, 2));
  if (options.settle === false) return statePath;
  const unknownByAddress = new Map((basePlan.resource_changes ?? []).map((change) => [change.address, change.change.after_unknown]));
  await settleState({ dir: options.baseStackDir, stateFile: BASE_STATE_FILE, unknownByAddress, env: options.env });
  return statePath;
}

export interface PlanAgainstStateOptions {
  /** The stack at HEAD (initialized), or at the base when `destroy` is set. */
  readonly stack: StackToPlan;
  /** A state from buildBaseState. */
  readonly stateFile: string;
  readonly env: Record<string, string>;
  /** Plan the destruction of everything in the state: the stack is gone at HEAD. @default false */
  readonly destroy?: boolean;
  readonly seconds?: StackSeconds;
}

/** `terraform plan -refresh=false` of the stack against the state, then `show -json` into plan.json. */
export async function planAgainstState(options: PlanAgainstStateOptions): Promise<StackOutcome> {
  const { stack, env } = options;
  const seconds = options.seconds ?? noSeconds();
  try {
    const local = path.join(stack.dir, BASE_STATE_FILE);
    if (path.resolve(options.stateFile) !== path.resolve(local)) fs.copyFileSync(options.stateFile, local);
    const args = ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', `-state=${BASE_STATE_FILE}`, '-out=plan.tfplan'];
    seconds.plan = (await terraform(options.destroy ? [...args, '-destroy'] : args, stack.dir, env)).seconds;
  } catch (error) {
    if (error instanceof TerraformError) seconds.plan = error.seconds;
    return failedStack(stack.name, 'plan', error, seconds);
  }
  try {
    const show = await terraform(['show', '-json', 'plan.tfplan'], stack.dir, env);
    seconds.show = show.seconds;
    const planJsonFile = path.join(stack.dir, 'plan.json');
    fs.writeFileSync(planJsonFile, show.stdout);
    const counts = countPlan(parsePlanJson(show.stdout, planJsonFile));
    return { stack: stack.name, ok: true, counts, planFile: path.join(stack.dir, 'plan.tfplan'), planJsonFile, seconds };
  } catch (error) {
    return failedStack(stack.name, 'show', error, seconds);
  }
}

/** Both steps for one stack: the base state, then the head (or, with `destroy`, the base) planned against it. */
export async function planAgainstBase(options: BaseStateOptions & Omit<PlanAgainstStateOptions, 'stateFile'>): Promise<StackOutcome> {
  let stateFile: string;
  try {
    stateFile = await buildBaseState({ ...options, settle: options.settle ?? !options.destroy });
  } catch (error) {
    return failedStack(options.stack.name, 'plan', error, options.seconds ?? noSeconds());
  }
  return planAgainstState({ ...options, stateFile });
}
