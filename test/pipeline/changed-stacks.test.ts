import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareSynthOutputs, normalizeStackJson, RefSynthError, synthesizeAtRef, UnknownRefError } from '../../pipeline/changed-stacks';
import { edit, sampleModel, sampleTexts } from '../support/config';
import { synthesize, type Synthesized } from '../support/synth';

describe('changed stacks', () => {
  let base: Synthesized;
  beforeAll(() => {
    base = synthesize(sampleModel());
  });
  afterAll(() => base && fs.rmSync(base.outdir, { recursive: true, force: true }));

  function compareWith(texts: ReturnType<typeof sampleTexts>) {
    const head = synthesize(sampleModel(texts));
    try {
      return compareSynthOutputs(base.outdir, head.outdir);
    } finally {
      fs.rmSync(head.outdir, { recursive: true, force: true });
    }
  }

  describe('with the same config', () => {
    it('finds every stack unchanged', () => {
      const comparison = compareWith(sampleTexts());
      expect(comparison.changed).toEqual([]);
      expect(comparison.unchanged).toEqual(Object.keys(base.stacks).sort());
    });
  });

  describe("after a change to one account's VPC", () => {
    it("plans only that account's spoke stack", () => {
      const texts = edit(sampleTexts(), 'environments/dev.yaml', (doc) =>
        doc.setIn(['accounts', 'payments-dev', 'vpc', 'subnets', 'data'], 25),
      );
      const comparison = compareWith(texts);
      expect(comparison.changed).toEqual(['dev-spoke-payments-dev']);
      expect(comparison.unchanged).toContain('dev-network-hub');
      expect(comparison.unchanged).toContain('prod-spoke-payments-prod');
      expect(comparison.removed).toEqual([]);
    });
  });

  describe('after vending an account with a VPC', () => {
    it('counts its new stack as added and changed, along with the stacks that learn about it', () => {
      const texts = edit(sampleTexts(), 'environments/dev.yaml', (doc) =>
        doc.setIn(
          ['accounts', 'inventory-dev'],
          doc.createNode({ email: 'aws+inventory-dev@acme.example', ou: 'NonProd', vpc: { cidr: '10.20.0.0/18' } }),
        ),
      );
      const comparison = compareWith(texts);
      expect(comparison.added).toEqual(['dev-spoke-inventory-dev']);
      expect(comparison.changed).toContain('dev-spoke-inventory-dev');
      expect(comparison.changed).toContain('org');
      expect(comparison.changed.filter((stack) => stack.startsWith('prod-') || stack.startsWith('staging-'))).toEqual([]);
    });
  });

  describe('after removing an account', () => {
    it('lists its stack as removed, not as changed', () => {
      const texts = edit(sampleTexts(), 'environments/prod.yaml', (doc) => doc.deleteIn(['accounts', 'analytics-prod']));
      const comparison = compareWith(texts);
      expect(comparison.removed).toEqual(['prod-spoke-analytics-prod']);
      expect(comparison.changed).not.toContain('prod-spoke-analytics-prod');
      expect(comparison.unchanged).not.toContain('prod-spoke-analytics-prod');
    });
  });
});

describe('stack JSON comparison', () => {
  describe('normalizing', () => {
    it('ignores only "//" comment keys, at any depth', () => {
      const a = {
        '//': { metadata: { version: '0.21.0' } },
        resource: { aws_vpc: { v: { '//': { path: 'a/b' }, cidr_block: '10.0.0.0/16' } } },
      };
      const b = {
        '//': { metadata: { version: '0.22.0' } },
        resource: { aws_vpc: { v: { '//': { path: 'a/c' }, cidr_block: '10.0.0.0/16' } } },
      };
      expect(normalizeStackJson(a)).toEqual(normalizeStackJson(b));
      expect(normalizeStackJson(a)).not.toEqual(normalizeStackJson({ ...b, resource: { aws_vpc: { v: { cidr_block: '10.1.0.0/16' } } } }));
    });
  });
});

describe('synthesizing at a git ref', () => {
  const ROOT = path.join(__dirname, '..', '..');
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-git-fixture-'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-git-out-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
  // A stand-in app: writes a cdktf-shaped manifest and one cdk.tf.json per entry of environments/stacks.json.
  const fakeApp = `const fs = require('fs');
const path = require('path');
const out = process.env.CDKTF_OUTDIR;
const stacks = JSON.parse(fs.readFileSync(path.join(process.env.LZ_CONFIG_DIR || 'environments', 'stacks.json'), 'utf8'));
if (stacks.fail) throw new Error('this revision does not synthesize');
const manifest = { stacks: {} };
for (const [name, resource] of Object.entries(stacks)) {
  fs.mkdirSync(path.join(out, 'stacks', name), { recursive: true });
  const json = { '//': { metadata: { mode: process.env.LZ_OFFLINE } }, resource };
  fs.writeFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
  manifest.stacks[name] = { name, workingDirectory: 'stacks/' + name, synthesizedStackPath: 'stacks/' + name + '/cdk.tf.json', dependencies: [] };
}
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
`;
  const commit = (stacks: object, message: string) => {
    fs.writeFileSync(path.join(repo, 'environments', 'stacks.json'), JSON.stringify(stacks));
    git('add', '.');
    git('commit', '-q', '-m', message);
  };

  beforeAll(() => {
    git('init', '-q');
    fs.mkdirSync(path.join(repo, 'environments'));
    fs.writeFileSync(path.join(repo, 'main.ts'), fakeApp);
    fs.writeFileSync(
      path.join(repo, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node' } }),
    );
    fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules\n');
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
    commit({ a: { r: 1 }, b: { r: 1 }, gone: { r: 1 } }, 'first');
    commit({ a: { r: 1 }, b: { r: 2 }, new: { r: 1 } }, 'second');
  });
  afterAll(() => {
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const synthAt = (ref: string, outdir: string) =>
    synthesizeAtRef({ repoDir: repo, ref, outdir: path.join(scratch, outdir), mode: 'offline', stateDir: path.join(scratch, 'state') });

  it("runs the ref's own main.ts on the ref's own config, offline, and finds what changed", async () => {
    await synthAt('HEAD~1', 'base');
    await synthAt('HEAD', 'head');
    expect(JSON.parse(fs.readFileSync(path.join(scratch, 'base', 'stacks', 'a', 'cdk.tf.json'), 'utf8'))['//'].metadata.mode).toBe('1');
    expect(compareSynthOutputs(path.join(scratch, 'base'), path.join(scratch, 'head'))).toEqual({
      changed: ['b', 'new'],
      added: ['new'],
      unchanged: ['a'],
      removed: ['gone'],
    });
  });

  it('leaves no worktree behind', () => {
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('reports a revision that does not synthesize, and still removes the worktree', async () => {
    commit({ fail: true }, 'broken');
    await expect(synthAt('HEAD', 'broken')).rejects.toThrow(RefSynthError);
    await expect(synthAt('HEAD', 'broken')).rejects.toThrow(/synthesizing HEAD failed:[\s\S]*this revision does not synthesize/);
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('reports a ref that does not exist', async () => {
    await expect(synthAt('no-such-branch', 'none')).rejects.toThrow(UnknownRefError);
    await expect(synthAt('no-such-branch', 'none')).rejects.toThrow('--changed-since: no-such-branch is not a commit in');
  });
});
