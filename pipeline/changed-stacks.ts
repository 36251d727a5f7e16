import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import { loadLandingZone } from '../model/load';
import type { SynthSettings } from '../stacks/settings';
import { readStackJson, readSynthOutput, synthesizeModel } from './synth-output';

/*
 * `npm run plan -- --changed-since <ref>`: which stacks' synthesized Terraform differs between a git
 * ref and the working tree. The ref is checked out in a temporary worktree that borrows this
 * checkout's node_modules, and its own main.ts synthesizes its own environments/. Both sides are
 * synthesized with the same mode and into folders of the same shape, so relative paths (offline
 * state, live local state) come out the same when nothing changed.
 */

const execFileAsync = promisify(execFile);

/** The ref does not name a commit of the repository. */
export class UnknownRefError extends Error {
  constructor(ref: string, root: string) {
    super(`--changed-since: ${ref} is not a commit in ${root} (fetch it first, e.g. git fetch origin main)`);
    this.name = 'UnknownRefError';
  }
}

/** The ref exists but its app did not synthesize (broken config or code at that commit). */
export class RefSynthError extends Error {
  constructor(
    readonly ref: string,
    readonly output: string,
  ) {
    super(`synthesizing ${ref} failed:\n${output}`);
    this.name = 'RefSynthError';
  }
}

export interface StackComparison {
  /** Stacks whose Terraform differs, including stacks that are new in the working tree. Sorted. */
  readonly changed: readonly string[];
  /** The new ones among `changed`. */
  readonly added: readonly string[];
  readonly unchanged: readonly string[];
  /** Stacks at the ref that the working tree no longer synthesizes. */
  readonly removed: readonly string[];
}

/** Compares two synth outputs (each with a cdktf manifest.json) stack by stack. */
export function compareSynthOutputs(baseOutdir: string, headOutdir: string): StackComparison {
  const base = readStacks(baseOutdir);
  const head = readStacks(headOutdir);
  const names = Object.keys(head).sort();
  const added = names.filter((name) => !(name in base));
  const changed = names.filter(
    (name) => !(name in base) || !isDeepStrictEqual(normalizeStackJson(base[name]), normalizeStackJson(head[name])),
  );
  return {
    changed,
    added,
    unchanged: names.filter((name) => !changed.includes(name)),
    removed: Object.keys(base)
      .filter((name) => !(name in head))
      .sort(),
  };
}

/**
 * A stack's Terraform JSON without `//` keys: Terraform reads them as comments, and cdktf puts
 * construct paths and its own version there, which change no plan.
 */
export function normalizeStackJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeStackJson);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '//')
      .map(([key, item]) => [key, normalizeStackJson(item)]),
  );
}

function readStacks(outdir: string): Record<string, unknown> {
  return Object.fromEntries(readSynthOutput(outdir).stacks.map((stack) => [stack.name, readStackJson<unknown>(stack)]));
}

export interface SynthAtRefOptions {
  /** Any folder inside the git repository. */
  readonly repoDir: string;
  readonly ref: string;
  /** Where the ref's app writes its synth output (CDKTF_OUTDIR). */
  readonly outdir: string;
  readonly mode: SynthSettings['mode'];
  /** LZ_STATE_DIR for the ref's app. */
  readonly stateDir: string;
  /** Config folder, relative to the repository root or absolute. @default the ref's `environments/` */
  readonly configDir?: string;
}

/**
 * Synthesizes `ref` by running its main.ts in a temporary `git worktree` that links this
 * checkout's node_modules. The worktree is removed afterwards, also when the synth fails.
 */
export async function synthesizeAtRef(options: SynthAtRefOptions): Promise<void> {
  const git = (args: string[], cwd = options.repoDir) => execFileAsync('git', args, { cwd, encoding: 'utf8' });
  const root = (await git(['rev-parse', '--show-toplevel'])).stdout.trim();
  const commit = await git(['rev-parse', '--verify', '--quiet', `${options.ref}^{commit}`]).catch(() => {
    throw new UnknownRefError(options.ref, root);
  });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-changed-since-'));
  const tree = path.join(scratch, 'tree');
  const nodeModules = path.join(tree, 'node_modules');
  try {
    await git(['worktree', 'add', '--detach', '--quiet', tree, commit.stdout.trim()], root);
    fs.symlinkSync(path.join(root, 'node_modules'), nodeModules, 'dir');
    fs.mkdirSync(options.outdir, { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CDKTF_OUTDIR: options.outdir,
      LZ_OFFLINE: options.mode === 'offline' ? '1' : '0',
      LZ_STATE_DIR: options.stateDir,
      CHECKPOINT_DISABLE: '1',
    };
    delete env.LZ_CONFIG_DIR;
    if (options.configDir) env.LZ_CONFIG_DIR = path.resolve(tree, options.configDir);
    try {
      await execFileAsync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'main.ts'], {
        cwd: tree,
        env,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const output = `${(error as { stderr?: string }).stderr ?? ''}${(error as { stdout?: string }).stdout ?? ''}`.trim();
      throw new RefSynthError(options.ref, output || (error as Error).message);
    }
  } finally {
    fs.rmSync(nodeModules, { force: true });
    await git(['worktree', 'remove', '--force', tree], root).catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
    await git(['worktree', 'prune'], root).catch(() => undefined);
  }
}

export interface ChangedSinceOptions {
  readonly ref: string;
  /** The config folder planned now (LZ_CONFIG_DIR or environments/). */
  readonly configDir: string;
  readonly mode: SynthSettings['mode'];
  /** @default process.cwd() */
  readonly repoDir?: string;
  readonly log?: (line: string) => void;
}

/**
 * Stacks whose synthesized Terraform changed between `ref` and the working tree (what
 * `npm run plan` plans, uncommitted edits included).
 */
export async function changedStacksSince(options: ChangedSinceOptions): Promise<StackComparison> {
  const log = options.log ?? ((line: string) => console.log(line));
  const repoDir = options.repoDir ?? process.cwd();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-compare-'));
  try {
    const stateDir = path.join(scratch, 'state');
    const headOut = path.join(scratch, 'head');
    synthesizeModel(loadLandingZone(options.configDir), { mode: options.mode, outdir: headOut, stateDir });
    const root = (await execFileAsync('git', ['rev-parse', '--show-toplevel'], { cwd: repoDir, encoding: 'utf8' })).stdout.trim();
    const configInRepo = path.relative(root, path.resolve(options.configDir));
    const started = Date.now();
    await synthesizeAtRef({
      repoDir,
      ref: options.ref,
      outdir: path.join(scratch, 'base'),
      mode: options.mode,
      stateDir,
      // A config folder outside the repository is not versioned with it: use the same one on both sides.
      configDir: configInRepo.startsWith('..') || path.isAbsolute(configInRepo) ? path.resolve(options.configDir) : configInRepo,
    });
    log(`synthesized ${options.ref} in ${((Date.now() - started) / 1000).toFixed(1)}s to compare`);
    return compareSynthOutputs(path.join(scratch, 'base'), headOut);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export interface StackSelection {
  /** Stacks to plan; undefined for every stack (when the ref does not synthesize). */
  readonly stacks?: readonly string[];
  /** Undefined when the ref does not synthesize. */
  readonly comparison?: StackComparison;
  /** Lines for the summary's headline. */
  readonly notes: readonly string[];
}

/**
 * What `npm run plan -- --changed-since <ref>` plans: the changed stacks (among `named`, when
 * given), with the lists written to `<outdir>/changed-stacks.json`. When the ref's own app does not
 * synthesize, every stack (or every named one) is planned and a note says why.
 */
export async function selectStacksChangedSince(
  options: ChangedSinceOptions & { readonly outdir: string; readonly named?: readonly string[] },
): Promise<StackSelection> {
  const log = options.log ?? ((line: string) => console.log(line));
  let comparison: StackComparison;
  try {
    comparison = await changedStacksSince(options);
  } catch (error) {
    if (!(error instanceof RefSynthError)) throw error;
    const what = options.named ? 'every named stack' : 'every stack';
    log(`${error.message}\n--changed-since: ${options.ref} does not synthesize, so ${what} is planned.`);
    const note = `⚠ ${options.ref} does not synthesize, so ${what} was planned instead of only the changed ones.`;
    return { stacks: options.named, notes: [note] };
  }
  if (options.named) comparison = restrictTo(comparison, options.named);
  const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'none');
  log(`changed since ${options.ref}: ${list(comparison.changed)}\nunchanged, skipped: ${list(comparison.unchanged)}`);
  if (comparison.removed.length > 0)
    log(`removed since ${options.ref}: ${list(comparison.removed)} (not planned; see docs/plan-review.md)`);
  const listFile = path.join(options.outdir, 'changed-stacks.json');
  fs.mkdirSync(options.outdir, { recursive: true });
  fs.writeFileSync(listFile, `${JSON.stringify({ ref: options.ref, ...comparison }, null, 2)}\n`);
  log(`stack lists: ${listFile}`);
  return { stacks: comparison.changed, comparison, notes: [] };
}

function restrictTo(comparison: StackComparison, named: readonly string[]): StackComparison {
  const keep = (names: readonly string[]) => names.filter((name) => named.includes(name));
  return {
    changed: keep(comparison.changed),
    added: keep(comparison.added),
    unchanged: keep(comparison.unchanged),
    removed: keep(comparison.removed),
  };
}
