import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigValidationError } from '../../model/problems';
import { initStack } from '../../pipeline/plan-stack';
import { runPlanPipeline, type PlanPipelineResult } from '../../pipeline/run-plan';
import { terraform } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';
import { edit, SAMPLE_DIR, sampleModel, sampleTexts } from '../support/config';

/*
 * The real thing: every stack of the sample organization (workload stacks included) through
 * `terraform init` and an offline `plan` (which validates) with hashicorp/aws 5.100.0, exactly as
 * `npm run plan` runs them: in batches, several stacks as modules of one Terraform root, each
 * stack's share of the plan written to its own plan.json.
 */
const stackCount = sampleModel().stacks.length;
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-offline-plan-'));
const settings = { mode: 'offline' as const, outdir, stateDir: path.join(outdir, 'live-state') };
let result: PlanPipelineResult;
const log: string[] = [];

beforeAll(async () => {
  result = await runPlanPipeline({ configDir: SAMPLE_DIR, settings, log: (line) => log.push(line) });
}, 900_000);

describe('offline Terraform pipeline on the sample organization', () => {
  it('validates and plans every stack', () => {
    const failures = result.outcomes
      .filter((outcome) => !outcome.ok)
      .map((outcome) => `${outcome.stack} (${outcome.error!.step}): ${outcome.error!.message}`);
    expect(failures).toEqual([]);
    expect(result.outcomes.map((outcome) => outcome.stack).sort()).toEqual(
      sampleModel()
        .stacks.map((plan) => plan.name)
        .sort(),
    );
    expect(stackCount).toBeGreaterThanOrEqual(22);
  });

  it('plans to create exactly the synthesized resources, and to change or destroy nothing', () => {
    for (const outcome of result.outcomes) {
      const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', outcome.stack, 'cdk.tf.json'), 'utf8'));
      const resourceCount = Object.values<Record<string, unknown>>(stack.resource).reduce(
        (sum, byName) => sum + Object.keys(byName).length,
        0,
      );
      expect({ stack: outcome.stack, counts: outcome.counts }).toEqual({
        stack: outcome.stack,
        counts: { add: resourceCount, change: 0, destroy: 0, replace: 0 },
      });
    }
  });

  it("saves each stack's plan JSON next to the stack, and the batch's plan file in the batch's folder", () => {
    for (const outcome of result.outcomes) {
      expect(outcome.planJsonFile).toBe(path.join(outdir, 'stacks', outcome.stack, 'plan.json'));
      expect(JSON.parse(fs.readFileSync(outcome.planJsonFile!, 'utf8')).format_version).toMatch(/^1\./);
      expect(outcome.planFile).toBe(path.join(outdir, 'batches', outcome.batch!, 'plan.tfplan'));
      expect(fs.existsSync(outcome.planFile!)).toBe(true);
    }
  });

  it('lists in each plan.json exactly the resources of its stack, at the addresses the stack alone gives them', () => {
    for (const outcome of result.outcomes) {
      const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', outcome.stack, 'cdk.tf.json'), 'utf8'));
      const synthesized = Object.entries<Record<string, unknown>>(stack.resource).flatMap(([type, byName]) =>
        Object.keys(byName).map((name) => `${type}.${name}`),
      );
      const plan = JSON.parse(fs.readFileSync(outcome.planJsonFile!, 'utf8'));
      const planned = plan.resource_changes
        .filter((change: { mode: string }) => change.mode === 'managed')
        .map((change: { address: string }) => change.address);
      expect({ stack: outcome.stack, planned: planned.sort() }).toEqual({ stack: outcome.stack, planned: synthesized.sort() });
      expect(Object.keys(plan.output_changes).sort()).toEqual(Object.keys(stack.output ?? {}).sort());
    }
  });

  it('resolves remote-state placeholders in the spokes (the hub was never applied)', () => {
    const plan = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod-spoke-orders-prod', 'plan.json'), 'utf8'));
    const attachment = plan.resource_changes.find((change: { type: string }) => change.type === 'aws_ec2_transit_gateway_vpc_attachment');
    expect(attachment.change.after.transit_gateway_id).toMatch(/^tgw-[0-9a-f]{17}$/);
  });

  it('reports progress for every stack and every batch', () => {
    const batches = new Set(result.outcomes.map((outcome) => outcome.batch));
    expect(log.filter((line) => line.startsWith('[plan '))).toHaveLength(stackCount);
    expect(log.filter((line) => line.startsWith('[batch '))).toHaveLength(batches.size);
    expect(batches.size).toBeLessThan(stackCount);
  });

  it('can never apply an offline plan: the provider refuses before touching anything', async () => {
    // One small stack planned alone (every provider has the same refusing region, tested in stacks.test.ts):
    // applying a batch's plan would start a provider process for each of its stacks first.
    const cli = writeTerraformCliConfig(path.join(outdir, '.terraform-cli'));
    const stack = { name: 'log-archive', dir: path.join(outdir, 'stacks', 'log-archive') };
    await initStack(stack, cli.env);
    await terraform(['plan', '-input=false', '-no-color', '-lock=false', '-out=apply-attempt.tfplan'], stack.dir, cli.env);
    await expect(terraform(['apply', '-input=false', '-no-color', 'apply-attempt.tfplan'], stack.dir, cli.env)).rejects.toThrow(
      /invalid AWS Region: offline-synth-cannot-be-deployed/,
    );
    const state = JSON.parse(fs.readFileSync(path.join(outdir, 'offline-state', 'global', 'log-archive.tfstate'), 'utf8'));
    expect(state.resources.filter((resource: { mode: string }) => resource.mode === 'managed')).toEqual([]);
  });

  it('synthesizes nothing from bad config', async () => {
    const badDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bad-config-'));
    for (const text of edit(sampleTexts(), 'environments/dev.yaml', (doc) =>
      doc.setIn(['accounts', 'orders-dev', 'vpc', 'cidr'], '10.17.0.0/16'),
    )) {
      fs.writeFileSync(path.join(badDir, path.basename(text.file)), text.text);
    }
    const badOut = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bad-out-'));
    await expect(runPlanPipeline({ configDir: badDir, settings: { ...settings, outdir: badOut }, log: () => undefined })).rejects.toThrow(
      ConfigValidationError,
    );
    expect(fs.readdirSync(badOut)).toEqual([]);
  });
});
