import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { landingZoneFromTexts, type ConfigText } from '../../model/load';
import { ConfigValidationError, formatProblem } from '../../model/problems';
import type { LandingZone } from '../../model/types';

export const SAMPLE_DIR = path.join(__dirname, '..', '..', 'environments');

/** The sample organization's files (workloads files included), named as a user sees them (`environments/dev/orders-dev.yaml`). */
export function sampleTexts(): ConfigText[] {
  const files = fs
    .readdirSync(SAMPLE_DIR)
    .flatMap((name) =>
      fs.statSync(path.join(SAMPLE_DIR, name)).isDirectory()
        ? fs.readdirSync(path.join(SAMPLE_DIR, name)).map((file) => `${name}/${file}`)
        : [name],
    );
  return files
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `environments/${name}`, text: fs.readFileSync(path.join(SAMPLE_DIR, name), 'utf8') }));
}

export function withoutFile(texts: readonly ConfigText[], file: string): ConfigText[] {
  if (!texts.some((text) => text.file === file)) throw new Error(`no ${file} in the fixture`);
  return texts.filter((text) => text.file !== file);
}

/** A copy of `texts` with `file` edited through the YAML document API (comments and layout kept). */
export function edit(texts: readonly ConfigText[], file: string, change: (doc: ReturnType<typeof parseDocument>) => void): ConfigText[] {
  if (!texts.some((text) => text.file === file)) throw new Error(`no ${file} in the fixture`);
  return texts.map((text) => {
    if (text.file !== file) return text;
    const doc = parseDocument(text.text);
    change(doc);
    return { file, text: doc.toString() };
  });
}

export function replaceText(texts: readonly ConfigText[], file: string, text: string): ConfigText[] {
  const rest = texts.filter((candidate) => candidate.file !== file);
  return [...rest, { file, text }].sort((a, b) => a.file.localeCompare(b.file));
}

/** The formatted problems the config produces; fails the test if it loads. */
export function problemsOf(texts: readonly ConfigText[]): string[] {
  try {
    landingZoneFromTexts(texts);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the config to be rejected, but it loaded');
}

export function sampleModel(texts: readonly ConfigText[] = sampleTexts()): LandingZone {
  return landingZoneFromTexts(texts);
}
