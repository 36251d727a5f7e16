import { compareWorkloadsAndSpoke, type WorkloadsVsSpoke } from './workloads-vs-spoke';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultParallelism } from '../pipeline/run-plan';
import { compileApp, type CompiledApp } from './compiled-app';
import { findGnuTime, loadAverage, type Measurement } from './measure';
import { generateOrganization, writeOrganization } from './org-generator';
import { createAppCopy } from './plain-cdktf-project';
import { measurePluginCacheEffect, type PluginCacheEffect } from './plugin-cache';
import {
  COMPILED,
  measureInProcessSynth,
  measureNodeSynth,
  measureTypeCheck,
  measureTypeCheckingSynth,
  TRANSPILE_ONLY,
  transpileOnlyWithoutSourceMaps,
  type InProcessBreakdown,
  type PlainSynthOutcome,
  type SynthRun,
} from './synth-phases';
import { projectShardedWorkflow, type ShardedProjection, type StackCost } from './projection';
import {
  measureSampleStacks,
  planWholeOrganization,
  sampleStacks,
  synthesizedStacks,
  terraformSetup,
  type StackTimings,
  type TerraformSetup,
  type WholeOrganizationPlan,
} from './terraform-phases';

export interface BenchOptions {
  /** Project root (holds main.ts and environments/). */
  readonly root: string;
  /** Workload accounts per organization. */
  readonly sizes: readonly number[];
  /** Sizes whose plain-CDKTF synth is measured. */
  readonly plainSizes: readonly number[];
  readonly plainTimeoutSeconds: number;
  /** Run Terraform: sample stacks per size, and the whole sample organization through both pipelines. */
  readonly terraform: boolean;
  /** Whole-organization plans of the sample per pipeline variant, interleaved (A B A B …). @default 2 */
  readonly pipelineRepeats?: number;
  readonly log: (line: string) => void;
}

export interface SizeResult {
  readonly workloadAccounts: number;
  /** `npm run synth`: ts-node transpile-only, deep imports. */
  readonly ours: SynthRun;
  /** The same sources transpiled ahead of time, `node main.js`. */
  readonly compiled: SynthRun;
  readonly inProcess: InProcessBreakdown;
  readonly plain: PlainSynthOutcome;
  readonly sampleStacks: StackTimings[];
  /** Every stack's name, kind and size (for the projection). */
  readonly stackKinds: { readonly name: string; readonly kind: StackTimings['kind']; readonly resources: number }[];
}

export interface Effects {
  /** Size the import and type-checking variants ran at (the smallest). */
  readonly workloadAccounts: number;
  /** Root import, transpile-only: what deep imports save. */
  readonly rootImportTranspileOnly: SynthRun;
  /** Deep imports, type-checking ts-node: what transpile-only saves. */
  readonly deepImportTypeChecking: PlainSynthOutcome;
  /** The type check our setup runs once, separately (CI, npm test), instead of on every synth. */
  readonly separateTypeCheck: Measurement;
  readonly compile: Omit<CompiledApp, 'dir'>;
  /** ts-node transpile-only without its source-map-support hook, at the largest size. */
  readonly withoutSourceMaps: { readonly workloadAccounts: number; readonly run: SynthRun };
  readonly pluginCache?: PluginCacheEffect;
}

export interface BenchResults {
  readonly machine: Record<string, string | number | boolean>;
  /** `npm run synth` of the sample organization (environments/). */
  readonly sampleSynth: SynthRun;
  /** The same, compiled (`node main.js`). */
  readonly sampleCompiled: SynthRun;
  readonly sizes: SizeResult[];
  readonly effects: Effects;
  /** The sample organization through the pipeline before (with validate) and now (plan only), interleaved. */
  readonly pipelines?: PipelineComparison;
  /** Projected wall time of the sharded plan workflow, per organization and shard count. */
  readonly projections: ProjectionRow[];
  /** The sample's largest workload stack against the spoke closest in size (issue 10: within 1.5×). */
  readonly workloadsVsSpoke?: WorkloadsVsSpoke;
  readonly totalSeconds: number;
}

interface Workspace {
  readonly work: string;
  readonly plainRoot: string;
  readonly compiled: CompiledApp;
  readonly setup: TerraformSetup;
  configDir(size: number): string;
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const { root, log } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bench-'));
  const machine = machineInfo();
  log(
    `benchmark in ${work}: ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.terraform}, load average ${machine.loadAverageAtStart}`,
  );
  try {
    const plainRoot = path.join(work, 'plain-cdktf');
    createAppCopy({ sourceRoot: root, targetDir: plainRoot, imports: 'root' });
    const workspace: Workspace = {
      work,
      plainRoot,
      compiled: compileApp(root, path.join(work, 'compiled')),
      setup: terraformSetup(work),
      configDir: (size) => path.join(work, `config-${size}`),
    };
    const sampleSynth = await measureNodeSynth(root, TRANSPILE_ONLY, {
      configDir: path.join(root, 'environments'),
      outdir: path.join(work, 'out-sample'),
    });
    log(`[sample] synth (ours): ${sampleSynth.stacks} stacks, ${sampleSynth.resources} resources, ${describe(sampleSynth.measurement)}`);
    const sampleCompiled = await measureNodeSynth(workspace.compiled.dir, COMPILED, {
      configDir: path.join(root, 'environments'),
      outdir: path.join(work, 'out-sample-compiled'),
    });
    log(`[sample] synth (compiled): ${describe(sampleCompiled.measurement)}`);
    const sizes: SizeResult[] = [];
    for (const size of [...options.sizes].sort((a, b) => a - b)) sizes.push(await measureSize(size, workspace, options));
    const effects = await measureEffects(sizes, workspace, options);
    const pipelines = options.terraform ? await comparePipelines(root, workspace, options) : undefined;
    const workloadsVsSpoke = options.terraform
      ? await compareWorkloadsAndSpoke(path.join(work, 'out-sample'), workspace.setup, Math.max(3, options.pipelineRepeats ?? 2))
      : undefined;
    return {
      machine: { ...machine, loadAverageAtEnd: loadAverage() },
      sampleSynth,
      sampleCompiled,
      sizes,
      effects,
      pipelines,
      projections: pipelines ? projections(pipelines, sizes) : [],
      workloadsVsSpoke,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function measureSize(size: number, workspace: Workspace, options: BenchOptions): Promise<SizeResult> {
  const { root, log } = options;
  const { work } = workspace;
  const configDir = writeOrganization(generateOrganization(size, path.join(root, 'environments')), workspace.configDir(size));
  const outdir = path.join(work, `out-${size}`);
  const ours = await measureNodeSynth(root, TRANSPILE_ONLY, { configDir, outdir });
  log(`[${size}] synth (npm run synth): ${ours.stacks} stacks, ${ours.resources} resources, ${describe(ours.measurement)}`);
  const compiled = await measureNodeSynth(workspace.compiled.dir, COMPILED, { configDir, outdir: path.join(work, `compiled-out-${size}`) });
  log(`[${size}] synth (compiled, node main.js): ${describe(compiled.measurement)}`);
  fs.rmSync(path.join(work, `compiled-out-${size}`), { recursive: true, force: true });
  const inProcess = await measureInProcessSynth(root, { configDir, outdir: path.join(work, `in-process-${size}`) });
  log(`[${size}] synth in-process: ${inProcess.synthSeconds.toFixed(2)} s (+ policy ${inProcess.policySeconds.toFixed(2)} s)`);
  const plainOut = path.join(work, `plain-out-${size}`);
  const plain = options.plainSizes.includes(size)
    ? await measureTypeCheckingSynth(workspace.plainRoot, { configDir, outdir: plainOut }, options.plainTimeoutSeconds)
    : ({ status: 'skipped', reason: 'not in --plain-sizes' } as const);
  log(`[${size}] synth (plain CDKTF): ${plain.status === 'measured' ? describe(plain.run.measurement) : plain.status}`);
  fs.rmSync(plainOut, { recursive: true, force: true });
  let sample: StackTimings[] = [];
  const stacks = synthesizedStacks(outdir);
  if (options.terraform) {
    sample = await measureSampleStacks(sampleStacks(stacks), workspace.setup);
    for (const timing of sample) {
      log(
        `[${size}] ${timing.stack}: init ${describe(timing.init)}; validate ${describe(timing.validate!)}; plan ${describe(timing.plan!)}; show ${describe(timing.show!)}`,
      );
    }
  }
  const stackKinds = stacks.map(({ name, kind, resources }) => ({ name, kind, resources }));
  return { workloadAccounts: size, ours, compiled, inProcess, plain, sampleStacks: sample, stackKinds };
}

async function measureEffects(sizes: readonly SizeResult[], workspace: Workspace, options: BenchOptions): Promise<Effects> {
  const { root, log } = options;
  const smallest = sizes[0].workloadAccounts;
  const largest = sizes[sizes.length - 1].workloadAccounts;
  const target = { configDir: workspace.configDir(smallest), outdir: path.join(workspace.work, 'effects-out') };
  const rootImportTranspileOnly = await measureNodeSynth(workspace.plainRoot, TRANSPILE_ONLY, target);
  log(`[effects] root import, transpile-only: ${describe(rootImportTranspileOnly.measurement)}`);
  const deepRoot = path.join(workspace.work, 'deep-type-checking');
  createAppCopy({ sourceRoot: root, targetDir: deepRoot, imports: 'deep' });
  const deepImportTypeChecking = await measureTypeCheckingSynth(deepRoot, target, options.plainTimeoutSeconds);
  log(`[effects] deep imports, type-checking ts-node: ${outcomeText(deepImportTypeChecking)}`);
  const separateTypeCheck = await measureTypeCheck(root);
  log(`[effects] tsc --noEmit: ${describe(separateTypeCheck)}${separateTypeCheck.exitCode === 0 ? '' : ' (reported type errors)'}`);
  const preload = path.join(workspace.work, 'without-source-maps.js');
  fs.writeFileSync(preload, 'delete Error.prepareStackTrace;\n');
  const withoutSourceMaps = await measureNodeSynth(root, transpileOnlyWithoutSourceMaps(preload), {
    configDir: workspace.configDir(largest),
    outdir: target.outdir,
  });
  log(`[effects] ${largest} accounts, ts-node without source-map-support: ${describe(withoutSourceMaps.measurement)}`);
  let pluginCache: PluginCacheEffect | undefined;
  if (options.terraform) {
    const spoke = sampleStacks(synthesizedStacks(path.join(workspace.work, `out-${smallest}`))).find((stack) => stack.kind === 'spoke');
    if (spoke) {
      pluginCache = await measurePluginCacheEffect(spoke, workspace.setup);
      const packed = pluginCache.packedMirror;
      log(
        `[effects] init, unpacked mirror, no cache: ${describe(pluginCache.unpackedMirrorWithoutCache.init)}` +
          (packed
            ? `; packed provider: no cache ${describe(packed.withoutCache.init)}, cached ${describe(packed.withCacheLater.init)}`
            : ''),
      );
    }
  }
  return {
    workloadAccounts: smallest,
    rootImportTranspileOnly,
    deepImportTypeChecking,
    separateTypeCheck: { ...separateTypeCheck, stdout: separateTypeCheck.stdout.slice(0, 2000) },
    compile: { files: workspace.compiled.files, transpileSeconds: workspace.compiled.transpileSeconds },
    withoutSourceMaps: { workloadAccounts: largest, run: withoutSourceMaps },
    pluginCache,
  };
}

export interface PipelineComparison {
  readonly stacks: number;
  readonly resources: number;
  /** In-process synth + policy of the sample, as npm run plan does it. */
  readonly synthSeconds: number;
  readonly runs: WholeOrganizationPlan[];
}

/**
 * The Terraform part of `npm run plan` on the sample organization, the pipeline before issue 11
 * (validate, plan, show) and now (plan, show), interleaved so that load from other work on the
 * machine falls on both alike.
 */
async function comparePipelines(root: string, workspace: Workspace, options: BenchOptions): Promise<PipelineComparison> {
  const target = { configDir: path.join(root, 'environments'), outdir: path.join(workspace.work, 'pipelines-sample') };
  const synth = await measureInProcessSynth(root, target);
  const stacks = synthesizedStacks(target.outdir);
  const parallelism = defaultParallelism();
  const runs: WholeOrganizationPlan[] = [];
  for (let repeat = 0; repeat < (options.pipelineRepeats ?? 2); repeat += 1) {
    for (const variant of ['with-validate', 'plan-only', 'batched'] as const) {
      const run = await planWholeOrganization(stacks, workspace.setup, parallelism, variant);
      options.log(
        `[pipelines] ${variant}: ${stacks.length} stacks, inits ${run.initWallSeconds.toFixed(1)} s, plans ${run.planPhaseWallSeconds.toFixed(1)} s wall / ` +
          `${run.planPhaseCpuSeconds.toFixed(1)} s CPU (load ${loadAverage()})`,
      );
      runs.push(run);
    }
  }
  const resources = stacks.reduce((total, stack) => total + stack.resources, 0);
  return { stacks: stacks.length, resources, synthSeconds: synth.modelSeconds + synth.synthSeconds + synth.policySeconds, runs };
}

export interface ProjectionRow {
  readonly organization: string;
  readonly stacks: number;
  readonly projections: ShardedProjection[];
}

export const PROJECTED_SHARDS = [1, 4, 16] as const;

/**
 * The sharded workflow for the sample (per-stack times from the plan-only runs) and for each
 * generated size (each stack costed as the sampled stack of its kind, measured alone).
 */
function projections(pipelines: PipelineComparison, sizes: readonly SizeResult[]): ProjectionRow[] {
  const planOnly = pipelines.runs.filter((run) => run.variant === 'plan-only');
  const last = planOnly[planOnly.length - 1];
  const sampleCosts = last.timings.map((timing) => ({
    name: timing.stack,
    resources: timing.resources,
    initSeconds: timing.init.wallSeconds,
    planSeconds: timing.plan!.wallSeconds + timing.show!.wallSeconds,
  }));
  const rows = [projectionRow('sample', sampleCosts, pipelines.synthSeconds, last.parallelism)];
  for (const size of sizes.filter((candidate) => candidate.sampleStacks.length > 0)) {
    const byKind = new Map(size.sampleStacks.map((timing) => [timing.kind, timing]));
    const mean = size.sampleStacks[0];
    const costs = size.stackKinds.map((stack) => {
      const timing = byKind.get(stack.kind) ?? mean;
      return {
        name: stack.name,
        resources: stack.resources,
        initSeconds: timing.init.wallSeconds,
        planSeconds: timing.plan!.wallSeconds + timing.show!.wallSeconds,
      };
    });
    rows.push(
      projectionRow(
        `${size.workloadAccounts} accounts`,
        costs,
        size.inProcess.synthSeconds + size.inProcess.modelSeconds,
        last.parallelism,
      ),
    );
  }
  return rows;
}

function projectionRow(organization: string, costs: StackCost[], synthSeconds: number, workersPerShard: number): ProjectionRow {
  // The deciding job synthesizes head and base (--changed-since) and once more for --list; the merge is one process over JSON.
  const workflow = { decideSeconds: 3 * synthSeconds, synthSeconds, mergeSeconds: MERGE_SECONDS, workersPerShard };
  return {
    organization,
    stacks: costs.length,
    projections: PROJECTED_SHARDS.map((shards) => projectShardedWorkflow(costs, shards, workflow)),
  };
}

/**
 * `npm run summarize -- --merge` of a 4-stack shard, measured by hand on this machine: 3.1 s CPU
 * (10.8 s wall under a load average of 8); ts-node start-up dominates, the merge itself is JSON.
 */
const MERGE_SECONDS = 3;

export function describe(measurement: Measurement): string {
  return `${measurement.wallSeconds.toFixed(2)} s wall, ${measurement.cpuSeconds.toFixed(2)} s CPU, ${Math.round(measurement.peakMemoryMb)} MB`;
}

function outcomeText(outcome: PlainSynthOutcome): string {
  return outcome.status === 'measured' ? describe(outcome.run.measurement) : outcome.status;
}

function machineInfo(): Record<string, string | number | boolean> {
  const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return {
    cores: os.availableParallelism(),
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    terraform: terraform.stdout.split('\n')[0] || 'terraform not found',
    gnuTime: findGnuTime() !== undefined,
    loadAverageAtStart: loadAverage(),
  };
}
