import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_RULES } from '../../../model/validate';

/** Rule tests live beside this file, and with each workload platform under test/model/workloads/. */
const TEST_DIRS = [__dirname, path.join(__dirname, '..', 'workloads')];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.ts') && file !== __filename ? [file] : [];
  });
}

/** The text of each `describe('<rule id>', ...)` block in the rule tests, by id. */
function describeBlocks(): Map<string, string> {
  const text = TEST_DIRS.flatMap(testFiles)
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
  const blocks = new Map<string, string>();
  const parts = text.split(/(?=describe\(')/);
  for (const part of parts) {
    const id = /^describe\('([^']+)'/.exec(part)?.[1];
    if (id) blocks.set(id, part);
  }
  return blocks;
}

describe('config rule registry', () => {
  it('gives every rule a readable <domain>/<name> id, used once, and a description', () => {
    const ids = CONFIG_RULES.map((rule) => rule.id);
    expect(ids.filter((id) => !/^[a-z0-9]+\/[a-z0-9-]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CONFIG_RULES.filter((rule) => rule.description.length < 20).map((rule) => rule.id)).toEqual([]);
  });

  it('has a passing and a failing test for every rule (a describe block named by its id)', () => {
    const blocks = describeBlocks();
    const untested = CONFIG_RULES.filter((rule) => {
      const block = blocks.get(rule.id);
      return !block || !/it\(['"](passes|accepts)/.test(block) || !/it\(['"](fails|rejects)/.test(block);
    }).map((rule) => rule.id);
    expect(untested).toEqual([]);
  });

  it('groups rules in one file per domain, named like the id prefix', () => {
    const rulesDir = path.join(__dirname, '..', '..', '..', 'model', 'validate', 'rules');
    const files = new Set(fs.readdirSync(rulesDir).map((name) => name.replace(/\.ts$/, '')));
    expect(CONFIG_RULES.map((rule) => rule.id.split('/')[0]).filter((domain) => !files.has(domain))).toEqual([]);
  });
});
