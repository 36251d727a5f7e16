import * as path from 'node:path';
import { readConfigDir, type ConfigText } from '../../../model/load';
import { replaceText } from '../../support/config';

/** The sample organization with its workloads files (environments/<env>/<account>.yaml). */
export function sampleWithWorkloads(): ConfigText[] {
  const dir = path.join(__dirname, '..', '..', '..', 'environments');
  return readConfigDir(dir).map((text) => ({
    ...text,
    file: `environments/${path.relative(dir, path.resolve(text.file)).split(path.sep).join('/')}`,
  }));
}

/** The texts with whole workloads files put in (or replaced), by `<env>/<account>`. */
export function withFiles(texts: readonly ConfigText[], files: Readonly<Record<string, string>>): ConfigText[] {
  return Object.entries(files).reduce<ConfigText[]>((all, [name, text]) => replaceText(all, `environments/${name}.yaml`, text), [...texts]);
}

/** A problem without its line and column, which move whenever the sample is edited. */
export function unlocated(problem: string): string {
  return problem.replace(/^([^:]+):\d+:\d+: /, '$1: ');
}
