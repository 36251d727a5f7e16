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

export interface PlanRunRecord {
  readonly mode: 'offline' | 'live';
  readonly shard?: Shard;
  readonly notes?: readonly string[];
  /** planJsonFile and planFile relative to the folder of the record. */
  readonly outcomes: readonly StackOutcome[];
}

export interface MergedPlanRun {
  readonly mode: 'offline' | 'live';
  /** Every stack of every shard, in name order, with absolute plan paths. */
  readonly outcomes: readonly StackOutcome[];
  readonly notes: readonly string[];
  readonly changedSince?: { readonly ref: string; readonly comparison: StackComparison };
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
  if (records.length === 0 && changed.length === 0)
    throw new PlanRunError(
      `none of ${dirs.join(', ')} holds ${PLAN_OUTCOMES_FILE} or ${CHANGED_STACKS_FILE}; pass the plan shards' synth output folders`,
    );
  const modes = [...new Set(records.map(({ record }) => record.mode))];
  if (modes.length > 1)
    throw new PlanRunError(
      `the shards mix offline and live plans (${records.map(({ dir, record }) => `${dir}: ${record.mode}`).join(', ')})`,
    );
  const outcomes = new Map<string, { dir: string; outcome: StackOutcome }>();
  for (const { dir, record } of records) {
    for (const outcome of record.outcomes) {
      const earlier = outcomes.get(outcome.stack);
      if (earlier)
        throw new PlanRunError(`${outcome.stack} was planned twice, in ${earlier.dir} and ${dir}; each stack belongs to one shard`);
      outcomes.set(outcome.stack, { dir, outcome: withAbsolutePaths(outcome, dir) });
    }
  }
  return {
    mode: modes[0] ?? 'offline',
    outcomes: [...outcomes.keys()].sort().map((stack) => outcomes.get(stack)!.outcome),
    notes: [...new Set(records.flatMap(({ record }) => record.notes ?? []))],
    ...(changed.length > 0 ? { changedSince: changed[0] } : {}),
  };
}

function readRecord(dir: string): { dir: string; record: PlanRunRecord }[] {
  const file = path.join(dir, PLAN_OUTCOMES_FILE);
  if (!fs.existsSync(file)) return [];
  const record = JSON.parse(fs.readFileSync(file, 'utf8')) as PlanRunRecord;
  if (!Array.isArray(record.outcomes)) throw new PlanRunError(`${file} has no outcomes list; it was not written by npm run plan`);
  return [{ dir, record }];
}

function readChangedStacks(dir: string): { ref: string; comparison: StackComparison }[] {
  const file = path.join(dir, CHANGED_STACKS_FILE);
  if (!fs.existsSync(file)) return [];
  const { ref, changed, added, unchanged, removed } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return [{ ref, comparison: { changed, added, unchanged, removed } }];
}

function withAbsolutePaths(outcome: StackOutcome, dir: string): StackOutcome {
  const absolute = (file: string | undefined) => (file ? path.resolve(dir, file) : undefined);
  return { ...outcome, planFile: absolute(outcome.planFile), planJsonFile: absolute(outcome.planJsonFile) };
}
