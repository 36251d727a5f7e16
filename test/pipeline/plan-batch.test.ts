import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { batchDir, MAX_PROVIDERS_PER_BATCH, planBatch, planBatches } from '../../pipeline/plan-batch';
import { stackPlanJson } from '../../pipeline/plan-batch-json';
import type { StackOutcome } from '../../pipeline/plan-stack';
import type { SynthesizedStack } from '../../pipeline/synth-output';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

/** A synth output of hand-written stacks, laid out as cdktf writes it (`<outdir>/stacks/<name>/cdk.tf.json`). */
function synthOutput(stacks: Record<string, object>): { outdir: string; stacks: SynthesizedStack[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-batch-'));
  return {
    outdir,
    stacks: Object.entries(stacks).map(([name, json]) => {
      const dir = path.join(outdir, 'stacks', name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(json));
      return { name, dir, file: path.join(dir, 'cdk.tf.json'), dependencies: [] };
    }),
  };
}

/** A stack of Terraform's built-in `terraform_data` resources: real plans without any provider download. */
const dataStack = (names: string[], extra: object = {}) => ({
  resource: { terraform_data: Object.fromEntries(names.map((name) => [name, { input: name }])) },
  output: { first: { value: `\${terraform_data.${names[0]}.output}` }, secret: { value: 'hidden', sensitive: true } },
  ...extra,
});

const awsProviders = (count: number) => ({ provider: { aws: Array.from({ length: count }, (_, index) => ({ alias: `p${index}` })) } });

describe('offline plans in batches', () => {
  describe('splitting stacks into batches', () => {
    it('makes one batch per concurrent process, balanced by resources, the same every time', () => {
      const { stacks } = synthOutput({
        a: dataStack(['one', 'two', 'three']),
        b: dataStack(['one']),
        c: dataStack(['one', 'two']),
        d: dataStack(['one']),
      });
      const batches = planBatches(stacks, 2);
      expect(batches.map((batch) => batch.id)).toEqual(['batch-1', 'batch-2']);
      expect(batches.map((batch) => batch.stacks.map((stack) => stack.name))).toEqual([
        ['a', 'd'],
        ['b', 'c'],
      ]);
      expect(planBatches([...stacks].reverse(), 2).map((batch) => batch.stacks.map((stack) => stack.name).sort())).toEqual([
        ['a', 'd'],
        ['b', 'c'],
      ]);
    });

    it(`keeps every batch within ${MAX_PROVIDERS_PER_BATCH} provider configurations, whatever the parallelism`, () => {
      const { stacks } = synthOutput(
        Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`s${index}`, dataStack(['x'], awsProviders(5))])),
      );
      const batches = planBatches(stacks, 1);
      expect(batches.length).toBeGreaterThanOrEqual(Math.ceil(50 / MAX_PROVIDERS_PER_BATCH));
      expect(batches.every((batch) => batch.stacks.length * 5 <= MAX_PROVIDERS_PER_BATCH)).toBe(true);
      expect(batches.flatMap((batch) => batch.stacks.map((stack) => stack.name)).sort()).toEqual(stacks.map((stack) => stack.name).sort());
    });

    it('never makes more batches than stacks', () => {
      const { stacks } = synthOutput({ only: dataStack(['x']) });
      expect(planBatches(stacks, 8)).toHaveLength(1);
      expect(planBatches([], 8)).toEqual([]);
    });
  });

  describe('splitting a batch plan back into stack plans', () => {
    const batchPlan = {
      format_version: '1.2',
      terraform_version: '1.11.4',
      complete: true,
      resource_changes: [
        { address: 'module.a.aws_vpc.main', module_address: 'module.a', type: 'aws_vpc', change: { actions: ['create'] } },
        { address: 'module.ab.aws_vpc.main', module_address: 'module.ab', type: 'aws_vpc', change: { actions: ['create'] } },
      ],
      output_changes: { a__vpc_id: { actions: ['create'], after_unknown: true }, ab__vpc_id: { actions: ['create'] } },
      planned_values: {
        outputs: { a__vpc_id: { sensitive: false } },
        root_module: { child_modules: [{ address: 'module.a', resources: [{ address: 'module.a.aws_vpc.main', values: {} }] }] },
      },
      configuration: {
        root_module: {
          module_calls: {
            a: {
              source: '../../stacks/a',
              module: {
                resources: [
                  { address: 'aws_vpc.main', provider_config_key: 'module.a:aws' },
                  { address: 'aws_route.peer', provider_config_key: 'module.a:aws.network' },
                ],
              },
            },
          },
        },
      },
    };

    it("keeps only the stack's own changes and outputs, with the addresses and provider keys a plan of the stack alone has", () => {
      const plan = stackPlanJson(batchPlan as never, 'a');
      expect(plan.resource_changes).toEqual([{ address: 'aws_vpc.main', type: 'aws_vpc', change: { actions: ['create'] } }]);
      expect(plan.output_changes).toEqual({ vpc_id: { actions: ['create'], after_unknown: true } });
      expect(plan).toMatchObject({
        format_version: '1.2',
        complete: true,
        planned_values: { outputs: { vpc_id: { sensitive: false } }, root_module: { resources: [{ address: 'aws_vpc.main' }] } },
        configuration: {
          root_module: {
            resources: [
              { address: 'aws_vpc.main', provider_config_key: 'aws' },
              { address: 'aws_route.peer', provider_config_key: 'aws.network' },
            ],
          },
        },
      });
    });
  });

  describe('with real Terraform', () => {
    const cli = writeTerraformCliConfig(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-batch-cli-')));
    let good: { outdir: string; outcomes: StackOutcome[] };
    let broken: { outdir: string; outcomes: StackOutcome[] };
    beforeAll(async () => {
      const fine = synthOutput({ first: dataStack(['a', 'b']), second: dataStack(['c']) });
      const withError = synthOutput({
        fine: dataStack(['a']),
        wrong: { resource: { terraform_data: { x: { input: '${terraform_data.undeclared.id}' } } } },
      });
      const [goodOutcomes, brokenOutcomes] = await Promise.all([
        planBatch({ id: 'batch-1', stacks: fine.stacks }, fine.outdir, cli.env),
        planBatch({ id: 'batch-1', stacks: withError.stacks }, withError.outdir, cli.env),
      ]);
      good = { outdir: fine.outdir, outcomes: goodOutcomes };
      broken = { outdir: withError.outdir, outcomes: brokenOutcomes };
    }, 120_000);

    it('plans every stack of the batch in one Terraform run and writes each its own plan.json', () => {
      expect(good.outcomes.map((outcome) => [outcome.stack, outcome.ok, outcome.counts?.add, outcome.batch])).toEqual([
        ['first', true, 2, 'batch-1'],
        ['second', true, 1, 'batch-1'],
      ]);
      const first = JSON.parse(fs.readFileSync(good.outcomes[0].planJsonFile!, 'utf8'));
      expect(first.resource_changes.map((change: { address: string }) => change.address)).toEqual(['terraform_data.a', 'terraform_data.b']);
      expect(Object.keys(first.output_changes).sort()).toEqual(['first', 'secret']);
      expect(good.outcomes[0].planFile).toBe(path.join(batchDir(good.outdir, { id: 'batch-1', stacks: [] }), 'plan.tfplan'));
    });

    it('plans a failed batch again stack by stack, so the error belongs to its stack', () => {
      const [fine, wrong] = broken.outcomes;
      expect(fine).toMatchObject({ stack: 'fine', ok: true, counts: { add: 1 } });
      expect(fine.batch).toBeUndefined();
      expect(wrong).toMatchObject({ stack: 'wrong', ok: false, error: { step: 'plan' } });
      expect(wrong.error!.message).toMatch(/Reference to undeclared resource[\s\S]*on cdk\.tf\.json line/);
    });
  });
});
