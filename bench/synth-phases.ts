import * as fs from 'node:fs';
import { readStackJson, readSynthOutput } from '../pipeline/synth-output';
import { measure, measureOrFail, type Measurement } from './measure';

/*
 * The synth measurements: our setup (transpile-only ts-node, deep imports), the same synth
 * in-process, and the plain CDKTF setup (type-checking ts-node, root import), all on the same config.
 */

export interface SynthRun {
  readonly measurement: Measurement;
  readonly stacks: number;
  readonly resources: number;
}

export interface InProcessBreakdown {
  /** Node start and module loading (ts-node transpiling our sources). */
  readonly startupSeconds: number;
  readonly modelSeconds: number;
  /** `buildApp(model, settings).synth()`: what `npm run plan` spends on synth. */
  readonly synthSeconds: number;
  readonly policySeconds: number;
}

export type PlainSynthOutcome =
  | { readonly status: 'measured'; readonly run: SynthRun }
  | { readonly status: 'timed out'; readonly afterSeconds: number }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'skipped'; readonly reason: string };

export interface SynthTarget {
  readonly configDir: string;
  readonly outdir: string;
}

/** `npm run synth`'s command: node with ts-node's transpile-only hook, deep provider imports. */
export const TRANSPILE_ONLY = ['-r', 'ts-node/register/transpile-only', 'main.ts'];
/** The same, with ts-node's source-map-support hook removed again by a preload (`delete Error.prepareStackTrace`). */
export const transpileOnlyWithoutSourceMaps = (preload: string) => ['-r', 'ts-node/register/transpile-only', '-r', preload, 'main.ts'];
/** The app transpiled ahead of time (bench/compiled-app.ts). */
export const COMPILED = ['main.js'];

function synthEnv(target: SynthTarget): Record<string, string> {
  return { LZ_CONFIG_DIR: target.configDir, LZ_OFFLINE: '1', CDKTF_OUTDIR: target.outdir, CHECKPOINT_DISABLE: '1' };
}

/** `node <nodeArgs>` in `projectDir`, synthesizing `target`; fails on a non-zero exit. */
export async function measureNodeSynth(projectDir: string, nodeArgs: readonly string[], target: SynthTarget): Promise<SynthRun> {
  fs.rmSync(target.outdir, { recursive: true, force: true });
  const measurement = await measureOrFail('node', nodeArgs, { cwd: projectDir, env: synthEnv(target) });
  return { measurement, ...countOutput(target.outdir) };
}

/** The cdktf template's app command, `npx ts-node main.ts`: type-checks every file it loads. */
export async function measureTypeCheckingSynth(
  projectDir: string,
  target: SynthTarget,
  timeoutSeconds: number,
): Promise<PlainSynthOutcome> {
  fs.rmSync(target.outdir, { recursive: true, force: true });
  const measurement = await measure('npx', ['ts-node', 'main.ts'], { cwd: projectDir, env: synthEnv(target), timeoutSeconds });
  if (measurement.timedOut) return { status: 'timed out', afterSeconds: timeoutSeconds };
  if (measurement.exitCode !== 0) return { status: 'failed', message: (measurement.stderr || measurement.stdout).trim().slice(-2000) };
  return { status: 'measured', run: { measurement, ...countOutput(target.outdir) } };
}

export async function measureInProcessSynth(projectDir: string, target: SynthTarget): Promise<InProcessBreakdown> {
  fs.rmSync(target.outdir, { recursive: true, force: true });
  const measurement = await measureOrFail('node', ['-r', 'ts-node/register/transpile-only', 'bench/in-process-synth.ts'], {
    cwd: projectDir,
    env: synthEnv(target),
  });
  return JSON.parse(measurement.stdout.trim().split('\n').pop()!) as InProcessBreakdown;
}

/** `tsc --noEmit -p .`: the type check our setup runs separately (npm run typecheck, CI). */
export async function measureTypeCheck(projectDir: string): Promise<Measurement> {
  return measure('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: projectDir });
}

function countOutput(outdir: string): { stacks: number; resources: number } {
  const { stacks } = readSynthOutput(outdir);
  let resources = 0;
  for (const stack of stacks) {
    const json = readStackJson<{ resource?: Record<string, Record<string, unknown>> }>(stack);
    for (const byName of Object.values(json.resource ?? {})) resources += Object.keys(byName).length;
  }
  return { stacks: stacks.length, resources };
}
