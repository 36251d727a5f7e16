import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigValidationError } from '../../model/problems';
import { readStackJson, readSynthOutput, stackNamed, synthesize, SynthOutputError } from '../../pipeline/synth-output';
import { SAMPLE_DIR } from '../support/config';

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lz-synth-output-'));

function writeOutput(manifest: unknown): string {
  const outdir = scratch();
  fs.writeFileSync(path.join(outdir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  return outdir;
}

const entry = (name: string, dependencies: string[] = []) => ({
  name,
  constructPath: name,
  workingDirectory: `stacks/${name}`,
  synthesizedStackPath: `stacks/${name}/cdk.tf.json`,
  dependencies,
});

describe('synth output', () => {
  describe('readSynthOutput', () => {
    it('lists every stack by name with its absolute folder, file and dependencies', () => {
      const outdir = writeOutput({
        version: '0.21.0',
        stacks: { 'dev-network-hub': entry('dev-network-hub', ['org']), org: entry('org') },
      });
      const output = readSynthOutput(outdir);
      expect(output.outdir).toBe(path.resolve(outdir));
      expect(output.stacks).toEqual([
        {
          name: 'dev-network-hub',
          dir: path.join(outdir, 'stacks', 'dev-network-hub'),
          file: path.join(outdir, 'stacks', 'dev-network-hub', 'cdk.tf.json'),
          dependencies: ['org'],
        },
        { name: 'org', dir: path.join(outdir, 'stacks', 'org'), file: path.join(outdir, 'stacks', 'org', 'cdk.tf.json'), dependencies: [] },
      ]);
    });

    it('reads a stack by name and says which stacks exist when the name is unknown', () => {
      const outdir = writeOutput({ version: '0.21.0', stacks: { org: entry('org') } });
      fs.mkdirSync(path.join(outdir, 'stacks', 'org'), { recursive: true });
      fs.writeFileSync(path.join(outdir, 'stacks', 'org', 'cdk.tf.json'), '{"resource":{}}');
      const output = readSynthOutput(outdir);
      expect(readStackJson(stackNamed(output, 'org'))).toEqual({ resource: {} });
      expect(() => stackNamed(output, 'hub')).toThrow('no such stack: hub; stacks are org');
    });

    it('tells the user to synthesize when the folder has no manifest', () => {
      const outdir = scratch();
      expect(() => readSynthOutput(outdir)).toThrow(SynthOutputError);
      expect(() => readSynthOutput(outdir)).toThrow(`${path.join(outdir, 'manifest.json')} does not exist: synthesize first`);
    });

    it('rejects a manifest that is not JSON or not a cdktf manifest, naming the file', () => {
      const broken = writeOutput('{"stacks":');
      expect(() => readSynthOutput(broken)).toThrow(`${path.join(broken, 'manifest.json')} is not valid JSON`);
      const foreign = writeOutput({ name: 'something else' });
      expect(() => readSynthOutput(foreign)).toThrow('is not a cdktf manifest: it has no "stacks" object');
      const partial = writeOutput({ stacks: { org: { name: 'org' } } });
      expect(() => readSynthOutput(partial)).toThrow('stack org has no workingDirectory or synthesizedStackPath');
    });
  });

  describe('synthesize', () => {
    describe('with the sample organization', () => {
      const outdir = scratch();
      const lines: string[] = [];
      const synthesis = synthesize(
        SAMPLE_DIR,
        { mode: 'offline', outdir, stateDir: path.join(outdir, 'state') },
        { log: (line) => lines.push(line) },
      );

      it('writes every stack, each with its cdk.tf.json, and the manifest lists their dependencies', () => {
        expect(synthesis.output.stacks.map((stack) => stack.name)).toEqual(expect.arrayContaining(['org', 'dev-network-hub']));
        for (const stack of synthesis.output.stacks) expect(fs.existsSync(stack.file)).toBe(true);
        expect(stackNamed(synthesis.output, 'dev-network-hub').dependencies).toContain('org');
      });

      it('runs the policy pack over every stack and prints its report', () => {
        expect(synthesis.policy.stacks).toEqual(synthesis.output.stacks.map((stack) => stack.name));
        expect(lines.join('\n')).toMatch(/^policy: \d+ rules over \d+ stacks: 0 errors/m);
      });

      it('returns the model and how long each step took', () => {
        expect(synthesis.model.environments.map((environment) => environment.name).sort()).toEqual(['dev', 'prod', 'staging']);
        expect(synthesis.seconds.synth).toBeGreaterThan(0);
      });
    });

    it('throws ConfigValidationError for a config folder that does not exist, before writing anything', () => {
      const outdir = scratch();
      expect(() => synthesize(path.join(outdir, 'missing'), { mode: 'offline', outdir, stateDir: outdir })).toThrow(ConfigValidationError);
      expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
    });
  });
});
