import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readStackJson, synthesizeModel } from '../../pipeline/synth-output';
import { edit, sampleModel, sampleTexts } from './config';
import { SAMPLE_SYNTH_ENV } from './sample-synth';
import { sampleSynthOf, synthesize } from './synth';

describe("the global setup's synth of the sample", () => {
  const fixture = process.env[SAMPLE_SYNTH_ENV]!;

  it('is what the sample synthesizes to here, handed out as a copy', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-own-synth-'));
    const own = synthesizeModel(sampleModel(), { mode: 'offline', outdir, stateDir: path.join(outdir, 'live-state') });
    const copy = synthesize(sampleModel());
    expect(copy.outdir.startsWith(fixture)).toBe(false);
    expect(copy.output.stacks.map((stack) => stack.name)).toEqual(own.stacks.map((stack) => stack.name));
    for (const stack of own.stacks)
      expect({ name: stack.name, json: copy.stacks[stack.name] }).toEqual({ name: stack.name, json: readStackJson(stack) });
  });

  it('is handed out only for the sample itself, offline', () => {
    const texts = edit(sampleTexts(), 'environments/dev.yaml', (doc) =>
      doc.setIn(['accounts', 'payments-dev', 'vpc', 'subnets', 'data'], 25),
    );
    expect(sampleSynthOf(sampleModel(), 'offline')).toBe(path.join(fixture, 'out'));
    expect(sampleSynthOf(sampleModel(texts), 'offline')).toBeUndefined();
    expect(sampleSynthOf(sampleModel(), 'live')).toBeUndefined();
  });
});
