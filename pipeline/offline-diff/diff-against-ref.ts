import * as fs from 'node:fs';
import * as path from 'node:path';
import pLimit from 'p-limit';
import { synthesizeAtRef } from '../changed-stacks';
import { batchStackOutcome, planBatches, type PlanBatch } from '../plan-batch';
import { PlanFileError } from '../plan-json';
import { failedStack, noSeconds, type StackOutcome } from '../plan-stack';
import { readSynthOutput } from '../synth-output';
import { TerraformError } from '../terraform';
import type { DiffModule } from './batch-diff';
import { planAgainstBase } from './plan-against-base';

/*
 * `npm run plan -- --changed-since <ref>` offline: after the changed stacks were planned as usual
 * (against empty state), each one that exists at the ref is planned again against a state built
 * from the ref's offline plan of it; each stack removed since the ref is planned as a destroy of
 * everything in such a state. Stacks new since the ref keep their plan: all creates, which is right.
 * Stacks are diffed in batches (batch-diff.ts), balanced as plan batches are.
 */

export interface DiffAgainstRefOptions {
  readonly ref: string;
  /** Any folder inside the git repository. @default process.cwd() */
  readonly repoDir?: string;
  /** The config folder, as synthesizeAtRef takes it. */
  readonly configDir?: string;
  /** The head synth output; the ref is synthesized into `<outdir>/base-ref`. */
  readonly outdir: string;
  /** Outcomes of the head plans of the changed stacks. */
  readonly outcomes: readonly StackOutcome[];
  /** Stacks that exist at the ref but no longer at HEAD. */
  readonly removed: readonly string[];
  readonly env: Record<string, string>;
  /** @default 1 */
  readonly parallelism?: number;
  /** @default console.log */
  readonly log?: (line: string) => void;
}

/** The outcomes to summarize: diffed where the ref has the stack, plus one destroy plan per removed stack. */
export async function diffAgainstRef(options: DiffAgainstRefOptions): Promise<StackOutcome[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const baseOut = path.join(options.outdir, 'base-ref');
  fs.rmSync(baseOut, { recursive: true, force: true });
  await synthesizeAtRef({
    repoDir: options.repoDir ?? process.cwd(),
    ref: options.ref,
    outdir: baseOut,
    mode: 'offline',
    stateDir: path.join(baseOut, 'live-state'),
    ...(options.configDir ? { configDir: options.configDir } : {}),
  });
  const baseStacks = new Map(readSynthOutput(baseOut).stacks.map((stack) => [stack.name, stack]));
  const heads = new Map<string, DiffModule>();
  for (const outcome of options.outcomes)
    if (outcome.ok && outcome.planJsonFile && baseStacks.has(outcome.stack))
      heads.set(outcome.stack, { name: outcome.stack, dir: path.dirname(outcome.planJsonFile) });
  for (const stack of options.removed)
    if (baseStacks.has(stack)) heads.set(stack, { name: stack, dir: baseStacks.get(stack)!.dir, removed: true });
  const parallelism = options.parallelism ?? 1;
  const batches = planBatches(
    [...heads.keys()].map((name) => baseStacks.get(name)!),
    parallelism,
  );
  const limit = pLimit(parallelism);
  const diffed = new Map<string, StackOutcome>();
  const diffOne = async (batch: PlanBatch) => {
    const outcomes = await diffBatch(batch, heads, { ...options, baseOut });
    for (const outcome of outcomes) {
      const what = heads.get(outcome.stack)!.removed ? `removed since ${options.ref}: destroy` : `against ${options.ref}:`;
      log(`[diff] ${outcome.stack} ${what} ${outcome.ok ? 'planned' : `FAILED at ${outcome.error!.step}`} (${outcome.batch})`);
      diffed.set(outcome.stack, outcome);
    }
  };
  await Promise.all(batches.map((batch) => limit(() => diffOne(batch))));
  return [
    ...options.outcomes.map((outcome) => diffed.get(outcome.stack) ?? outcome),
    ...options.removed.map((stack) => diffed.get(stack) ?? missingAtRef(stack, options.ref)),
  ];
}

/** One batch: the ref's stacks planned and settled together, then their heads (or destroys) planned against them. */
export async function diffBatch(
  batch: PlanBatch,
  heads: ReadonlyMap<string, DiffModule>,
  options: DiffAgainstRefOptions & { readonly baseOut: string },
): Promise<StackOutcome[]> {
  const id = `diff-${batch.id}`;
  const modules = batch.stacks.map((stack) => heads.get(stack.name)!);
  try {
    const plan = await planAgainstBase({
      dir: path.join(options.baseOut, 'batches', id),
      modules: batch.stacks.map((stack) => ({ name: stack.name, dir: stack.dir })),
      headDir: path.join(options.outdir, 'batches', id),
      heads: modules,
      env: options.env,
      schemaCacheFile: path.join(options.outdir, '.terraform-cli', 'provider-schemas.json'),
    });
    return modules.map((module) => batchStackOutcome(module, plan, id));
  } catch (error) {
    if (!(error instanceof TerraformError) && !(error instanceof PlanFileError)) throw error;
    if (batch.stacks.length === 1) return [{ ...failedStack(batch.stacks[0].name, 'plan', error, noSeconds()), batch: id }];
    // A stack that cannot be diffed offline fails its whole batch. Those Terraform names are failed
    // and the others diffed again together; if it names none, each stack is diffed alone.
    const output = error instanceof TerraformError ? error.output : '';
    const named = batch.stacks.filter((stack) => output.includes(`with module.${stack.name}.`));
    const rest = batch.stacks.filter((stack) => !named.includes(stack));
    if (named.length === 0 || rest.length === 0) {
      const alone: StackOutcome[] = [];
      for (const stack of batch.stacks) alone.push(...(await diffBatch({ id: stack.name, stacks: [stack] }, heads, options)));
      return alone;
    }
    const failed = named.map((stack) => ({ ...failedStack(stack.name, 'plan', error, noSeconds()), batch: id }));
    return [...failed, ...(await diffBatch({ id: `${batch.id}-retry`, stacks: rest }, heads, options))];
  }
}

function missingAtRef(stack: string, ref: string): StackOutcome {
  return { stack, ok: false, error: { step: 'plan', message: `${stack} is not a stack at ${ref}` }, seconds: noSeconds() };
}
