import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedConfig, ParsedEnvironment, ParsedOrg, UnparsedPart } from './parsed-config';
import { ConfigValidationError, type ConfigProblem } from './problems';
import { resolveLandingZone } from './resolve';
import { EnvironmentConfigSchema, OrgConfigSchema } from './schema';
import { checkAgainstSchema } from './schema-issues';
import type { LandingZone } from './types';
import { validateConfig } from './validate';
import { parseWorkloadsText } from './workloads/load';
import type { ParsedWorkloads } from './workloads/types';
import { parseYamlSource } from './yaml-source';

/** A config file's display name (e.g. `environments/prod.yaml`) and its text. */
export interface ConfigText {
  readonly file: string;
  readonly text: string;
  /** Why the file could not be read (then `text` is empty); reported with every other problem. */
  readonly readProblem?: ConfigProblem;
}

export const DEFAULT_CONFIG_DIR = 'environments';
/** Config files by extension, whatever its case: `dev.yaml`, `dev.YML` and `dev.json` all define the environment dev. */
const CONFIG_FILE = /\.(ya?ml|json)$/i;
const ORG_FILE = /^org\.(ya?ml|json)$/i;
/** Larger than any real config (a 500-account environment is ~100 KiB); keeps parsing under a few seconds. */
export const MAX_CONFIG_FILE_BYTES = 512 * 1024;
/** It becomes part of stack names and of `<organization>-<environment>` (VPC Lattice: no leading, trailing or double hyphen). */
const ENVIRONMENT_NAME = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,15}$/;

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
  const names = fs.readdirSync(configDir);
  // environments/<env>/<account>.yaml: one workloads file per account, owned by its team.
  const workloadFiles = names
    .filter((name) => ENVIRONMENT_NAME.test(name) && isDirectory(path.join(configDir, name)))
    .flatMap((folder) =>
      fs
        .readdirSync(path.join(configDir, folder))
        .filter((name) => CONFIG_FILE.test(name))
        .map((name) => `${folder}/${name}`),
    );
  return [...names.filter((name) => CONFIG_FILE.test(name)), ...workloadFiles]
    .sort()
    .map((name) => readConfigFile(path.join(configDir, name)));
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads one config file defensively: only a regular file (after following links), at most
 * MAX_CONFIG_FILE_BYTES, valid UTF-8. Opened without blocking and checked on the open handle, so
 * a FIFO, a device or a file swapped after the check is never read until memory runs out.
 */
function readConfigFile(file: string): ConfigText {
  const display = displayPath(file);
  const unreadable = (message: string, fix: string): ConfigText => ({
    file: display,
    text: '',
    readProblem: { file: display, path: '', message, fix },
  });
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return unreadable('is a link to a file that does not exist', 'point the link at a config file, or remove it');
    if (code === 'ELOOP') return unreadable('is a link that loops', 'point the link at a config file, or remove it');
    return unreadable(
      `cannot be opened (${code ?? 'unknown error'})`,
      'make it a readable regular file, or move it out of the config folder',
    );
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (stat.isDirectory())
      return unreadable(
        'is a directory',
        'config files are regular files; rename the directory so it does not end in .yaml, .yml or .json',
      );
    if (!stat.isFile())
      return unreadable(`is not a regular file (${fileKind(stat)})`, 'replace it with a regular file, or move it out of the config folder');
    const buffer = readAtMost(descriptor, MAX_CONFIG_FILE_BYTES + 1);
    if (buffer.length > MAX_CONFIG_FILE_BYTES) {
      return unreadable(
        `is larger than ${MAX_CONFIG_FILE_BYTES / 1024} KiB`,
        'a config file this large is not a landing-zone config; check what it holds',
      );
    }
    try {
      return { file: display, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer) };
    } catch {
      return unreadable('is not UTF-8 text', 'save it as UTF-8');
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

function readAtMost(descriptor: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  while (length < limit) {
    const read = fs.readSync(descriptor, buffer, length, limit - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

function fileKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

export function landingZoneFromTexts(texts: readonly ConfigText[]): LandingZone {
  const { parsed, problems } = parseConfig(texts);
  problems.push(...validateConfig(parsed));
  if (problems.length > 0) throw new ConfigValidationError(sortByLocation(problems));
  return resolveLandingZone(parsed.org!, parsed.environments, parsed.workloads);
}

/** Parses every file (YAML, then schema); files and entries that fail are left out and listed in `parsed.unparsed`. */
export function parseConfig(texts: readonly ConfigText[]): { parsed: ParsedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [...checkFileSet(texts)];
  const unparsed: UnparsedPart[] = [];
  let org: ParsedOrg | undefined;
  const environments: ParsedEnvironment[] = [];
  const workloads: ParsedWorkloads[] = [];
  const configDir = configDirOf(texts);
  const environmentFiles = new Map<string, string>();
  for (const text of texts) {
    if (path.dirname(text.file) !== configDir) {
      const result = parseWorkloadsText(text);
      problems.push(...result.problems);
      unparsed.push(...result.unparsed);
      if (result.parsed) workloads.push(result.parsed);
      continue;
    }
    const isOrg = ORG_FILE.test(path.basename(text.file));
    const name = path.basename(text.file).replace(CONFIG_FILE, '');
    if (!isOrg && environmentFiles.has(name)) {
      problems.push({
        file: text.file,
        path: '',
        message: `defines the environment ${name} a second time (${environmentFiles.get(name)} defines it too)`,
        fix: 'keep one file per environment; merge the two, or rename one of them',
      });
      continue;
    }
    if (!isOrg) environmentFiles.set(name, text.file);
    const file = parseFile(text, isOrg, name);
    problems.push(...file.problems);
    unparsed.push(...file.unparsed);
    if (file.org && !org) org = file.org;
    if (file.environment) environments.push(file.environment);
  }
  return { parsed: { org, environments, workloads, unparsed }, problems };
}

interface ParsedFile {
  readonly problems: readonly ConfigProblem[];
  readonly unparsed: readonly UnparsedPart[];
  readonly org?: ParsedOrg;
  readonly environment?: ParsedEnvironment;
}

function parseFile(text: ConfigText, isOrg: boolean, name: string): ParsedFile {
  const part = isOrg ? ({ kind: 'org' } as const) : ({ kind: 'environment', environment: name } as const);
  const whole = [{ ...part, path: [] }];
  if (text.readProblem) return { problems: [text.readProblem], unparsed: whole };
  const source = parseYamlSource(text.file, text.text);
  const sourceProblems = Array.isArray(source) ? source : [];
  if (!isOrg && !ENVIRONMENT_NAME.test(name)) {
    const problem = {
      file: text.file,
      path: '',
      message: `names an environment "${name}" that cannot be used in stack names`,
      fix: 'rename the file to 1–16 lowercase letters, digits and single hyphens, starting with a letter, e.g. prod.yaml',
    };
    return { problems: [...sourceProblems, problem], unparsed: [] };
  }
  if (Array.isArray(source)) return { problems: sourceProblems, unparsed: whole };
  if (isOrg) {
    const result = checkAgainstSchema(source, OrgConfigSchema);
    const unparsed = result.value ? result.dropped.map((entry) => ({ ...part, path: entry })) : whole;
    return { problems: result.problems, unparsed, org: result.value && { source, config: result.value } };
  }
  const result = checkAgainstSchema(source, EnvironmentConfigSchema);
  const unparsed = result.value ? result.dropped.map((entry) => ({ ...part, path: entry })) : whole;
  return { problems: result.problems, unparsed, environment: result.value && { name, source, config: result.value } };
}

/** Exactly one org file, and at least one environment file. */
function checkFileSet(texts: readonly ConfigText[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const orgTexts = texts.filter((text) => ORG_FILE.test(path.basename(text.file)));
  const directory = configDirOf(texts);
  if (orgTexts.length !== 1) {
    problems.push({
      file: orgTexts[1]?.file ?? `${directory}/org.yaml`,
      path: '',
      message: orgTexts.length === 0 ? 'is missing' : `is a second organization file (beside ${orgTexts[0].file})`,
      fix: orgTexts.length === 0 ? 'create org.yaml with the organization-wide settings' : 'keep exactly one org.yaml (or org.json)',
    });
  }
  if (texts.every((text) => ORG_FILE.test(path.basename(text.file)) || path.dirname(text.file) !== directory)) {
    problems.push({ file: directory, path: '', message: 'holds no environment file', fix: 'add one file per environment, e.g. dev.yaml' });
  }
  return problems;
}

/** The folder holding org.yaml and the environment files: the shallowest folder of any file. */
function configDirOf(texts: readonly ConfigText[]): string {
  const folders = texts.map((text) => path.dirname(text.file)).sort((a, b) => a.split('/').length - b.split('/').length);
  return folders[0] ?? DEFAULT_CONFIG_DIR;
}

function sortByLocation(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') ? path.resolve(file) : relative.split(path.sep).join('/');
}
