import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DiffModule } from '../../../pipeline/offline-diff/batch-diff';
import { diffBatch } from '../../../pipeline/offline-diff/diff-against-ref';
import { planAgainstBase } from '../../../pipeline/offline-diff/plan-against-base';
import { noSeconds } from '../../../pipeline/plan-stack';
import { TerraformError } from '../../../pipeline/terraform';

jest.mock('../../../pipeline/offline-diff/plan-against-base', () => ({ planAgainstBase: jest.fn() }));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-diff-batch-'));
const stack = (name: string) => {
  const dir = path.join(work, 'stacks', name);
  fs.mkdirSync(dir, { recursive: true });
  return { name, dir, file: path.join(dir, 'cdk.tf.json'), dependencies: [] };
};
const stacks = ['orders', 'pipeline', 'payments'].map(stack);
const heads = new Map<string, DiffModule>(stacks.map((entry) => [entry.name, { name: entry.name, dir: entry.dir }]));
const options = { ref: 'origin/main', outdir: work, baseOut: path.join(work, 'base-ref'), outcomes: [], removed: [], env: {} };

/** Terraform failing on whatever batch holds the stacks in `failing`, naming them as `terraform plan` does. */
function failWhenPlanning(failing: readonly string[], named: boolean) {
  jest.mocked(planAgainstBase).mockImplementation(async (plan) => {
    const bad = plan.heads.filter((head) => failing.includes(head.name));
    if (bad.length > 0) {
      const where = named ? bad.map((head) => `  with module.${head.name}.aws_sfn_state_machine.main,`).join('\n') : '';
      throw new TerraformError('plan', plan.headDir, `Error: validating Step Functions State Machine definition\n${where}`);
    }
    const plans = new Map(plan.heads.map((head) => [head.name, { format_version: '1.2', resource_changes: [] }]));
    return { plans, planFile: path.join(plan.headDir, 'plan.tfplan'), seconds: noSeconds() };
  });
}

describe('offline diff of a batch', () => {
  beforeEach(() => jest.mocked(planAgainstBase).mockReset());

  it('diffs every stack of the batch in one plan and writes each its plan.json', async () => {
    failWhenPlanning([], true);
    const outcomes = await diffBatch({ id: 'batch-1', stacks }, heads, options);
    expect(outcomes.map((outcome) => [outcome.stack, outcome.ok, outcome.batch])).toEqual([
      ['orders', true, 'diff-batch-1'],
      ['pipeline', true, 'diff-batch-1'],
      ['payments', true, 'diff-batch-1'],
    ]);
    expect(jest.mocked(planAgainstBase)).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(path.join(work, 'stacks', 'payments', 'plan.json'))).toBe(true);
  });

  it('fails the stacks Terraform names and diffs the others again together', async () => {
    failWhenPlanning(['pipeline'], true);
    const outcomes = await diffBatch({ id: 'batch-1', stacks }, heads, options);
    expect(outcomes.map((outcome) => [outcome.stack, outcome.ok, outcome.batch])).toEqual([
      ['pipeline', false, 'diff-batch-1'],
      ['orders', true, 'diff-batch-1-retry'],
      ['payments', true, 'diff-batch-1-retry'],
    ]);
    expect(outcomes[0].error?.message).toMatch(/Step Functions/);
    expect(jest.mocked(planAgainstBase)).toHaveBeenCalledTimes(2);
  });

  it('diffs each stack alone when the error names none, so the failure is charged to its own stack', async () => {
    failWhenPlanning(['pipeline'], false);
    const outcomes = await diffBatch({ id: 'batch-1', stacks }, heads, options);
    expect(outcomes.map((outcome) => [outcome.stack, outcome.ok, outcome.batch])).toEqual([
      ['orders', true, 'diff-orders'],
      ['pipeline', false, 'diff-pipeline'],
      ['payments', true, 'diff-payments'],
    ]);
  });
});
