/*
 * npm run summarize -- <plan.json>... [--json]: summarize `terraform show -json` plan files as
 * Markdown for a pull-request comment (or JSON with --json) on stdout. The environment and stack
 * come from the path (`.../stacks/<stack>/plan.json`). Exit 1 when a file is not a plan.
 */
import { parseArgs } from 'node:util';
import { PlanFileError, readPlanFile, renderSummary, summaryJson } from '../pipeline/summary';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run summarize -- <plan.json>... [--json]`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error('usage: npm run summarize -- <plan.json>... [--json]   (files from terraform show -json <planfile>)');
    return 2;
  }
  try {
    const plans = files.map((file) => readPlanFile(file));
    process.stdout.write(parsed.values.json ? `${JSON.stringify(summaryJson(plans), null, 2)}\n` : renderSummary(plans));
    return 0;
  } catch (error) {
    if (!(error instanceof PlanFileError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
}

process.exitCode = main();
