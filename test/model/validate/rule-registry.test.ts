import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_RULES } from '../../../model/validate';

const TEST_DIR = __dirname;

/** The text of each `describe('<rule id>', ...)` block in the rule tests, by id. */
function describeBlocks(): Map<string, string> {
  const text = fs
    .readdirSync(TEST_DIR)
    .filter((name) => name.endsWith('.test.ts') && name !== path.basename(__filename))
    .map((name) => fs.readFileSync(path.join(TEST_DIR, name), 'utf8'))
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
      return !block || !/it\(['"]passes/.test(block) || !/it\(['"]fails/.test(block);
    }).map((rule) => rule.id);
    expect(untested).toEqual([]);
  });

  it('groups rules in one file per domain, named like the id prefix', () => {
    const rulesDir = path.join(__dirname, '..', '..', '..', 'model', 'validate', 'rules');
    const files = new Set(fs.readdirSync(rulesDir).map((name) => name.replace(/\.ts$/, '')));
    expect(CONFIG_RULES.map((rule) => rule.id.split('/')[0]).filter((domain) => !files.has(domain))).toEqual([]);
  });
});
