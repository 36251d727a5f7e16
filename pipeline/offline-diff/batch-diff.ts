import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureOfflineStates, type StackJson } from '../offline-state';
import { batchOutputName, batchRootJson, stackPlanJson } from '../plan-batch-json';
import { parsePlanJson, type PlanJson } from '../plan-json';
import { initStack, noSeconds, type StackSeconds } from '../plan-stack';
import { terraform } from '../terraform';

/*
 * The offline diff plans stacks against states built from plans, several stacks per Terraform run:
 * each stack is a module of one root (as plan-batch.ts does against empty state), and their states
 * are one state with each stack's resources under its module. Terraform then starts once per batch
 * for the base plan, for each settling pass and for the head plan, instead of once per stack for
 * each; the plan is split back into one plan JSON per stack, as a plan of the stack alone shows it.
 */

/** A stack's state as stateFromPlan builds it: format 4, everything in the root module. */
export interface StateJson {
  version: number;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Record<string, { value: unknown; type: unknown; sensitive?: boolean }>;
  resources: StateResource[];
  check_results: null;
}

export interface StateResource {
  module?: string;
  mode: string;
  type: string;
  name: string;
  provider: string;
  instances: { index_key?: string | number; attributes: Record<string, unknown>; [key: string]: unknown }[];
}

export interface DiffModule {
  /** The module's name in the root: unique in it (a stack name, in the pipeline). */
  readonly name: string;
  /** The synthesized stack's folder (its cdk.tf.json). */
  readonly dir: string;
  /** The stack is gone: only its providers are kept, so everything in its state is destroyed. @default false */
  readonly removed?: boolean;
}

export interface ModulesPlanOptions {
  /** The root's folder: two levels under a synth output, like the stacks, so their relative paths hold. */
  readonly dir: string;
  readonly modules: readonly DiffModule[];
  /** Each module's state by module name; a module without one plans against nothing. */
  readonly states: ReadonlyMap<string, StateJson>;
  readonly env: Record<string, string>;
}

export interface ModulesPlan {
  /** Each module's share of the plan, by module name. */
  readonly plans: ReadonlyMap<string, PlanJson>;
  readonly planFile: string;
  readonly seconds: StackSeconds;
}

const STATE_FILE = 'diff.tfstate';

/** `terraform plan -refresh=false` of the modules against their states, then `show -json`, split per module. */
export async function planModulesAgainstStates(options: ModulesPlanOptions): Promise<ModulesPlan> {
  const { dir, modules, env } = options;
  const seconds = noSeconds();
  if (writeRoot(dir, modules)) seconds.init = await initStack({ name: path.basename(dir), dir }, env);
  fs.writeFileSync(path.join(dir, STATE_FILE), JSON.stringify(combineStates(modules, options.states)));
  const args = ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', `-state=${STATE_FILE}`, '-out=plan.tfplan'];
  seconds.plan = (await terraform(args, dir, env)).seconds;
  const show = await terraform(['show', '-json', 'plan.tfplan'], dir, env);
  seconds.show = show.seconds;
  const planFile = path.join(dir, 'plan.tfplan');
  const batch = parsePlanJson(show.stdout, planFile);
  return { plans: new Map(modules.map((module) => [module.name, stackPlanJson(batch as never, module.name)])), planFile, seconds };
}

/** One state holding every module's: resources and provider addresses under `module.<name>`, outputs as the root re-exports them. */
export function combineStates(modules: readonly DiffModule[], states: ReadonlyMap<string, StateJson>): StateJson {
  const combined: StateJson = {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'aws-landing-zone-offline-diff',
    outputs: {},
    resources: [],
    check_results: null,
  };
  for (const module of modules) {
    const state = states.get(module.name);
    if (!state) continue;
    combined.serial = Math.max(combined.serial, state.serial);
    const prefix = `module.${module.name}`;
    for (const resource of state.resources)
      combined.resources.push({ ...resource, module: prefix, provider: `${prefix}.${resource.provider}` });
    for (const [name, output] of Object.entries(state.outputs)) combined.outputs[batchOutputName(module.name, name)] = output;
  }
  return combined;
}

/** Writes the root (and the provider-only modules of removed stacks); true when it needs `terraform init`. */
function writeRoot(dir: string, modules: readonly DiffModule[]): boolean {
  fs.mkdirSync(dir, { recursive: true });
  const entries = modules.map((module) => {
    const json = JSON.parse(fs.readFileSync(path.join(module.dir, 'cdk.tf.json'), 'utf8')) as StackFile;
    if (module.removed) return { name: module.name, source: moduleSource(dir, writeProvidersOnly(dir, module.name, json)), json: {} };
    ensureOfflineStates(dir, json);
    return { name: module.name, source: moduleSource(dir, module.dir), json };
  });
  const text = `${JSON.stringify(batchRootJson(entries), null, 2)}\n`;
  const file = path.join(dir, 'main.tf.json');
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text && fs.existsSync(path.join(dir, '.terraform'))) return false;
  fs.writeFileSync(file, text);
  return true;
}

interface ProvidersJson {
  readonly terraform?: { readonly required_providers?: unknown };
  readonly provider?: unknown;
}

type StackFile = StackJson & ProvidersJson & { readonly output?: Readonly<Record<string, { readonly sensitive?: boolean }>> };

/** A removed stack as a module with only its providers: Terraform needs them to plan the destroys. */
function writeProvidersOnly(dir: string, name: string, json: ProvidersJson): string {
  const moduleDir = path.join(dir, 'removed', name);
  fs.mkdirSync(moduleDir, { recursive: true });
  const providersOnly = { terraform: { required_providers: json.terraform?.required_providers }, provider: json.provider };
  fs.writeFileSync(path.join(moduleDir, 'main.tf.json'), `${JSON.stringify(providersOnly, null, 2)}\n`);
  return moduleDir;
}

function moduleSource(rootDir: string, moduleDir: string): string {
  const relative = path.relative(rootDir, moduleDir).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
