import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedConfig, ParsedEnvironment, ParsedOrg, UnparsedPart } from './parsed-config';
import { ConfigValidationError, type ConfigProblem } from './problems';
import { resolveLandingZone } from './resolve';
import { EnvironmentConfigSchema, OrgConfigSchema } from './schema';
import { checkAgainstSchema } from './schema-issues';
import type { LandingZone } from './types';
import { validateConfig } from './validate';
import { parseYamlSource } from './yaml-source';

/** A config file's display name (e.g. `environments/prod.yaml`) and its text. */
export interface ConfigText {
  readonly file: string;
  readonly text: string;
}

export const DEFAULT_CONFIG_DIR = 'environments';
const CONFIG_FILE = /\.(ya?ml|json)$/;
const ORG_FILE = /^org\.(ya?ml|json)$/;
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,15}$/;

/** The config directory: `LZ_CONFIG_DIR`, or `environments/`. */
export function configDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR;
}

/** Loads, validates and resolves the landing zone; throws ConfigValidationError listing every problem. */
export function loadLandingZone(configDir: string = configDirFromEnv()): LandingZone {
  return landingZoneFromTexts(readConfigDir(configDir));
}

export function readConfigDir(configDir: string): ConfigText[] {
  if (!fs.existsSync(configDir) || !fs.statSync(configDir).isDirectory()) {
    throw new ConfigValidationError([
      {
        file: displayPath(configDir),
        path: '',
        message: 'is not a directory',
        fix: 'point LZ_CONFIG_DIR at the folder holding org.yaml and one file per environment',
      },
    ]);
  }
  return fs
    .readdirSync(configDir)
    .filter((name) => CONFIG_FILE.test(name))
    .sort()
    .map((name) => ({ file: displayPath(path.join(configDir, name)), text: fs.readFileSync(path.join(configDir, name), 'utf8') }));
}

export function landingZoneFromTexts(texts: readonly ConfigText[]): LandingZone {
  const { parsed, problems } = parseConfig(texts);
  problems.push(...validateConfig(parsed));
  if (problems.length > 0) throw new ConfigValidationError(sortByLocation(problems));
  return resolveLandingZone(parsed.org!, parsed.environments);
}

/** Parses every file (YAML, then schema); files and entries that fail are left out and listed in `parsed.unparsed`. */
export function parseConfig(texts: readonly ConfigText[]): { parsed: ParsedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [...checkFileSet(texts)];
  const unparsed: UnparsedPart[] = [];
  let org: ParsedOrg | undefined;
  const environments: ParsedEnvironment[] = [];
  for (const text of texts) {
    const isOrg = ORG_FILE.test(path.basename(text.file));
    const name = path.basename(text.file).replace(CONFIG_FILE, '');
    const source = parseYamlSource(text.file, text.text);
    if (!isOrg && !ENVIRONMENT_NAME.test(name)) {
      if (Array.isArray(source)) problems.push(...source);
      problems.push({
        file: text.file,
        path: '',
        message: `names an environment "${name}" that cannot be used in stack names`,
        fix: 'rename the file to 1–16 lowercase letters, digits and hyphens, e.g. prod.yaml',
      });
      continue;
    }
    const part = isOrg ? ({ kind: 'org' } as const) : ({ kind: 'environment', environment: name } as const);
    if (Array.isArray(source)) {
      problems.push(...source);
      unparsed.push({ ...part, path: [] });
      continue;
    }
    const result = isOrg ? checkAgainstSchema(source, OrgConfigSchema) : checkAgainstSchema(source, EnvironmentConfigSchema);
    problems.push(...result.problems);
    unparsed.push(...(result.value ? result.dropped.map((entry) => ({ ...part, path: entry })) : [{ ...part, path: [] }]));
    if (result.value && isOrg && !org) org = { source, config: result.value as ParsedOrg['config'] };
    if (result.value && !isOrg) environments.push({ name, source, config: result.value as ParsedEnvironment['config'] });
  }
  return { parsed: { org, environments, unparsed }, problems };
}

/** Exactly one org file, and at least one environment file. */
function checkFileSet(texts: readonly ConfigText[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const orgTexts = texts.filter((text) => ORG_FILE.test(path.basename(text.file)));
  const directory = texts.length > 0 ? path.dirname(texts[0].file) : DEFAULT_CONFIG_DIR;
  if (orgTexts.length !== 1) {
    problems.push({
      file: orgTexts[1]?.file ?? `${directory}/org.yaml`,
      path: '',
      message: orgTexts.length === 0 ? 'is missing' : 'is a second organization file',
      fix: orgTexts.length === 0 ? 'create org.yaml with the organization-wide settings' : 'keep exactly one org.yaml (or org.json)',
    });
  }
  if (texts.every((text) => ORG_FILE.test(path.basename(text.file)))) {
    problems.push({ file: directory, path: '', message: 'holds no environment file', fix: 'add one file per environment, e.g. dev.yaml' });
  }
  return problems;
}

function sortByLocation(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') ? path.resolve(file) : relative.split(path.sep).join('/');
}
