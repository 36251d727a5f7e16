import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { LandingZone } from '../../model/types';
import { readStackJson, readSynthOutput, synthesizeModel, type SynthOutput } from '../../pipeline/synth-output';
import { modelKey, SAMPLE_SYNTH_ENV } from './sample-synth';
import type { SynthSettings } from '../../stacks/settings';

export type StackJson = Record<string, any>;

export interface Synthesized {
  readonly outdir: string;
  /** What pipeline/synth-output.ts read back: each stack's folder, file and dependencies. */
  readonly output: SynthOutput;
  readonly stacks: Record<string, StackJson>;
  readonly dependencies: Record<string, string[]>;
}

/**
 * The global setup's offline synth of the sample (global-setup.js), when `model` is that sample:
 * the same sources compiled, the same settings, so a copy stands for a synth of its own.
 */
export function sampleSynthOf(model: LandingZone, mode: SynthSettings['mode']): string | undefined {
  const dir = process.env[SAMPLE_SYNTH_ENV];
  if (mode !== 'offline' || !dir) return undefined;
  try {
    return fs.readFileSync(path.join(dir, 'model.sha256'), 'utf8') === modelKey(model) ? path.join(dir, 'out') : undefined;
  } catch {
    return undefined; // a model v8 cannot serialize is not the sample
  }
}

/** Synthesizes the whole app into a fresh temporary folder and reads every stack back. */
export function synthesize(model: LandingZone, mode: SynthSettings['mode'] = 'offline'): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-synth-'));
  const sample = sampleSynthOf(model, mode);
  if (sample) fs.cpSync(sample, outdir, { recursive: true });
  const output = sample ? readSynthOutput(outdir) : synthesizeModel(model, { mode, outdir, stateDir: path.join(outdir, 'live-state') });
  const stacks: Record<string, StackJson> = {};
  const dependencies: Record<string, string[]> = {};
  for (const stack of output.stacks) {
    stacks[stack.name] = readStackJson<StackJson>(stack);
    dependencies[stack.name] = [...stack.dependencies];
  }
  return { outdir, output, stacks, dependencies };
}

/**
 * Synthesizes only the stack `name` of the model (its dependencies dropped: stacks read each other
 * through remote state, so a stack's Terraform does not depend on the others being synthesized).
 * A fraction of a whole synth, for tests that look at one stack.
 */
export function synthesizeOne(model: LandingZone, name: string): StackJson {
  const plan = model.stacks.find((candidate) => candidate.name === name);
  if (!plan) throw new Error(`the model has no stack ${name}`);
  return synthesize({ ...model, stacks: [{ ...plan, dependsOn: [] }] }).stacks[name];
}

/**
 * Every stack of `model`, synthesizing only those whose plan differs from the one in `base.model`.
 * A stack is built from its plan and the settings alone (stacks/app.ts), so an unchanged plan gives
 * the stack `base` already holds: address-stability tests check a handful of stacks, not 29.
 */
export function synthesizeAgainst(base: { readonly model: LandingZone; readonly stacks: Record<string, StackJson> }, model: LandingZone) {
  const before = new Map(base.model.stacks.map((plan) => [plan.name, plan]));
  const changed = model.stacks.filter((plan) => !isDeepStrictEqual(plan, before.get(plan.name)));
  const fresh = changed.length > 0 ? synthesize({ ...model, stacks: changed.map((plan) => ({ ...plan, dependsOn: [] })) }).stacks : {};
  const stacks = Object.fromEntries(model.stacks.map((plan) => [plan.name, fresh[plan.name] ?? base.stacks[plan.name]]));
  return { stacks, synthesized: changed.map((plan) => plan.name) };
}

/** Terraform addresses of a stack: managed resources, data sources and outputs. */
export function addresses(stack: StackJson): string[] {
  const resources = Object.entries<Record<string, unknown>>(stack.resource ?? {}).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => `${type}.${name}`),
  );
  const data = Object.entries<Record<string, unknown>>(stack.data ?? {}).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => `data.${type}.${name}`),
  );
  const outputs = Object.keys(stack.output ?? {}).map((name) => `output.${name}`);
  return [...resources, ...data, ...outputs].sort();
}

export function providers(stack: StackJson): StackJson[] {
  return stack.provider?.aws ?? [];
}
