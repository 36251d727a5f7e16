/*
 * npm run runbook [-- --output <dir>]: the game-day runbook of every environment that has FIS
 * experiments, from config (LZ_CONFIG_DIR or environments/), as docs/game-days/<env>.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import { installReadableStacks } from '../pipeline/readable-stacks';
import { renderRunbook, runbookEnvironments } from '../pipeline/runbook';

installReadableStacks();

export const RUNBOOK_DIR = path.join('docs', 'game-days');

function main(): number {
  let values: { output?: string };
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { output: { type: 'string', short: 'o' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run runbook [-- --output <dir>]`);
    return 2;
  }
  const configDir = configDirFromEnv();
  try {
    const model = loadLandingZone(configDir);
    const output = values.output ?? RUNBOOK_DIR;
    fs.mkdirSync(output, { recursive: true });
    for (const environment of runbookEnvironments(model)) {
      const file = path.join(output, `${environment}.md`);
      fs.writeFileSync(file, renderRunbook(model, environment, `${configDir.replace(/\/$/, '')}/`));
      console.log(`wrote ${file}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(error.message);
    return 1;
  }
}

process.exitCode = main();
