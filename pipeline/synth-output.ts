import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLandingZone } from '../model/load';
import type { LandingZone } from '../model/types';
import type { PolicyReport } from '../policy/report';
import { enforcePolicy } from '../policy/synthesized';
import { buildApp } from '../stacks/app';
import type { SynthSettings } from '../stacks/settings';

/*
 * The one place that synthesizes the app and reads what cdktf wrote: main.ts, the plan pipeline,
 * changed-stacks, the benchmark and the tests all come through here.
 */

/** cdktf's `manifest.json` at the top of a synth output (the parts this project reads). */
export interface Manifest {
  readonly version: string;
  readonly stacks: Readonly<Record<string, ManifestStack>>;
}

export interface ManifestStack {
  readonly name: string;
  /** Relative to the synth output; Terraform runs here and resolves relative paths from here. */
  readonly workingDirectory: string;
  /** The stack's `cdk.tf.json`, relative to the synth output. */
  readonly synthesizedStackPath: string;
  /** Stacks this one reads (deployed before it). */
  readonly dependencies: readonly string[];
}

export interface SynthesizedStack {
  readonly name: string;
  /** Absolute working directory of the stack. */
  readonly dir: string;
  /** Absolute path of the stack's `cdk.tf.json`. */
  readonly file: string;
  readonly dependencies: readonly string[];
}

export interface SynthOutput {
  /** Absolute path of the synth output. */
  readonly outdir: string;
  readonly manifest: Manifest;
  /** Every stack, sorted by name. */
  readonly stacks: readonly SynthesizedStack[];
}

/** A synth output that cannot be read; the message names the file and what to do. */
export class SynthOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthOutputError';
  }
}

/** Reads `<outdir>/manifest.json`: every stack with its folder, its `cdk.tf.json` and its dependencies. */
export function readSynthOutput(outdir: string): SynthOutput {
  const root = path.resolve(outdir);
  const manifestFile = path.join(root, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new SynthOutputError(
      `${manifestFile} does not exist: synthesize first (npm run synth), or point CDKTF_OUTDIR at the synth output`,
    );
  const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'), manifestFile);
  const stacks = Object.entries(manifest.stacks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => ({
      name,
      dir: path.join(root, entry.workingDirectory),
      file: path.join(root, entry.synthesizedStackPath),
      dependencies: [...(entry.dependencies ?? [])],
    }));
  return { outdir: root, manifest, stacks };
}

function parseManifest(text: string, file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SynthOutputError(`${file} is not valid JSON (${(error as Error).message}); synthesize again`);
  }
  const stacks = (value as { stacks?: unknown } | null)?.stacks;
  if (typeof stacks !== 'object' || stacks === null || Array.isArray(stacks))
    throw new SynthOutputError(`${file} is not a cdktf manifest: it has no "stacks" object; synthesize again`);
  for (const [name, entry] of Object.entries(stacks as Record<string, Partial<ManifestStack>>)) {
    if (typeof entry?.workingDirectory !== 'string' || typeof entry.synthesizedStackPath !== 'string')
      throw new SynthOutputError(`${file}: stack ${name} has no workingDirectory or synthesizedStackPath; synthesize again`);
  }
  return value as Manifest;
}

/** The stack of that name, or an error listing the stacks there are. */
export function stackNamed(output: SynthOutput, name: string): SynthesizedStack {
  const stack = output.stacks.find((candidate) => candidate.name === name);
  if (!stack) throw new SynthOutputError(`no such stack: ${name}; stacks are ${output.stacks.map((s) => s.name).join(', ')}`);
  return stack;
}

/** A stack's synthesized Terraform JSON. */
export function readStackJson<T = Record<string, unknown>>(stack: Pick<SynthesizedStack, 'file'>): T {
  return JSON.parse(fs.readFileSync(stack.file, 'utf8')) as T;
}

/** `buildApp(model, settings).synth()`, then the output read back. No policy check. */
export function synthesizeModel(model: LandingZone, settings: SynthSettings): SynthOutput {
  buildApp(model, settings).synth();
  return readSynthOutput(settings.outdir);
}

export interface SynthesizeOptions {
  /** Where the policy report goes. @default console.error */
  readonly log?: (line: string) => void;
}

export interface Synthesis {
  readonly model: LandingZone;
  readonly output: SynthOutput;
  /** The policy check of every stack (waived findings included). */
  readonly policy: PolicyReport;
  readonly seconds: { readonly model: number; readonly synth: number; readonly policy: number };
}

/**
 * Load and validate the config in `configDir`, synthesize every stack into `settings.outdir`, then
 * run the policy pack over them. Throws ConfigValidationError on bad config and
 * PolicyViolationError on policy errors (after printing the report), so nothing reaches Terraform.
 */
export function synthesize(configDir: string, settings: SynthSettings, options: SynthesizeOptions = {}): Synthesis {
  const timer = stopwatch();
  const model = loadLandingZone(configDir);
  const modelSeconds = timer.lap();
  const output = synthesizeModel(model, settings);
  const synthSeconds = timer.lap();
  const policy = enforcePolicy(output, model, options.log);
  return { model, output, policy, seconds: { model: modelSeconds, synth: synthSeconds, policy: timer.lap() } };
}

function stopwatch(): { lap(): number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
  };
}
