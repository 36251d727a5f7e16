import * as os from 'node:os';
import * as path from 'node:path';
import pLimit from 'p-limit';
import type { PolicyReport } from '../policy/report';
import type { SynthSettings } from '../stacks/settings';
import { ensureOfflineStates, type StackJson } from './offline-state';
import { planBatch, planBatches } from './plan-batch';
import { describeOutcome, failedStack, initStack, noSeconds, planStack, type StackOutcome, type StackSeconds } from './plan-stack';
import { resourceCount, stacksOfShard, type Shard } from './shards';
import { readStackJson, synthesize, type SynthesizedStack, type SynthOutput } from './synth-output';
import { writeTerraformCliConfig } from './terraform-cli-config';

export type { StackOutcome } from './plan-stack';

export interface PlanPipelineOptions {
  readonly configDir: string;
  readonly settings: SynthSettings;
  /** Plan only these stacks. @default every stack */
  readonly stacks?: readonly string[];
  /** Plan only this shard of the stacks (after `stacks`), as `npm run plan -- --shard 2/4` does. @default every stack */
  readonly shard?: Shard;
  /** Concurrent plan processes. @default cores, bounded by memory (~1 GB per stack, ~4 GB per batch) */
  readonly parallelism?: number;
  /**
   * Offline only: plan the stacks in batches, several stacks as modules of one Terraform root
   * (plan-batch.ts). Live plans are always one stack at a time. @default true
   */
  readonly batch?: boolean;
  /** Progress lines. @default console.log */
  readonly log?: (line: string) => void;
}

export interface PlanPipelineResult {
  readonly outcomes: readonly StackOutcome[];
  readonly synthSeconds: number;
  readonly totalSeconds: number;
  /** The policy check of the synthesized stacks (waived findings included, for the summary). */
  readonly policy: PolicyReport;
}

/**
 * The main job: synthesize, `terraform init` every stack one at a time (the plugin cache is not
 * safe for concurrent inits), then plan the stacks in parallel, saving `plan.tfplan` and
 * `plan.json` (terraform show -json) next to each stack. Offline, it first writes empty state
 * for producers that were never applied, so remote-state placeholders apply, and plans the stacks
 * in batches (plan-batch.ts): plan.json is still written next to each stack, plan.tfplan is the batch's.
 */
export async function runPlanPipeline(options: PlanPipelineOptions): Promise<PlanPipelineResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const { settings } = options;

  const synthesis = synthesize(options.configDir, settings, { log });
  const { output } = synthesis;
  const synthSeconds = synthesis.seconds.model + synthesis.seconds.synth;
  log(`synthesized ${output.stacks.length} stacks in ${synthSeconds.toFixed(1)}s (${settings.mode}) to ${displayPath(output.outdir)}`);
  const stacks = selectStacks(output, options.stacks, options.shard);
  if (options.shard)
    log(`shard ${options.shard.index}/${options.shard.count}: ${stacks.map((stack) => stack.name).join(', ') || 'no stacks'}`);

  const cli = writeTerraformCliConfig(path.join(settings.outdir, '.terraform-cli'));
  log(
    `terraform providers: ${cli.mirror ? `filesystem mirror ${cli.mirror}` : 'public registry'}; plugin cache ${displayPath(cli.pluginCacheDir)}`,
  );
  if (settings.mode === 'offline') for (const stack of stacks) ensureOfflineStates(stack.dir, readStackJson<StackJson>(stack));
  if (settings.mode === 'offline' && options.batch !== false) {
    const parallelism = options.parallelism ?? defaultParallelism(GIB_PER_BATCH);
    const outcomes = await planInBatches(stacks, settings.outdir, cli.env, parallelism, log);
    return { outcomes, synthSeconds, totalSeconds: (Date.now() - started) / 1000, policy: synthesis.policy };
  }

  const seconds = new Map(stacks.map((stack) => [stack.name, noSeconds()]));
  const outcomes = await initStacks(stacks, cli.env, seconds, log);
  const limit = pLimit(options.parallelism ?? defaultParallelism());
  let done = 0;
  await Promise.all(
    stacks
      .filter((stack) => !outcomes.has(stack.name))
      .map((stack) =>
        limit(async () => {
          const outcome = await planStack(stack, cli.env, settings.mode, seconds.get(stack.name)!);
          outcomes.set(stack.name, outcome);
          done += 1;
          log(`[plan ${done}/${stacks.length}] ${stack.name} ${describeOutcome(outcome)}`);
        }),
      ),
  );
  return {
    outcomes: stacks.map((stack) => outcomes.get(stack.name)!),
    synthSeconds,
    totalSeconds: (Date.now() - started) / 1000,
    policy: synthesis.policy,
  };
}

/**
 * The stacks to plan, in name order: the named ones (an error names the unknown ones and lists the
 * stacks there are), then the shard's slice of them.
 */
export function selectStacks(output: SynthOutput, names: readonly string[] | undefined, shard?: Shard): SynthesizedStack[] {
  const unknown = (names ?? []).filter((name) => !output.stacks.some((stack) => stack.name === name));
  if (unknown.length > 0)
    throw new Error(`no such stack: ${unknown.join(', ')}; stacks are ${output.stacks.map((stack) => stack.name).join(', ')}`);
  const named = output.stacks.filter((stack) => !names || names.includes(stack.name));
  if (!shard) return named;
  const sizes = named.map((stack) => ({ name: stack.name, resources: resourceCount(readStackJson(stack)) }));
  const slice = stacksOfShard(sizes, shard);
  return named.filter((stack) => slice.includes(stack.name));
}

/** Offline: the stacks in batches (plan-batch.ts), `parallelism` batches at a time; outcomes in stack order. */
async function planInBatches(
  stacks: readonly SynthesizedStack[],
  outdir: string,
  env: Record<string, string>,
  parallelism: number,
  log: (line: string) => void,
): Promise<StackOutcome[]> {
  const batches = planBatches(stacks, parallelism);
  const limit = pLimit(parallelism);
  let done = 0;
  const results = await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        const outcomes = await planBatch(batch, outdir, env);
        for (const outcome of outcomes) {
          done += 1;
          log(`[plan ${done}/${stacks.length}] ${outcome.stack} ${describeOutcome(outcome)}`);
        }
        const { init, plan, show } = outcomes[0]?.seconds ?? noSeconds();
        const how = outcomes.some((outcome) => outcome.batch)
          ? `init ${init.toFixed(1)}s, plan ${plan.toFixed(1)}s, show ${show.toFixed(1)}s`
          : 'failed, planned stack by stack';
        log(`[batch ${batch.id}] ${batch.stacks.length} stacks (${how})`);
        return outcomes;
      }),
    ),
  );
  const byStack = new Map(results.flat().map((outcome) => [outcome.stack, outcome]));
  return stacks.map((stack) => byStack.get(stack.name)!);
}

/** `terraform init` one stack at a time; returns the failed ones' outcomes. */
async function initStacks(
  stacks: readonly SynthesizedStack[],
  env: Record<string, string>,
  seconds: Map<string, StackSeconds>,
  log: (line: string) => void,
): Promise<Map<string, StackOutcome>> {
  const outcomes = new Map<string, StackOutcome>();
  for (const [index, stack] of stacks.entries()) {
    const timings = seconds.get(stack.name)!;
    try {
      timings.init = await initStack(stack, env);
      log(`[init ${index + 1}/${stacks.length}] ${stack.name} (${timings.init.toFixed(1)}s)`);
    } catch (error) {
      outcomes.set(stack.name, failedStack(stack.name, 'init', error, timings));
      log(`[init ${index + 1}/${stacks.length}] ${stack.name} FAILED`);
    }
  }
  return outcomes;
}

/** A path as the log shows it: relative to the working directory, or to `~`, when inside it. */
export function displayPath(file: string, cwd: string = process.cwd(), home: string = os.homedir()): string {
  const inside = (root: string) => {
    const relative = path.relative(root, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
  };
  const fromCwd = inside(cwd);
  if (fromCwd) return fromCwd;
  const fromHome = inside(home);
  return fromHome ? `~/${fromHome}` : file;
}

/** Memory one Terraform process with the AWS provider may take at its peak. */
const GIB_PER_TERRAFORM_PROCESS = 1;
/** A batch's peak: MAX_PROVIDERS_PER_BATCH provider processes (~3 GB measured) and Terraform itself. */
const GIB_PER_BATCH = 4;

/** One Terraform process per core, but never more than memory allows. */
export function defaultParallelism(gibPerProcess = GIB_PER_TERRAFORM_PROCESS): number {
  const byMemory = Math.floor(os.totalmem() / 1024 ** 3 / gibPerProcess);
  return Math.max(1, Math.min(os.availableParallelism(), byMemory));
}
