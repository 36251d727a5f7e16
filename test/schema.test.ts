import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchemas } from '../model/json-schema';

describe('JSON Schema for editors', () => {
  it('is committed and matches the zod schema (run npm run schema after changing it)', () => {
    for (const [file, schema] of Object.entries(configJsonSchemas())) {
      const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'schema', file), 'utf8'));
      expect({ file, schema: committed }).toEqual({ file, schema: JSON.parse(JSON.stringify(schema)) });
    }
  });

  it('rejects unknown keys in every object', () => {
    const environment = configJsonSchemas()['environment.schema.json'] as { additionalProperties?: boolean };
    expect(environment.additionalProperties).toBe(false);
  });
});
