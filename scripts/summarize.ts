/*
 * npm run summarize -- <plan.json>... [--json]: summarize `terraform show -json` plan files as
 * Markdown for a pull-request comment (or JSON with --json) on stdout. The environment and stack
 * come from the path (`.../stacks/<stack>/plan.json`). Exit 1 when a file is not a plan.
 *
 * npm run summarize -- --merge <dir>...: the one pull-request summary of a sharded plan. Each <dir>
 * is a shard's synth output (plan-outcomes.json and stacks/<stack>/plan.json, as `npm run plan --
 * --shard i/n` leaves them) or the folder with changed-stacks.json from `--list`. Failed stacks of
 * any shard are reported as in a single run; the topology comes from the config (LZ_CONFIG_DIR).
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import type { LandingZone } from '../model/types';
import { mergePlanRuns, PlanRunError } from '../pipeline/plan-outcomes';
import { PlanFileError, readPlanFile, renderPlanSummary, renderSummary, summaryJson } from '../pipeline/summary';
import { installReadableStacks } from '../pipeline/readable-stacks';

installReadableStacks();

const USAGE = 'usage: npm run summarize -- <plan.json>... [--json]   |   npm run summarize -- --merge <shard-dir>...';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { json: { type: 'boolean' }, merge: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const inputs = parsed.positionals;
  if (inputs.length === 0) {
    console.error(`${USAGE}   (plan files from terraform show -json <planfile>)`);
    return 2;
  }
  try {
    if (parsed.values.merge) {
      const run = mergePlanRuns(inputs);
      process.stdout.write(renderPlanSummary({ ...run, model: configuredModel() }));
      return 0;
    }
    const plans = inputs.map((file) => readPlanFile(file));
    process.stdout.write(parsed.values.json ? `${JSON.stringify(summaryJson(plans), null, 2)}\n` : renderSummary(plans));
    return 0;
  } catch (error) {
    if (!(error instanceof PlanFileError || error instanceof PlanRunError || error instanceof ConfigValidationError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
}

/** The config's model for the topology section, when the config folder is there. */
function configuredModel(): LandingZone | undefined {
  const configDir = configDirFromEnv();
  return fs.existsSync(configDir) ? loadLandingZone(configDir) : undefined;
}

process.exitCode = main();
