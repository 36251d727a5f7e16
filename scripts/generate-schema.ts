/* npm run schema: writes the JSON Schemas editors use to autocomplete and check the config. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchemas } from '../model/json-schema';
import { installReadableStacks } from '../pipeline/readable-stacks';

installReadableStacks();

for (const [file, schema] of Object.entries(configJsonSchemas())) {
  const target = path.join('schema', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
