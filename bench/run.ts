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
  /** Run init/validate/plan (sample stacks, whole-organization plan of the smallest size). */
  readonly terraform: boolean;
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
  readonly wholeOrganizationPlan?: WholeOrganizationPlan & { readonly workloadAccounts: number; readonly idealSeconds: number };
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
    const wholeOrganizationPlan = options.terraform ? await measureWholeOrganization(sizes[0], workspace, log) : undefined;
    return {
      machine: { ...machine, loadAverageAtEnd: loadAverage() },
      sampleSynth,
      sampleCompiled,
      sizes,
      effects,
      wholeOrganizationPlan,
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
  if (options.terraform) {
    sample = await measureSampleStacks(sampleStacks(synthesizedStacks(outdir)), workspace.setup);
    for (const timing of sample) {
      log(
        `[${size}] ${timing.stack}: init ${describe(timing.init)}; validate ${describe(timing.validate!)}; plan ${describe(timing.plan!)}`,
      );
    }
  }
  return { workloadAccounts: size, ours, compiled, inProcess, plain, sampleStacks: sample };
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

/** A fresh synth of the smallest organization (the in-process one): every stack, planned as `npm run plan` does. */
async function measureWholeOrganization(
  smallest: SizeResult,
  workspace: Workspace,
  log: BenchOptions['log'],
): Promise<BenchResults['wholeOrganizationPlan']> {
  const stacks = synthesizedStacks(path.join(workspace.work, `in-process-${smallest.workloadAccounts}`));
  const parallelism = defaultParallelism();
  log(`[whole organization, ${smallest.workloadAccounts} accounts] ${stacks.length} stacks, ${parallelism} at a time`);
  const plan = await planWholeOrganization(stacks, workspace.setup, parallelism);
  const idealSeconds = idealPlanSeconds(plan, smallest.sampleStacks, parallelism);
  log(`[whole organization] validate + plan ${plan.planPhaseWallSeconds.toFixed(1)} s; ideal ${idealSeconds.toFixed(1)} s`);
  return { ...plan, workloadAccounts: smallest.workloadAccounts, idealSeconds };
}

/**
 * stacks × one stack's plan time ÷ cores, with "one stack's plan time" (validate + plan + show)
 * measured alone: the sampled stack of the same kind, or the sample's mean for kinds not sampled.
 */
export function idealPlanSeconds(plan: WholeOrganizationPlan, sample: readonly StackTimings[], parallelism: number): number {
  const alone = (timing: StackTimings) => timing.validate!.wallSeconds + timing.plan!.wallSeconds;
  const mean = sample.reduce((total, timing) => total + alone(timing), 0) / Math.max(1, sample.length);
  const byKind = new Map(sample.map((timing) => [timing.kind, alone(timing)]));
  return plan.timings.reduce((total, timing) => total + (byKind.get(timing.kind) ?? mean), 0) / parallelism;
}

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
