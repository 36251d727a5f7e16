import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultParallelism } from '../pipeline/run-plan';
import { findGnuTime, loadAverage, type Measurement } from './measure';
import { generateOrganization, writeOrganization } from './org-generator';
import { createAppCopy } from './plain-cdktf-project';
import { measurePluginCacheEffect, type PluginCacheEffect } from './plugin-cache';
import {
  measureInProcessSynth,
  measureTranspileOnlySynth,
  measureTypeCheck,
  measureTypeCheckingSynth,
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
  readonly ours: SynthRun;
  readonly inProcess: InProcessBreakdown;
  readonly plain: PlainSynthOutcome;
  readonly sampleStacks: StackTimings[];
}

export interface Effects {
  readonly workloadAccounts: number;
  /** Root import, transpile-only: what deep imports save. */
  readonly rootImportTranspileOnly: SynthRun;
  /** Deep imports, type-checking ts-node: what transpile-only saves. */
  readonly deepImportTypeChecking: PlainSynthOutcome;
  /** The type check our setup runs once, separately (CI, npm test), instead of on every synth. */
  readonly separateTypeCheck: Measurement;
  readonly pluginCache?: PluginCacheEffect;
}

export interface BenchResults {
  readonly machine: Record<string, string | number | boolean>;
  /** `npm run synth` of the sample organization (environments/). */
  readonly sampleSynth: SynthRun;
  readonly sizes: SizeResult[];
  readonly effects: Effects;
  readonly wholeOrganizationPlan?: WholeOrganizationPlan & { readonly workloadAccounts: number; readonly idealSeconds: number };
  readonly totalSeconds: number;
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
    const setup = terraformSetup(work);
    const sampleSynth = await measureTranspileOnlySynth(root, {
      configDir: path.join(root, 'environments'),
      outdir: path.join(work, 'out-sample'),
    });
    log(`[sample] synth (ours): ${sampleSynth.stacks} stacks, ${sampleSynth.resources} resources, ${describe(sampleSynth.measurement)}`);
    const sizes: SizeResult[] = [];
    const configDirs = new Map<number, string>();
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const configDir = writeOrganization(generateOrganization(size, path.join(root, 'environments')), path.join(work, `config-${size}`));
      configDirs.set(size, configDir);
      const outdir = path.join(work, `out-${size}`);
      const ours = await measureTranspileOnlySynth(root, { configDir, outdir });
      log(`[${size}] synth (ours): ${ours.stacks} stacks, ${ours.resources} resources, ${describe(ours.measurement)}`);
      const inProcess = await measureInProcessSynth(root, { configDir, outdir: path.join(work, `in-process-${size}`) });
      log(`[${size}] synth in-process: ${inProcess.synthSeconds.toFixed(2)} s (+ policy ${inProcess.policySeconds.toFixed(2)} s)`);
      const plain = options.plainSizes.includes(size)
        ? await measureTypeCheckingSynth(
            plainRoot,
            { configDir, outdir: path.join(work, `plain-out-${size}`) },
            options.plainTimeoutSeconds,
          )
        : ({ status: 'skipped', reason: 'not in --plain-sizes' } as const);
      log(`[${size}] synth (plain CDKTF): ${plain.status === 'measured' ? describe(plain.run.measurement) : plain.status}`);
      fs.rmSync(path.join(work, `plain-out-${size}`), { recursive: true, force: true });
      let sample: StackTimings[] = [];
      if (options.terraform) {
        sample = await measureSampleStacks(sampleStacks(synthesizedStacks(outdir)), setup);
        for (const timing of sample)
          log(
            `[${size}] ${timing.stack}: init ${describe(timing.init)}; validate ${describe(timing.validate!)}; plan ${describe(timing.plan!)}`,
          );
      }
      sizes.push({ workloadAccounts: size, ours, inProcess, plain, sampleStacks: sample });
    }

    const smallest = sizes[0];
    const effectTarget = { configDir: configDirs.get(smallest.workloadAccounts)!, outdir: path.join(work, 'effects-out') };
    const rootImportTranspileOnly = await measureTranspileOnlySynth(plainRoot, effectTarget);
    log(`[effects] root import, transpile-only: ${describe(rootImportTranspileOnly.measurement)}`);
    const deepRoot = path.join(work, 'deep-type-checking');
    createAppCopy({ sourceRoot: root, targetDir: deepRoot, imports: 'deep' });
    const deepImportTypeChecking = await measureTypeCheckingSynth(deepRoot, effectTarget, options.plainTimeoutSeconds);
    log(
      `[effects] deep imports, type-checking ts-node: ${deepImportTypeChecking.status === 'measured' ? describe(deepImportTypeChecking.run.measurement) : deepImportTypeChecking.status}`,
    );
    const separateTypeCheck = await measureTypeCheck(root);
    log(`[effects] tsc --noEmit: ${describe(separateTypeCheck)}${separateTypeCheck.exitCode === 0 ? '' : ' (reported type errors)'}`);

    let pluginCache: PluginCacheEffect | undefined;
    let wholeOrganizationPlan: BenchResults['wholeOrganizationPlan'];
    if (options.terraform) {
      const spoke = sampleStacks(synthesizedStacks(path.join(work, `out-${smallest.workloadAccounts}`))).find((s) => s.kind === 'spoke')!;
      pluginCache = await measurePluginCacheEffect(spoke, setup);
      const packed = pluginCache.packedMirror;
      log(
        `[effects] init, unpacked mirror, no cache: ${describe(pluginCache.unpackedMirrorWithoutCache.init)}` +
          (packed
            ? `; packed provider: no cache ${describe(packed.withoutCache.init)}, cached ${describe(packed.withCacheLater.init)}`
            : ''),
      );
      // A fresh synth of the smallest organization (the in-process one): every stack, planned as `npm run plan` does.
      const stacks = synthesizedStacks(path.join(work, `in-process-${smallest.workloadAccounts}`));
      const parallelism = defaultParallelism();
      log(`[whole organization, ${smallest.workloadAccounts} accounts] ${stacks.length} stacks, ${parallelism} at a time`);
      const plan = await planWholeOrganization(stacks, setup, parallelism);
      const idealSeconds = idealPlanSeconds(plan, smallest.sampleStacks, parallelism);
      wholeOrganizationPlan = { ...plan, workloadAccounts: smallest.workloadAccounts, idealSeconds };
      log(`[whole organization] validate + plan ${plan.planPhaseWallSeconds.toFixed(1)} s; ideal ${idealSeconds.toFixed(1)} s`);
    }
    return {
      machine: { ...machine, loadAverageAtEnd: loadAverage() },
      sampleSynth,
      sizes,
      effects: {
        workloadAccounts: smallest.workloadAccounts,
        rootImportTranspileOnly,
        deepImportTypeChecking,
        separateTypeCheck: { ...separateTypeCheck, stdout: separateTypeCheck.stdout.slice(0, 2000) },
        pluginCache,
      },
      wholeOrganizationPlan,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
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
