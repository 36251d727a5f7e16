import * as fs from 'node:fs';
import * as path from 'node:path';
import pLimit from 'p-limit';
import { ensureOfflineStates, type StackJson } from '../pipeline/offline-state';
import { readStackJson, readSynthOutput } from '../pipeline/synth-output';
import { writeTerraformCliConfig } from '../pipeline/terraform-cli-config';
import { diskUsageKb, measureOrFail, type Measurement } from './measure';

/*
 * The Terraform measurements, run the way pipeline/run-plan.ts runs them: the project's CLI config
 * (filesystem mirror + plugin cache), inits one at a time, validate then plan + show -json.
 */

/** `organization-wide`: the other stacks without an environment (e.g. log-archive, network-ipam). */
export type StackKind = 'org' | 'hub' | 'spoke' | 'organization-wide';

export interface BenchStack {
  readonly name: string;
  readonly kind: StackKind;
  readonly dir: string;
}

export interface StackTimings {
  readonly stack: string;
  readonly kind: StackKind;
  readonly init: Measurement;
  readonly validate?: Measurement;
  /** `plan -out` plus `show -json`, summed. */
  readonly plan?: Measurement;
  /** `du -sk .terraform` after init: the provider is linked from the plugin cache, not copied. */
  readonly dotTerraformKb: number;
}

export interface TerraformSetup {
  readonly env: Record<string, string>;
  readonly pluginCacheDir: string;
  /** The filesystem mirror in use; undefined for the public registry. */
  readonly mirror?: string;
}

/** The project's CLI config with a plugin cache of its own, so the first init really is the first. */
export function terraformSetup(workDir: string): TerraformSetup {
  const pluginCacheDir = path.join(workDir, 'plugin-cache');
  const cli = writeTerraformCliConfig(path.join(workDir, 'terraform-cli'), { ...process.env, TF_PLUGIN_CACHE_DIR: pluginCacheDir });
  return { env: cli.env, pluginCacheDir, mirror: cli.mirror };
}

/** Every stack of a synth output, with offline state written for the remote-state reads. */
export function synthesizedStacks(outdir: string): BenchStack[] {
  return readSynthOutput(outdir).stacks.map((stack) => {
    ensureOfflineStates(stack.dir, readStackJson<StackJson>(stack));
    return { name: stack.name, kind: kindOf(stack.name), dir: stack.dir };
  });
}

/** org, the first hub and the first spoke: one stack of each kind. */
export function sampleStacks(stacks: readonly BenchStack[]): BenchStack[] {
  return (['org', 'hub', 'spoke'] as const).flatMap((kind) => stacks.filter((stack) => stack.kind === kind).slice(0, 1));
}

export async function initStack(stack: BenchStack, setup: TerraformSetup): Promise<StackTimings> {
  const init = await measureOrFail('terraform', ['init', '-input=false', '-no-color'], { cwd: stack.dir, env: setup.env });
  return { stack: stack.name, kind: stack.kind, init, dotTerraformKb: diskUsageKb(path.join(stack.dir, '.terraform')) };
}

export async function validateAndPlan(stack: BenchStack, setup: TerraformSetup, initialized: StackTimings): Promise<StackTimings> {
  const options = { cwd: stack.dir, env: setup.env };
  const validate = await measureOrFail('terraform', ['validate', '-no-color'], options);
  const plan = await measureOrFail('terraform', ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'], options);
  const show = await measureOrFail('terraform', ['show', '-json', 'plan.tfplan'], options);
  fs.writeFileSync(path.join(stack.dir, 'plan.json'), show.stdout);
  return { ...initialized, validate, plan: sum(plan, show) };
}

/** Init, validate and plan the sample stacks one at a time (nothing else running): per-stack costs. */
export async function measureSampleStacks(stacks: readonly BenchStack[], setup: TerraformSetup): Promise<StackTimings[]> {
  const timings: StackTimings[] = [];
  for (const stack of stacks) timings.push(await validateAndPlan(stack, setup, await initStack(stack, setup)));
  return timings;
}

export interface WholeOrganizationPlan {
  readonly stacks: number;
  readonly parallelism: number;
  readonly inits: StackTimings[];
  /** Wall time of validate + plan of every stack, `parallelism` at a time. */
  readonly planPhaseWallSeconds: number;
  readonly planPhaseCpuSeconds: number;
  readonly peakMemoryMbPerProcess: number;
  readonly timings: StackTimings[];
}

/** `npm run plan` for a whole organization: inits one at a time, then validate + plan in parallel. */
export async function planWholeOrganization(
  stacks: readonly BenchStack[],
  setup: TerraformSetup,
  parallelism: number,
): Promise<WholeOrganizationPlan> {
  const inits: StackTimings[] = [];
  for (const stack of stacks) inits.push(await initStack(stack, setup));
  const limit = pLimit(parallelism);
  const started = process.hrtime.bigint();
  const timings = await Promise.all(stacks.map((stack, index) => limit(() => validateAndPlan(stack, setup, inits[index]))));
  const planPhaseWallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    stacks: stacks.length,
    parallelism,
    inits,
    planPhaseWallSeconds,
    planPhaseCpuSeconds: timings.reduce((total, timing) => total + timing.validate!.cpuSeconds + timing.plan!.cpuSeconds, 0),
    peakMemoryMbPerProcess: Math.max(...timings.flatMap((timing) => [timing.validate!.peakMemoryMb, timing.plan!.peakMemoryMb])),
    timings,
  };
}

function kindOf(stack: string): StackKind {
  if (stack === 'org') return 'org';
  if (/-network-hub$/.test(stack)) return 'hub';
  return /-spoke-/.test(stack) ? 'spoke' : 'organization-wide';
}

function sum(first: Measurement, second: Measurement): Measurement {
  return {
    ...first,
    wallSeconds: first.wallSeconds + second.wallSeconds,
    cpuSeconds: first.cpuSeconds + second.cpuSeconds,
    peakMemoryMb: Math.max(first.peakMemoryMb, second.peakMemoryMb),
    stdout: '',
    stderr: '',
  };
}
