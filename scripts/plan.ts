/*
 * npm run plan [-- <stack>...] [--changed-since <git-ref> [--list]]: synthesize, init, validate and
 * plan every stack (offline without AWS credentials) — or only those whose synthesized Terraform
 * changed since the ref — then print a per-stack summary and write the Markdown summary to
 * <outdir>/plan-summary.md. --list only writes the stack lists to <outdir>/changed-stacks.json.
 * Exit 1 on bad config or any failed stack.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import { selectStacksChangedSince, UnknownRefError, type StackSelection } from '../pipeline/changed-stacks';
import { decideMode, synthSettingsFromEnv } from '../pipeline/mode';
import { formatCounts } from '../pipeline/plan-counts';
import { runPlanPipeline } from '../pipeline/run-plan';
import { writePlanSummary } from '../pipeline/summary';

const USAGE = 'usage: npm run plan [-- <stack>...] [--changed-since <git-ref> [--list]]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { 'changed-since': { type: 'string' }, list: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const stacks = args.positionals;
  const changedSince = args.values['changed-since'];
  if (args.values.list && !changedSince) {
    console.error(`--list needs --changed-since\n${USAGE}`);
    return 2;
  }
  const decision = decideMode();
  console.log(
    decision.mode === 'offline' ? `Offline plan: ${decision.reason}. Nothing here can be deployed.` : `Live plan: ${decision.reason}.`,
  );
  const configDir = configDirFromEnv();
  const settings = synthSettingsFromEnv(process.env, decision);
  try {
    let selection: StackSelection | undefined;
    if (changedSince) {
      const named = stacks.length > 0 ? stacks : undefined;
      selection = await selectStacksChangedSince({ ref: changedSince, configDir, mode: settings.mode, outdir: settings.outdir, named });
      if (args.values.list) return selection.comparison ? 0 : 1;
    }
    const result = await runPlanPipeline({
      configDir,
      settings,
      stacks: selection ? selection.stacks : stacks.length > 0 ? stacks : undefined,
      parallelism: process.env.LZ_PARALLELISM ? Number(process.env.LZ_PARALLELISM) : undefined,
    });
    const width = Math.max(5, ...result.outcomes.map((outcome) => outcome.stack.length));
    console.log('\nstack'.padEnd(width + 2) + 'changes');
    for (const outcome of result.outcomes) {
      console.log(`${outcome.stack.padEnd(width + 1)}${outcome.ok ? formatCounts(outcome.counts!) : `FAILED at ${outcome.error!.step}`}`);
    }
    const failedOutcomes = result.outcomes.filter((outcome) => !outcome.ok);
    for (const outcome of failedOutcomes)
      console.error(`\n${outcome.stack}: terraform ${outcome.error!.step} failed:\n${outcome.error!.message}`);
    console.log(
      `\n${result.outcomes.length - failedOutcomes.length}/${result.outcomes.length} stacks planned in ${result.totalSeconds.toFixed(1)}s; plans are saved as plan.tfplan and plan.json in each stack's folder.`,
    );
    const summaryFile = writePlanSummary({
      outdir: settings.outdir,
      outcomes: result.outcomes,
      mode: settings.mode,
      model: loadLandingZone(configDir),
      ...(changedSince && selection?.comparison ? { changedSince: { ref: changedSince, comparison: selection.comparison } } : {}),
      notes: selection?.notes,
    });
    console.log(`plan summary (Markdown, for the pull request): ${path.relative(process.cwd(), summaryFile)}`);
    return failedOutcomes.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigValidationError || error instanceof UnknownRefError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then((code) => process.exit(code));
