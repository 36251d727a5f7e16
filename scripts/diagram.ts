/*
 * npm run diagram [-- --output <file>] [-- --environment <name>...]: the organization's network
 * from config (LZ_CONFIG_DIR or environments/) as a mermaid flowchart in a Markdown file,
 * docs/topology.md by default.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import { renderTopologyMarkdown } from '../pipeline/diagram';
import { installReadableStacks } from '../pipeline/readable-stacks';

installReadableStacks();

function main(): number {
  let values: { output?: string; environment?: string[] };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { output: { type: 'string', short: 'o' }, environment: { type: 'string', multiple: true } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run diagram [-- --output <file>] [--environment <name>...]`);
    return 2;
  }
  const configDir = configDirFromEnv();
  try {
    const model = loadLandingZone(configDir);
    const unknown = (values.environment ?? []).filter((name) => !model.environments.some((environment) => environment.name === name));
    if (unknown.length > 0) {
      console.error(`no such environment: ${unknown.join(', ')}; environments are ${model.environments.map((e) => e.name).join(', ')}`);
      return 2;
    }
    const output = values.output ?? path.join('docs', 'topology.md');
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(
      output,
      renderTopologyMarkdown(model, { environments: values.environment, source: `${configDir.replace(/\/$/, '')}/` }),
    );
    console.log(`wrote the topology of ${model.environments.length} environments to ${output}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(error.message);
    return 1;
  }
}

process.exitCode = main();
