import * as fs from 'node:fs';
import * as path from 'node:path';
import { planModulesAgainstStates, type ModulesPlan } from './offline-diff/batch-diff';
import { batchRootJson } from './plan-batch-json';
import { countPlan } from './plan-counts';
import { PlanFileError } from './plan-json';
import { failedStack, initStack, noSeconds, planStack, type StackOutcome } from './plan-stack';
import { assignShards, FIXED_COST_IN_RESOURCES, resourceCount } from './shards';
import { readStackJson, type SynthesizedStack } from './synth-output';
import { TerraformError } from './terraform';

/*
 * Offline, every stack plans against an empty state, so several stacks can be planned by one
 * Terraform run: each stack becomes a module of a batch root (its backend block is ignored there,
 * with a warning; its providers stay its own). Terraform then loads the AWS provider's schema once
 * per batch instead of once per stack, and builds one graph: the sample's 22 stacks cost about a
 * third of the CPU (docs/benchmark.md). The batch's plan JSON is split back into one plan.json per
 * stack, so the summary and the policy pack see what a plan of the stack alone shows.
 *
 * Live plans never batch: each stack has its own state, backend and credentials. A batch that fails
 * is planned again stack by stack, so an error is reported against the stack it belongs to.
 */

/**
 * Provider configurations one batch may hold: each is a provider process of its own (~110 MB
 * proportional memory, measured), so a batch of 24 peaks near 3 GB.
 */
export const MAX_PROVIDERS_PER_BATCH = 24;

export interface PlanBatch {
  /** `batch-1` …, in the order planned. */
  readonly id: string;
  readonly stacks: readonly SynthesizedStack[];
}

interface StackJson {
  readonly provider?: Readonly<Record<string, readonly unknown[]>>;
  readonly resource?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly output?: Readonly<Record<string, { readonly sensitive?: boolean }>>;
}

const providerCount = (json: StackJson) => Object.values(json.provider ?? {}).reduce((total, list) => total + list.length, 0);

/**
 * Splits stacks into batches balanced by resources: at least `parallelism` batches (one per
 * concurrent Terraform process) when there are enough stacks, and as many more as keep every batch
 * within MAX_PROVIDERS_PER_BATCH provider configurations. Deterministic for the same stacks.
 */
export function planBatches(stacks: readonly SynthesizedStack[], parallelism: number): PlanBatch[] {
  if (stacks.length === 0) return [];
  const jsons = new Map(stacks.map((stack) => [stack.name, readStackJson<StackJson>(stack)]));
  const providers = [...jsons.values()].reduce((total, json) => total + providerCount(json), 0);
  let count = Math.min(stacks.length, Math.max(parallelism, Math.ceil(providers / MAX_PROVIDERS_PER_BATCH)));
  const sizes = stacks.map((stack) => ({ name: stack.name, resources: resourceCount(jsons.get(stack.name)!) }));
  for (;;) {
    const groups = assignShards(sizes, count).filter((group) => group.length > 0);
    const fits = groups.every(
      (group) => group.reduce((total, name) => total + providerCount(jsons.get(name)!), 0) <= MAX_PROVIDERS_PER_BATCH,
    );
    if (fits || count >= stacks.length)
      return groups.map((group, index) => ({
        id: `batch-${index + 1}`,
        stacks: stacks.filter((stack) => group.includes(stack.name)),
      }));
    count += 1;
  }
}

/** Resources a batch stands for, in the units shards are balanced by. */
export function batchCost(batch: PlanBatch): number {
  return FIXED_COST_IN_RESOURCES + batch.stacks.reduce((total, stack) => total + resourceCount(readStackJson(stack)), 0);
}

/** Where a batch's root goes: as deep under the synth output as the stacks, so their relative paths hold. */
export function batchDir(outdir: string, batch: PlanBatch): string {
  return path.join(outdir, 'batches', batch.id);
}

/** Writes the batch's root module (a fresh folder) and returns the folder. */
export function writeBatchRoot(batch: PlanBatch, outdir: string): string {
  const dir = batchDir(outdir, batch);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const root = batchRootJson(
    batch.stacks.map((stack) => ({
      name: stack.name,
      source: path.relative(dir, stack.dir).split(path.sep).join('/'),
      json: readStackJson<StackJson>(stack),
    })),
  );
  fs.writeFileSync(path.join(dir, 'main.tf.json'), `${JSON.stringify(root, null, 2)}\n`);
  return dir;
}

/**
 * Writes the batch root, inits and plans it, and writes each stack's share of the plan JSON to the
 * stack's plan.json. Outcomes carry the batch's plan file and the batch's seconds.
 */
export async function planBatch(batch: PlanBatch, outdir: string, env: Record<string, string>): Promise<StackOutcome[]> {
  const dir = batchDir(outdir, batch);
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    const modules = batch.stacks.map((stack) => ({ name: stack.name, dir: stack.dir }));
    const plan = await planModulesAgainstStates({ dir, modules, states: new Map(), env });
    return modules.map((module) => batchStackOutcome(module, plan, batch.id));
  } catch (error) {
    if (error instanceof TerraformError) return planStackByStack(batch, env);
    if (error instanceof PlanFileError) return batch.stacks.map((stack) => failedStack(stack.name, 'show', error, noSeconds()));
    throw error;
  }
}

/** A stack's outcome in a batch plan: its share of the plan written to its plan.json, counted. */
export function batchStackOutcome(stack: { readonly name: string; readonly dir: string }, plan: ModulesPlan, batch: string): StackOutcome {
  const stackPlan = plan.plans.get(stack.name)!;
  const planJsonFile = path.join(stack.dir, 'plan.json');
  fs.writeFileSync(planJsonFile, JSON.stringify(stackPlan));
  return { stack: stack.name, ok: true, counts: countPlan(stackPlan), planFile: plan.planFile, planJsonFile, seconds: plan.seconds, batch };
}

/** The fallback when a batch fails: each stack alone, so every error is reported against its own stack. */
async function planStackByStack(batch: PlanBatch, env: Record<string, string>): Promise<StackOutcome[]> {
  const outcomes: StackOutcome[] = [];
  for (const stack of batch.stacks) {
    const seconds = noSeconds();
    try {
      seconds.init = await initStack(stack, env);
    } catch (error) {
      outcomes.push(failedStack(stack.name, 'init', error, seconds));
      continue;
    }
    outcomes.push(await planStack(stack, env, 'offline', seconds));
  }
  return outcomes;
}
