import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readableStack } from '../../pipeline/readable-stacks';
import { sampleModel, SAMPLE_DIR } from '../support/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build') as {
  build(options?: { root?: string; out?: string; sources?: string[] }): { files: number; transpiled: number; removed: number };
};

const REPO = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const cdktfJson = JSON.parse(fs.readFileSync(path.join(REPO, 'cdktf.json'), 'utf8'));

describe('the compiled app (issue 11 item 2)', () => {
  describe('the commands users run', () => {
    it.each(['synth', 'plan', 'deploy', 'summarize', 'check', 'schema', 'diagram', 'bench'])(
      'npm run %s builds, then runs JavaScript from dist/ without ts-node',
      (script) => {
        expect(packageJson.scripts[script]).toMatch(/^node scripts\/build\.js && node dist\/[\w/-]+\.js$/);
      },
    );

    it('cdktf synth and cdktf deploy run the same compiled app', () => {
      expect(cdktfJson.app).toBe(packageJson.scripts.synth);
    });

    it('keeps type checking a separate step of npm test', () => {
      expect(packageJson.scripts.test).toMatch(/^npm run typecheck && /);
    });
  });

  describe('node dist/main.js on the sample organization', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-compiled-'));
    const child = spawnSync(process.execPath, [path.join(REPO, 'dist', 'main.js')], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, LZ_CONFIG_DIR: SAMPLE_DIR, CDKTF_OUTDIR: outdir, LZ_OFFLINE: '1', CHECKPOINT_DISABLE: '1' },
    });
    afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

    it('synthesizes every stack of the model', () => {
      expect(child.stderr).not.toMatch(/Error/);
      expect(child.status).toBe(0);
      const stacks = fs.readdirSync(path.join(outdir, 'stacks')).sort();
      expect(stacks).toEqual(
        sampleModel()
          .stacks.map((plan) => plan.name)
          .sort(),
      );
    });
  });

  describe('the build', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-build-'));
    const out = path.join(root, 'dist');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write(
      'model/boom.ts',
      [
        'interface Shape {',
        '  readonly side: number;',
        '}',
        'type Sides = readonly Shape[];',
        '',
        'export function boom(sides: Sides): number {',
        "  if (sides.length === 0) throw new Error('no sides');",
        '  return sides.length;',
        '}',
        '',
      ].join('\n'),
    );
    write('model/other.ts', 'export const other = 1;\n');
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('transpiles every source once, then only what changed, and removes outputs of deleted sources', () => {
      expect(build({ root, out, sources: ['model'] })).toMatchObject({ files: 2, transpiled: 2, removed: 0 });
      expect(build({ root, out, sources: ['model'] })).toMatchObject({ transpiled: 0 });
      fs.rmSync(path.join(root, 'model', 'other.ts'));
      expect(build({ root, out, sources: ['model'] })).toMatchObject({ files: 1, transpiled: 0, removed: 2 });
      expect(fs.readdirSync(path.join(out, 'model')).sort()).toEqual(['boom.js', 'boom.js.map']);
    });

    it('maps a crash in the transpiled code back to the TypeScript line', () => {
      build({ root, out, sources: ['model'] });
      // In a child process: jest would map the trace itself.
      const script = `try { require(${JSON.stringify(path.join(out, 'model', 'boom.js'))}).boom([]); } catch (error) { process.stdout.write(error.stack); }`;
      const raw = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
      expect(raw).toContain(`${path.join(out, 'model', 'boom.js')}:`);
      const thrown = Object.assign(new Error('no sides'), { stack: raw });
      const mapped = readableStack(thrown);
      expect(mapped).toContain(`${path.join(root, 'model', 'boom.ts')}:7:`);
      expect(mapped.split('\n')[0]).toBe('Error: no sides');
    });

    it('names the file of a syntax error and writes nothing for it', () => {
      write('broken/bad.ts', 'export const = 1;\n');
      expect(() => build({ root, out, sources: ['broken'] })).toThrow(/^broken\/bad\.ts: /);
      expect(fs.existsSync(path.join(out, 'broken', 'bad.js'))).toBe(false);
    });
  });
});
