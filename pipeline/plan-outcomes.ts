import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StackComparison } from './changed-stacks';
import type { StackOutcome } from './plan-stack';
import type { Shard } from './shards';

/*
 * What one `npm run plan` run (or one shard of it) leaves for the pull-request summary:
 * `<outdir>/plan-outcomes.json` beside the stacks' plan.json files. `npm run summarize -- --merge`
 * reads the folders of every shard (and the one with changed-stacks.json) back into one run.
 */

export const PLAN_OUTCOMES_FILE = 'plan-outcomes.json';
/** Written by `npm run plan -- --changed-since <ref>` (see changed-stacks.ts). */
export const CHANGED_STACKS_FILE = 'changed-stacks.json';
/** Written by `npm run plan -- --changed-since <ref> --list`: what the shards of the workflow plan. */
export const PLAN_MATRIX_FILE = 'plan-matrix.json';

export interface PlanMatrix {
  /** Every stack to plan, over all shards. */
  readonly stacks: readonly string[];
  readonly shards: number;
  /** 1 … shards, for a GitHub Actions matrix. */
  readonly matrix: readonly number[];
  /** Lines for the summary's headline (e.g. the ref did not synthesize, so everything is planned). */
  readonly notes: readonly string[];
}

/** A stack the matrix planned but no shard reported: its shard crashed or was cancelled. */
export const NOT_PLANNED = 'no plan: the shard that plans this stack did not finish; see its job in the workflow run';

export interface PlanRunRecord {
  readonly mode: 'offline' | 'live';
  readonly shard?: Shard;
  readonly notes?: readonly string[];
  /** Offline, the ref each changed stack was planned against (the offline diff). */
  readonly offlineDiffAgainst?: string;
  /** planJsonFile and planFile relative to the folder of the record. */
  readonly outcomes: readonly StackOutcome[];
}

export interface MergedPlanRun {
  readonly mode: 'offline' | 'live';
  /** Every stack of every shard, in name order, with absolute plan paths. */
  readonly outcomes: readonly StackOutcome[];
  readonly notes: readonly string[];
  readonly changedSince?: { readonly ref: string; readonly comparison: StackComparison };
  /** Set when the shards planned offline against this ref (all of them, or the summary would mislead). */
  readonly offlineDiffAgainst?: string;
}

export class PlanRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRunError';
  }
}

/** Writes `<outdir>/plan-outcomes.json` with plan paths relative to `outdir`, so the folder can move (an artifact). */
export function writePlanRunRecord(outdir: string, record: PlanRunRecord): string {
  const relative = (file: string | undefined) => (file ? path.relative(outdir, file).split(path.sep).join('/') : undefined);
  const outcomes = record.outcomes.map((outcome) => ({
    ...outcome,
    planFile: relative(outcome.planFile),
    planJsonFile: relative(outcome.planJsonFile),
  }));
  const file = path.join(outdir, PLAN_OUTCOMES_FILE);
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...record, outcomes }, null, 2)}\n`);
  return file;
}

/**
 * Reads the runs in `dirs` (each a shard's synth output, or the folder holding changed-stacks.json)
 * as one run. Errors name the folder: no record at all, mixed offline and live, a stack planned twice.
 */
export function mergePlanRuns(dirs: readonly string[]): MergedPlanRun {
  const records = dirs.flatMap((dir) => readRecord(dir));
  const changed = dirs.flatMap((dir) => readChangedStacks(dir));
  const matrices = dirs.flatMap((dir) => readJson<PlanMatrix>(path.join(dir, PLAN_MATRIX_FILE)));
  if (records.length === 0 && changed.length === 0 && matrices.length === 0)
    throw new PlanRunError(
      `none of ${dirs.join(', ')} holds ${PLAN_OUTCOMES_FILE}, ${CHANGED_STACKS_FILE} or ${PLAN_MATRIX_FILE}; pass the plan shards' synth output folders`,
    );
  const modes = [...new Set(records.map(({ record }) => record.mode))];
  if (modes.length > 1)
    throw new PlanRunError(
      `the shards mix offline and live plans (${records.map(({ dir, record }) => `${dir}: ${record.mode}`).join(', ')})`,
    );
  const outcomes = collectOutcomes(records, matrices);
  const notes = [...matrices.flatMap((matrix) => matrix.notes ?? []), ...records.flatMap(({ record }) => record.notes ?? [])];
  const diffRefs = new Set(records.map(({ record }) => record.offlineDiffAgainst));
  const offlineDiffAgainst = diffRefs.size === 1 ? [...diffRefs][0] : undefined;
  return {
    mode: modes[0] ?? 'offline',
    outcomes,
    notes: [...new Set(notes)],
    ...(changed.length > 0 ? { changedSince: changed[0] } : {}),
    ...(offlineDiffAgainst ? { offlineDiffAgainst } : {}),
  };
}

/** Every shard's outcomes, once per stack, in name order; a failure for each stack of the matrix that no shard reported. */
function collectOutcomes(records: readonly { dir: string; record: PlanRunRecord }[], matrices: readonly PlanMatrix[]): StackOutcome[] {
  const outcomes = new Map<string, { dir: string; outcome: StackOutcome }>();
  for (const { dir, record } of records) {
    for (const outcome of record.outcomes) {
      const earlier = outcomes.get(outcome.stack);
      if (earlier)
        throw new PlanRunError(`${outcome.stack} was planned twice, in ${earlier.dir} and ${dir}; each stack belongs to one shard`);
      outcomes.set(outcome.stack, { dir, outcome: withAbsolutePaths(outcome, dir) });
    }
  }
  const seconds = { init: 0, plan: 0, show: 0 };
  for (const stack of matrices.flatMap((matrix) => matrix.stacks)) {
    if (!outcomes.has(stack))
      outcomes.set(stack, { dir: '', outcome: { stack, ok: false, error: { step: 'plan', message: NOT_PLANNED }, seconds } });
  }
  return [...outcomes.keys()].sort().map((stack) => outcomes.get(stack)!.outcome);
}

function readRecord(dir: string): { dir: string; record: PlanRunRecord }[] {
  const file = path.join(dir, PLAN_OUTCOMES_FILE);
  return readJson<PlanRunRecord>(file).map((record) => {
    if (!Array.isArray(record.outcomes)) throw new PlanRunError(`${file} has no outcomes list; it was not written by npm run plan`);
    return { dir, record };
  });
}

function readChangedStacks(dir: string): { ref: string; comparison: StackComparison }[] {
  return readJson<StackComparison & { ref: string }>(path.join(dir, CHANGED_STACKS_FILE)).map(
    ({ ref, changed, added, unchanged, removed }) => ({ ref, comparison: { changed, added, unchanged, removed } }),
  );
}

/** The file's JSON as a one-element list, or an empty list when the file is not there. */
function readJson<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  try {
    return [JSON.parse(fs.readFileSync(file, 'utf8')) as T];
  } catch (error) {
    throw new PlanRunError(`${file} is not valid JSON (${(error as Error).message})`);
  }
}

function withAbsolutePaths(outcome: StackOutcome, dir: string): StackOutcome {
  const absolute = (file: string | undefined) => (file ? path.resolve(dir, file) : undefined);
  return { ...outcome, planFile: absolute(outcome.planFile), planJsonFile: absolute(outcome.planJsonFile) };
}
