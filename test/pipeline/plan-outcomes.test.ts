import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CHANGED_STACKS_FILE,
  mergePlanRuns,
  NOT_PLANNED,
  PLAN_MATRIX_FILE,
  PLAN_OUTCOMES_FILE,
  PlanRunError,
  writePlanRunRecord,
} from '../../pipeline/plan-outcomes';
import type { StackOutcome } from '../../pipeline/plan-stack';
import { renderPlanSummary } from '../../pipeline/summary';
import { created, deleted, plan } from './summary/fixtures';

const seconds = { init: 0.5, plan: 4, show: 2 };
const scratch = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `lz-${name}-`));

/** A stack planned into `outdir` the way planStack leaves it: plan.json beside the stack. */
function planned(outdir: string, stack: string, json: Record<string, unknown>): StackOutcome {
  const planJsonFile = path.join(outdir, 'stacks', stack, 'plan.json');
  fs.mkdirSync(path.dirname(planJsonFile), { recursive: true });
  fs.writeFileSync(planJsonFile, JSON.stringify(json));
  return { stack, ok: true, counts: { add: 1, change: 0, destroy: 0, replace: 0 }, planJsonFile, seconds };
}

const failedHub: StackOutcome = {
  stack: 'dev-network-hub',
  ok: false,
  error: { step: 'plan', message: 'Error: Invalid reference' },
  seconds,
};
const comparison = { changed: ['dev-network-hub', 'dev-spoke-a', 'prod-spoke-b'], added: [], unchanged: ['org'], removed: [] };

describe('plan runs of several shards', () => {
  describe('merged from the shards’ folders', () => {
    const single = scratch('single');
    const shardOne = scratch('shard-1');
    const shardTwo = scratch('shard-2');
    const selection = scratch('selection');
    const spokeA = plan([created('aws_subnet.a')]);
    const spokeB = plan([created('aws_subnet.b'), deleted('aws_subnet.c')]);

    writePlanRunRecord(shardOne, { mode: 'offline', shard: { index: 1, count: 2 }, outcomes: [planned(shardOne, 'prod-spoke-b', spokeB)] });
    writePlanRunRecord(shardTwo, {
      mode: 'offline',
      shard: { index: 2, count: 2 },
      outcomes: [failedHub, planned(shardTwo, 'dev-spoke-a', spokeA)],
    });
    fs.writeFileSync(path.join(selection, CHANGED_STACKS_FILE), JSON.stringify({ ref: 'origin/main', ...comparison }));
    // Moved, as an artifact download moves them: paths inside are relative to the folder.
    const moved = path.join(scratch('download'), 'plan-shard-2');
    fs.cpSync(shardTwo, moved, { recursive: true });
    const merged = mergePlanRuns([shardOne, moved, selection]);

    it('holds every stack of every shard once, in name order, with the plans where the folders are now', () => {
      expect(merged.outcomes.map((outcome) => outcome.stack)).toEqual(['dev-network-hub', 'dev-spoke-a', 'prod-spoke-b']);
      expect(merged.outcomes[1].planJsonFile).toBe(path.join(moved, 'stacks', 'dev-spoke-a', 'plan.json'));
      expect(merged.changedSince).toEqual({ ref: 'origin/main', comparison });
      expect(merged.mode).toBe('offline');
    });

    it('renders the same pull-request summary as one job planning every stack', () => {
      const oneJob = [failedHub, planned(single, 'dev-spoke-a', spokeA), planned(single, 'prod-spoke-b', spokeB)];
      const expected = renderPlanSummary({ mode: 'offline', outcomes: oneJob, changedSince: { ref: 'origin/main', comparison } });
      expect(renderPlanSummary(merged)).toBe(expected);
      expect(expected).toContain('❌ `dev-network-hub`: terraform plan failed.');
    });
  });

  describe('planned offline against the base by every shard', () => {
    const [shardOne, shardTwo, selection] = [scratch('diff-1'), scratch('diff-2'), scratch('diff-selection')];
    const removedComparison = { ...comparison, removed: ['dev-spoke-gone'] };
    const destroy = plan([deleted('aws_vpc.gone')]);
    writePlanRunRecord(shardOne, {
      mode: 'offline',
      shard: { index: 1, count: 2 },
      offlineDiffAgainst: 'origin/main',
      outcomes: [planned(shardOne, 'dev-spoke-a', plan([created('aws_subnet.a')])), planned(shardOne, 'dev-spoke-gone', destroy)],
    });
    writePlanRunRecord(shardTwo, {
      mode: 'offline',
      shard: { index: 2, count: 2 },
      offlineDiffAgainst: 'origin/main',
      outcomes: [planned(shardTwo, 'prod-spoke-b', plan([deleted('aws_subnet.c')]))],
    });
    fs.writeFileSync(path.join(selection, CHANGED_STACKS_FILE), JSON.stringify({ ref: 'origin/main', ...removedComparison }));
    const merged = mergePlanRuns([shardOne, shardTwo, selection]);

    it('says the merged summary is an offline diff against the ref, and lists the removed stack as destroys', () => {
      expect(merged.offlineDiffAgainst).toBe('origin/main');
      const markdown = renderPlanSummary(merged);
      expect(markdown).toContain('Offline diff, against `origin/main`');
      expect(markdown).toContain('aws_vpc.gone');
      expect(markdown).not.toContain('Removed since `origin/main`');
    });

    it('does not claim an offline diff when one shard planned without it', () => {
      const plain = scratch('diff-plain');
      writePlanRunRecord(plain, { mode: 'offline', shard: { index: 2, count: 2 }, outcomes: [] });
      expect(mergePlanRuns([shardOne, plain]).offlineDiffAgainst).toBeUndefined();
    });
  });

  describe('when a shard did not finish', () => {
    const selection = scratch('matrix');
    const shardOne = scratch('finished');
    const matrix = { stacks: ['dev-spoke-a', 'org'], shards: 2, matrix: [1, 2], notes: ['⚠ origin/main does not synthesize'] };
    fs.writeFileSync(path.join(selection, PLAN_MATRIX_FILE), JSON.stringify(matrix));
    writePlanRunRecord(shardOne, { mode: 'offline', outcomes: [planned(shardOne, 'org', plan([created('aws_vpc.v')]))] });
    const merged = mergePlanRuns([selection, shardOne]);

    it('reports every stack of the matrix that no shard reported as failed, so it cannot go missing', () => {
      expect(merged.outcomes.map((outcome) => [outcome.stack, outcome.ok])).toEqual([
        ['dev-spoke-a', false],
        ['org', true],
      ]);
      expect(merged.outcomes[0].error).toEqual({ step: 'plan', message: NOT_PLANNED });
    });

    it('keeps the notes the stack selection made', () => {
      expect(merged.notes).toEqual(['⚠ origin/main does not synthesize']);
    });
  });

  describe('with folders that do not fit together', () => {
    it('names both folders when a stack was planned by two shards', () => {
      const [a, b] = [scratch('twice-a'), scratch('twice-b')];
      for (const dir of [a, b]) writePlanRunRecord(dir, { mode: 'offline', outcomes: [failedHub] });
      expect(() => mergePlanRuns([a, b])).toThrow(`dev-network-hub was planned twice, in ${a} and ${b}; each stack belongs to one shard`);
    });

    it('refuses to mix offline and live plans', () => {
      const [a, b] = [scratch('offline'), scratch('live')];
      writePlanRunRecord(a, { mode: 'offline', outcomes: [] });
      writePlanRunRecord(b, { mode: 'live', outcomes: [] });
      expect(() => mergePlanRuns([a, b])).toThrow(PlanRunError);
    });

    it('says what it expected in a folder that holds no plan run', () => {
      const empty = scratch('empty');
      expect(() => mergePlanRuns([empty])).toThrow(`holds ${PLAN_OUTCOMES_FILE}, ${CHANGED_STACKS_FILE} or ${PLAN_MATRIX_FILE}`);
    });
  });
});
