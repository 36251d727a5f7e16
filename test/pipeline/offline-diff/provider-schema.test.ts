import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readProviderSchemas } from '../../../pipeline/offline-diff/provider-schema';
import { terraform } from '../../../pipeline/terraform';

jest.mock('../../../pipeline/terraform', () => ({ terraform: jest.fn() }));

const schemaJson = JSON.stringify({
  provider_schemas: { 'registry.terraform.io/hashicorp/aws': { resource_schemas: { aws_vpc: { version: 1, block: {} } } } },
});

describe('provider schemas for the offline diff', () => {
  it('runs terraform providers schema once for stacks read in parallel, then serves the cache file', async () => {
    const run = jest.mocked(terraform).mockResolvedValue({ stdout: schemaJson, stderr: '', seconds: 1 });
    const cacheFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-schemas-')), 'schemas.json');
    const parallel = await Promise.all(['a', 'b', 'c'].map((stack) => readProviderSchemas(stack, {}, cacheFile)));
    const later = await readProviderSchemas('d', {}, cacheFile);
    expect(run).toHaveBeenCalledTimes(1);
    expect([...parallel, later].map((schemas) => schemas.resources.get('aws_vpc')?.version)).toEqual([1, 1, 1, 1]);
    expect(fs.readFileSync(cacheFile, 'utf8')).toBe(schemaJson);
  });
});
