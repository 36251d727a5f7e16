import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LandingZone } from '../../model/types';
import { readStackJson, synthesizeModel, type SynthOutput } from '../../pipeline/synth-output';
import type { SynthSettings } from '../../stacks/settings';

export type StackJson = Record<string, any>;

export interface Synthesized {
  readonly outdir: string;
  /** What pipeline/synth-output.ts read back: each stack's folder, file and dependencies. */
  readonly output: SynthOutput;
  readonly stacks: Record<string, StackJson>;
  readonly dependencies: Record<string, string[]>;
}

/** Synthesizes the whole app into a fresh temporary folder and reads every stack back. */
export function synthesize(model: LandingZone, mode: SynthSettings['mode'] = 'offline'): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-synth-'));
  const output = synthesizeModel(model, { mode, outdir, stateDir: path.join(outdir, 'live-state') });
  const stacks: Record<string, StackJson> = {};
  const dependencies: Record<string, string[]> = {};
  for (const stack of output.stacks) {
    stacks[stack.name] = readStackJson<StackJson>(stack);
    dependencies[stack.name] = [...stack.dependencies];
  }
  return { outdir, output, stacks, dependencies };
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
