/*
 * npm run plan [-- <stack>...]: synthesize, init, validate and plan every stack (offline without
 * AWS credentials), then print a per-stack summary. Exit 1 on bad config or any failed stack.
 */
import { configDirFromEnv } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import { decideMode, synthSettingsFromEnv } from '../pipeline/mode';
import { formatCounts } from '../pipeline/plan-summary';
import { runPlanPipeline } from '../pipeline/run-plan';

async function main(): Promise<number> {
  const stacks = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const decision = decideMode();
  console.log(
    decision.mode === 'offline' ? `Offline plan: ${decision.reason}. Nothing here can be deployed.` : `Live plan: ${decision.reason}.`,
  );
  try {
    const result = await runPlanPipeline({
      configDir: configDirFromEnv(),
      settings: synthSettingsFromEnv(process.env, decision),
      stacks: stacks.length > 0 ? stacks : undefined,
      parallelism: process.env.LZ_PARALLELISM ? Number(process.env.LZ_PARALLELISM) : undefined,
    });
    const width = Math.max(...result.outcomes.map((outcome) => outcome.stack.length));
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
    return failedOutcomes.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then((code) => process.exit(code));
