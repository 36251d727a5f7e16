import * as fs from 'node:fs';
import * as path from 'node:path';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { describeOutcome, initStack, planStack, type StackOutcome } from '../../pipeline/plan-stack';
import { terraform, TerraformError } from '../../pipeline/terraform';
import { initScratchStack, type ScratchStack } from '../support/terraform-validate';

/** The `Error: …` blocks of Terraform's human-readable output, each with its location and snippet. */
function diagnostics(output: string): string[] {
  return output
    .split(/\n(?=Error: )/)
    .filter((block) => block.trimStart().startsWith('Error: '))
    .map((block) => block.trim());
}

describe('plan of one stack', () => {
  describe('with a configuration terraform validate rejects', () => {
    let scratch: ScratchStack;
    let outcome: StackOutcome;
    beforeAll(async () => {
      scratch = await initScratchStack('lz-plan-invalid', (stack) => {
        const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
        vpc.addOverride('bogus_argument', 1);
        vpc.addOverride('tags', { Name: '${aws_vpc.undeclared.id}' });
      });
      await initStack({ name: 'check', dir: scratch.dir }, scratch.env);
      outcome = await planStack({ name: 'check', dir: scratch.dir }, scratch.env, 'offline');
    }, 120_000);

    it('fails at plan, before show, and writes no plan.json', () => {
      expect(outcome.ok).toBe(false);
      expect(outcome.error?.step).toBe('plan');
      expect(fs.existsSync(path.join(scratch.dir, 'plan.json'))).toBe(false);
      expect(describeOutcome(outcome)).toMatch(/^FAILED at plan \(plan \d+\.\ds\)$/);
    });

    it('reports every diagnostic terraform validate reports, with file, line and snippet', async () => {
      const validation = await terraform(['validate', '-no-color'], scratch.dir, scratch.env).then(
        () => '',
        (error: TerraformError) => error.output,
      );
      const expected = diagnostics(validation);
      expect(expected.map((block) => block.split('\n')[0])).toContain('Error: Reference to undeclared resource');
      expect(expected.every((block) => /on cdk\.tf\.json line \d+/.test(block))).toBe(true);
      expect(diagnostics(outcome.error!.message)).toEqual(expected);
    });
  });

  describe('with a valid configuration', () => {
    let scratch: ScratchStack;
    let outcome: StackOutcome;
    beforeAll(async () => {
      scratch = await initScratchStack('lz-plan-valid', (stack) => {
        new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
      });
      await initStack({ name: 'check', dir: scratch.dir }, scratch.env);
      outcome = await planStack({ name: 'check', dir: scratch.dir }, scratch.env, 'offline');
    }, 120_000);

    it('saves plan.tfplan and its terraform show -json beside the stack, and counts the changes', () => {
      expect(outcome).toMatchObject({ ok: true, counts: { add: 1, change: 0, destroy: 0, replace: 0 } });
      expect(outcome.planFile).toBe(path.join(scratch.dir, 'plan.tfplan'));
      const plan = JSON.parse(fs.readFileSync(outcome.planJsonFile!, 'utf8'));
      expect(plan.resource_changes.map((change: { address: string }) => change.address)).toEqual(['aws_vpc.vpc']);
    });

    it('times plan and show separately', () => {
      expect(outcome.seconds.plan).toBeGreaterThan(0);
      expect(outcome.seconds.show).toBeGreaterThan(0);
      expect(describeOutcome(outcome)).toMatch(/^\+1 ~0 -0 \(plan \d+\.\ds, show \d+\.\ds\)$/);
    });
  });
});
