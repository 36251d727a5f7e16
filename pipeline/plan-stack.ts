import * as fs from 'node:fs';
import * as path from 'node:path';
import pLimit from 'p-limit';
import type { SynthSettings } from '../stacks/settings';
import { countPlan, formatCounts, type PlanCounts } from './plan-counts';
import { parsePlanJson, PlanFileError } from './plan-json';
import { terraform, TerraformError, terraformInit } from './terraform';

/*
 * One stack through Terraform: `init`, then `plan -out` and `show -json`. There is no separate
 * `terraform validate`: `plan` validates the configuration first and reports the same diagnostics
 * (file, line, snippet and message) before it configures any provider, so a separate validate only
 * loaded the AWS provider's schema once more (docs/benchmark.md has the numbers).
 */

/** The Terraform step a stack failed at. */
export type TerraformStep = 'init' | 'plan' | 'show';

export interface StackSeconds {
  init: number;
  /** `terraform plan -out`: validation, then the plan. */
  plan: number;
  /** `terraform show -json` of the saved plan. */
  show: number;
}

export interface StackOutcome {
  readonly stack: string;
  readonly ok: boolean;
  /** The failing step and Terraform's message, when not ok. */
  readonly error?: { readonly step: TerraformStep; readonly message: string };
  readonly counts?: PlanCounts;
  readonly planFile?: string;
  readonly planJsonFile?: string;
  readonly seconds: StackSeconds;
  /** The batch the stack was planned in (offline): `seconds` are then the whole batch's. */
  readonly batch?: string;
}

export interface StackToPlan {
  readonly name: string;
  /** The stack's working directory (cdk.tf.json is there). */
  readonly dir: string;
}

export const noSeconds = (): StackSeconds => ({ init: 0, plan: 0, show: 0 });

/** Terraform's plugin cache is not safe for concurrent installs: one init at a time per process. */
const oneInitAtATime = pLimit(1);

/**
 * `terraform init` of one stack, never two at once in this process; resolves with the seconds
 * taken, rejects with TerraformError.
 */
export async function initStack(stack: StackToPlan, env: Record<string, string>): Promise<number> {
  return oneInitAtATime(async () => (await terraformInit(['-input=false', '-no-color'], stack.dir, env)).seconds);
}

/**
 * `terraform plan -out=plan.tfplan`, then `terraform show -json` into plan.json beside it. Offline
 * plans skip the state lock (the state is a throwaway file under the synth output).
 */
export async function planStack(
  stack: StackToPlan,
  env: Record<string, string>,
  mode: SynthSettings['mode'],
  seconds: StackSeconds = noSeconds(),
): Promise<StackOutcome> {
  const lock = mode === 'offline' ? ['-lock=false'] : [];
  try {
    seconds.plan = (await terraform(['plan', '-input=false', '-no-color', ...lock, '-out=plan.tfplan'], stack.dir, env)).seconds;
  } catch (error) {
    if (error instanceof TerraformError) seconds.plan = error.seconds;
    return failedStack(stack.name, 'plan', error, seconds);
  }
  try {
    const show = await terraform(['show', '-json', 'plan.tfplan'], stack.dir, env);
    seconds.show = show.seconds;
    const planJsonFile = path.join(stack.dir, 'plan.json');
    fs.writeFileSync(planJsonFile, show.stdout);
    const counts = countPlan(parsePlanJson(show.stdout, planJsonFile));
    return { stack: stack.name, ok: true, counts, planFile: path.join(stack.dir, 'plan.tfplan'), planJsonFile, seconds };
  } catch (error) {
    return failedStack(stack.name, 'show', error, seconds);
  }
}

export function failedStack(stack: string, step: TerraformStep, error: unknown, seconds: StackSeconds): StackOutcome {
  if (error instanceof TerraformError) return { stack, ok: false, error: { step, message: error.output.trim() }, seconds };
  if (error instanceof PlanFileError) return { stack, ok: false, error: { step, message: error.message }, seconds };
  throw error;
}

/** `+12 ~0 -0 (plan 4.1s, show 2.0s)`, `+12 ~0 -0 (batch-1)` or `FAILED at plan (plan 1.2s)`. */
export function describeOutcome(outcome: StackOutcome): string {
  const { plan, show } = outcome.seconds;
  const timings = show > 0 ? `plan ${plan.toFixed(1)}s, show ${show.toFixed(1)}s` : `plan ${plan.toFixed(1)}s`;
  return `${outcome.ok ? formatCounts(outcome.counts!) : `FAILED at ${outcome.error!.step}`} (${outcome.batch ?? timings})`;
}
