import * as fs from 'node:fs';
import * as path from 'node:path';
import pLimit from 'p-limit';
import { ensureOfflineStates, type StackJson } from '../pipeline/offline-state';
import { batchDir, planBatches, writeBatchRoot } from '../pipeline/plan-batch';
import { resourceCount } from '../pipeline/shards';
import { readStackJson, readSynthOutput } from '../pipeline/synth-output';
import { writeTerraformCliConfig } from '../pipeline/terraform-cli-config';
import { diskUsageKb, measureOrFail, type Measurement } from './measure';
import { PHASE_LOG_ENV, planPhases, type PlanPhases } from './plan-phases';

/*
 * The Terraform measurements, run the way pipeline/plan-stack.ts runs them: the project's CLI config
 * (filesystem mirror + plugin cache), inits one at a time, then per stack either today's pipeline
 * (`validate`, `plan -out`, `show -json`) or the one before it (`validate` first, kept to compare).
 */

/** `organization-wide`: the other stacks without an environment (e.g. log-archive, network-ipam). */
export type StackKind = 'org' | 'hub' | 'spoke' | 'organization-wide';

/**
 * `with-validate`: the pipeline before issue 11 (`terraform validate`, then plan and show);
 * `plan-only`: one stack per Terraform run (plan validates; then show) — live plans still run so;
 * `batched`: the offline pipeline now, several stacks as modules of one root (pipeline/plan-batch.ts).
 */
export type PipelineVariant = 'with-validate' | 'plan-only' | 'batched';

export interface BenchStack {
  readonly name: string;
  readonly kind: StackKind;
  readonly dir: string;
  /** Managed resources in its cdk.tf.json. */
  readonly resources: number;
}

export interface StackTimings {
  readonly stack: string;
  readonly kind: StackKind;
  readonly resources: number;
  readonly init: Measurement;
  readonly validate?: Measurement;
  readonly plan?: Measurement;
  readonly show?: Measurement;
  /** Where the plan's time went (sample stacks only: measured with Terraform's debug log). */
  readonly phases?: PlanPhases;
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
    const json = readStackJson<StackJson & Parameters<typeof resourceCount>[0]>(stack);
    ensureOfflineStates(stack.dir, json);
    return { name: stack.name, kind: kindOf(stack.name), dir: stack.dir, resources: resourceCount(json) };
  });
}

/** org, the first hub and the first spoke: one stack of each kind. */
export function sampleStacks(stacks: readonly BenchStack[]): BenchStack[] {
  return (['org', 'hub', 'spoke'] as const).flatMap((kind) => stacks.filter((stack) => stack.kind === kind).slice(0, 1));
}

export async function initStack(stack: BenchStack, setup: TerraformSetup): Promise<StackTimings> {
  const init = await measureOrFail('terraform', ['init', '-input=false', '-no-color'], { cwd: stack.dir, env: setup.env });
  return {
    stack: stack.name,
    kind: stack.kind,
    resources: stack.resources,
    init,
    dotTerraformKb: diskUsageKb(path.join(stack.dir, '.terraform')),
  };
}

/** One stack's plan in the given variant; with `phases`, the plan runs with Terraform's debug log to split its time. */
export async function planStackTimed(
  stack: BenchStack,
  setup: TerraformSetup,
  initialized: StackTimings,
  variant: PipelineVariant,
  phases = false,
): Promise<StackTimings> {
  const options = { cwd: stack.dir, env: setup.env };
  const validate = variant === 'with-validate' ? await measureOrFail('terraform', ['validate', '-no-color'], options) : undefined;
  const logFile = path.join(stack.dir, 'plan-debug.log');
  const planOptions = phases ? { ...options, env: { ...setup.env, ...PHASE_LOG_ENV, TF_LOG_PATH: logFile } } : options;
  fs.rmSync(logFile, { force: true });
  const plan = await measureOrFail('terraform', ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'], planOptions);
  const show = await measureOrFail('terraform', ['show', '-json', 'plan.tfplan'], options);
  fs.writeFileSync(path.join(stack.dir, 'plan.json'), show.stdout);
  const split = phases ? planPhases(fs.readFileSync(logFile, 'utf8'), plan.wallSeconds) : undefined;
  return { ...initialized, validate, plan, show, ...(split ? { phases: split } : {}) };
}

/**
 * Init, then the sample stacks one at a time (nothing else of ours running): `validate` alone (what
 * the pipeline no longer runs), then plan with its phases, then show.
 */
export async function measureSampleStacks(stacks: readonly BenchStack[], setup: TerraformSetup): Promise<StackTimings[]> {
  const timings: StackTimings[] = [];
  for (const stack of stacks) timings.push(await planStackTimed(stack, setup, await initStack(stack, setup), 'with-validate', true));
  return timings;
}

export interface WholeOrganizationPlan {
  readonly variant: PipelineVariant;
  readonly stacks: number;
  readonly parallelism: number;
  readonly initWallSeconds: number;
  /** Wall time of every stack's validate (when the variant has it), plan and show, `parallelism` at a time. */
  readonly planPhaseWallSeconds: number;
  readonly planPhaseCpuSeconds: number;
  readonly peakMemoryMbPerProcess: number;
  readonly timings: StackTimings[];
}

/** The Terraform part of `npm run plan` for a whole organization: inits one at a time, then the plans in parallel. */
export async function planWholeOrganization(
  stacks: readonly BenchStack[],
  setup: TerraformSetup,
  parallelism: number,
  variant: PipelineVariant,
): Promise<WholeOrganizationPlan> {
  if (variant === 'batched') return planInBatches(stacks, setup, parallelism);
  const inits: StackTimings[] = [];
  for (const stack of stacks) inits.push(await initStack(stack, setup));
  const limit = pLimit(parallelism);
  const started = process.hrtime.bigint();
  const timings = await Promise.all(stacks.map((stack, index) => limit(() => planStackTimed(stack, setup, inits[index], variant))));
  const runs = timings.flatMap((timing) => [timing.validate, timing.plan, timing.show].filter((run): run is Measurement => !!run));
  return {
    variant,
    stacks: stacks.length,
    parallelism,
    initWallSeconds: inits.reduce((total, timing) => total + timing.init.wallSeconds, 0),
    planPhaseWallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    planPhaseCpuSeconds: runs.reduce((total, run) => total + run.cpuSeconds, 0),
    peakMemoryMbPerProcess: Math.max(...runs.map((run) => run.peakMemoryMb)),
    timings,
  };
}

/**
 * The offline pipeline now: the stacks in batches (the same split as pipeline/plan-batch.ts), each
 * batch one init, one plan and one show; batch timings are reported as the batch's first stack's.
 */
async function planInBatches(stacks: readonly BenchStack[], setup: TerraformSetup, parallelism: number): Promise<WholeOrganizationPlan> {
  const outdir = path.dirname(path.dirname(stacks[0].dir));
  const batches = planBatches(
    stacks.map((stack) => ({ name: stack.name, dir: stack.dir, file: path.join(stack.dir, 'cdk.tf.json'), dependencies: [] })),
    parallelism,
  );
  const inits: Measurement[] = [];
  for (const batch of batches) {
    const dir = writeBatchRoot(batch, outdir);
    inits.push(await measureOrFail('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: setup.env }));
  }
  const limit = pLimit(parallelism);
  const started = process.hrtime.bigint();
  const runs = await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const options = { cwd: batchDir(outdir, batch), env: setup.env };
        const plan = await measureOrFail('terraform', ['plan', '-input=false', '-no-color', '-lock=false', '-out=plan.tfplan'], options);
        return { plan, show: await measureOrFail('terraform', ['show', '-json', 'plan.tfplan'], options) };
      }),
    ),
  );
  const measurements = runs.flatMap((run) => [run.plan, run.show]);
  return {
    variant: 'batched',
    stacks: stacks.length,
    parallelism,
    initWallSeconds: inits.reduce((total, init) => total + init.wallSeconds, 0),
    planPhaseWallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    planPhaseCpuSeconds: measurements.reduce((total, run) => total + run.cpuSeconds, 0),
    peakMemoryMbPerProcess: Math.max(...measurements.map((run) => run.peakMemoryMb)),
    timings: [],
  };
}

function kindOf(stack: string): StackKind {
  if (stack === 'org') return 'org';
  if (/-network-hub$/.test(stack)) return 'hub';
  return /-spoke-/.test(stack) ? 'spoke' : 'organization-wide';
}
