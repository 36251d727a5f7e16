/*
 * npm run plan [-- <stack>...] [--changed-since <git-ref> [--list]] [--shard <i>/<n>]: synthesize,
 * init and plan every stack (offline without AWS credentials) — or only those whose synthesized
 * Terraform changed since the ref, or one shard of them — then print a per-stack summary, write the
 * Markdown summary to <outdir>/plan-summary.md and the outcomes to <outdir>/plan-outcomes.json (what
 * `npm run summarize -- --merge` reads). Offline, stacks are planned in batches (LZ_BATCH=0: one at a
 * time). --list only writes the stack lists: changed-stacks.json and
 * plan-matrix.json (the stacks to plan and how many shards to use). Exit 1 on bad config or any failed stack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import { selectStacksChangedSince, UnknownRefError } from '../pipeline/changed-stacks';
import { decideMode, synthSettingsFromEnv } from '../pipeline/mode';
import { diffAgainstRef } from '../pipeline/offline-diff/diff-against-ref';
import { writeTerraformCliConfig } from '../pipeline/terraform-cli-config';
import { formatCounts } from '../pipeline/plan-counts';
import { PLAN_MATRIX_FILE, writePlanRunRecord, type PlanMatrix } from '../pipeline/plan-outcomes';
import { displayPath, runPlanPipeline, type PlanPipelineResult } from '../pipeline/run-plan';
import { parseShard, shardCount, ShardError, type Shard } from '../pipeline/shards';
import { writePlanSummary } from '../pipeline/summary';
import { synthesize } from '../pipeline/synth-output';
import { PolicyViolationError } from '../policy/synthesized';
import type { SynthSettings } from '../stacks/settings';
import { installReadableStacks } from '../pipeline/readable-stacks';

installReadableStacks();

const USAGE = 'usage: npm run plan [-- <stack>...] [--changed-since <git-ref> [--list]] [--shard <i>/<n>]';

interface PlanArguments {
  readonly stacks: readonly string[];
  readonly changedSince?: string;
  readonly list: boolean;
  readonly shard?: Shard;
}

function parseArguments(): PlanArguments | string {
  try {
    const { values, positionals } = parseArgs({
      options: { 'changed-since': { type: 'string' }, list: { type: 'boolean' }, shard: { type: 'string' } },
      allowPositionals: true,
    });
    if (values.list && !values['changed-since']) return '--list needs --changed-since';
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    return { stacks: positionals, changedSince: values['changed-since'], list: values.list ?? false, shard };
  } catch (error) {
    return (error as Error).message;
  }
}

async function main(): Promise<number> {
  const args = parseArguments();
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  const decision = decideMode();
  console.log(
    decision.mode === 'offline' ? `Offline plan: ${decision.reason}. Nothing here can be deployed.` : `Live plan: ${decision.reason}.`,
  );
  const configDir = configDirFromEnv();
  const settings = synthSettingsFromEnv(process.env, decision);
  try {
    const named = args.stacks.length > 0 ? args.stacks : undefined;
    const selection = args.changedSince
      ? await selectStacksChangedSince({ ref: args.changedSince, configDir, mode: settings.mode, outdir: settings.outdir, named })
      : undefined;
    const stacks = selection ? selection.stacks : named;
    if (args.list) return writePlanMatrix(configDir, settings, stacks, selection?.notes ?? []);
    const parallelism = process.env.LZ_PARALLELISM ? Number(process.env.LZ_PARALLELISM) : undefined;
    const batch = process.env.LZ_BATCH !== '0';
    let result = await runPlanPipeline({ configDir, settings, stacks, shard: args.shard, parallelism, batch });
    const diffAgainst = settings.mode === 'offline' && args.changedSince && selection?.comparison ? args.changedSince : undefined;
    if (diffAgainst) {
      const outcomes = await diffAgainstRef({
        ref: diffAgainst,
        outdir: settings.outdir,
        outcomes: result.outcomes,
        // Sharded, the first shard plans the destroys of removed stacks (they are in no shard's list).
        removed: !args.shard || args.shard.index === 1 ? selection!.comparison!.removed : [],
        env: writeTerraformCliConfig(path.join(settings.outdir, '.terraform-cli')).env,
        parallelism,
      });
      result = { ...result, outcomes };
    }
    printResult(result);
    writePlanRunRecord(settings.outdir, {
      mode: settings.mode,
      shard: args.shard,
      notes: selection?.notes,
      ...(diffAgainst ? { offlineDiffAgainst: diffAgainst } : {}),
      outcomes: result.outcomes,
    });
    const summaryFile = writePlanSummary({
      outdir: settings.outdir,
      outcomes: result.outcomes,
      mode: settings.mode,
      model: loadLandingZone(configDir),
      ...(args.changedSince && selection?.comparison ? { changedSince: { ref: args.changedSince, comparison: selection.comparison } } : {}),
      notes: selection?.notes,
      ...(diffAgainst ? { offlineDiffAgainst: diffAgainst } : {}),
    });
    console.log(`plan summary (Markdown, for the pull request): ${displayPath(summaryFile)}`);
    return result.outcomes.every((outcome) => outcome.ok) ? 0 : 1;
  } catch (error) {
    const expected = [ConfigValidationError, UnknownRefError, ShardError, PolicyViolationError];
    if (!expected.some((kind) => error instanceof kind)) throw error;
    console.error((error as Error).message);
    return 1;
  }
}

/** Synthesizes (config and policy checked) and writes the stacks to plan with their shard count. */
function writePlanMatrix(
  configDir: string,
  settings: SynthSettings,
  stacks: readonly string[] | undefined,
  notes: readonly string[],
): number {
  const { output } = synthesize(configDir, settings, { log: (line) => console.log(line) });
  const toPlan = stacks ?? output.stacks.map((stack) => stack.name);
  const shards = toPlan.length === 0 ? 0 : shardCount(toPlan.map((name) => ({ name, resources: 0 })));
  const matrix: PlanMatrix = { stacks: toPlan, shards, matrix: Array.from({ length: shards }, (_, index) => index + 1), notes };
  const file = path.join(settings.outdir, PLAN_MATRIX_FILE);
  fs.writeFileSync(file, `${JSON.stringify(matrix, null, 2)}\n`);
  console.log(`${toPlan.length} stacks to plan in ${shards} shard${shards === 1 ? '' : 's'}: ${displayPath(file)}`);
  return 0;
}

/** Where the plan files went: beside each stack, or (offline, batched) one per batch. */
function where(result: PlanPipelineResult): string {
  const batches = new Set(result.outcomes.flatMap((outcome) => (outcome.batch ? [outcome.batch] : [])));
  return batches.size > 0 ? `the plan files of its ${batches.size} batches in batches/<batch>/plan.tfplan` : 'beside plan.tfplan';
}

function printResult(result: PlanPipelineResult): void {
  const width = Math.max(5, ...result.outcomes.map((outcome) => outcome.stack.length));
  console.log('\nstack'.padEnd(width + 2) + 'changes');
  for (const outcome of result.outcomes) {
    console.log(`${outcome.stack.padEnd(width + 1)}${outcome.ok ? formatCounts(outcome.counts!) : `FAILED at ${outcome.error!.step}`}`);
  }
  const failed = result.outcomes.filter((outcome) => !outcome.ok);
  for (const outcome of failed) console.error(`\n${outcome.stack}: terraform ${outcome.error!.step} failed:\n${outcome.error!.message}`);
  console.log(
    `\n${result.outcomes.length - failed.length}/${result.outcomes.length} stacks planned in ${result.totalSeconds.toFixed(1)}s; each stack's plan.json is in its folder, ${where(result)}.`,
  );
}

main().then((code) => process.exit(code));
