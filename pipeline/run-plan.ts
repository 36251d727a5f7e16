import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pLimit from 'p-limit';
import type { PolicyReport } from '../policy/report';
import type { SynthSettings } from '../stacks/settings';
import { ensureOfflineStates, type StackJson } from './offline-state';
import { countPlan, formatCounts, type PlanCounts } from './plan-counts';
import { parsePlanJson } from './plan-json';
import { readStackJson, synthesize, type SynthesizedStack, type SynthOutput } from './synth-output';
import { terraform, TerraformError } from './terraform';
import { writeTerraformCliConfig } from './terraform-cli-config';

export interface PlanPipelineOptions {
  readonly configDir: string;
  readonly settings: SynthSettings;
  /** Plan only these stacks. @default every stack */
  readonly stacks?: readonly string[];
  /** Concurrent validate/plan processes. @default cores, bounded by memory (~1 GB per Terraform process) */
  readonly parallelism?: number;
  /** Progress lines. @default console.log */
  readonly log?: (line: string) => void;
}

export interface StackOutcome {
  readonly stack: string;
  readonly ok: boolean;
  /** The failing step and Terraform's message, when not ok. */
  readonly error?: { readonly step: 'init' | 'validate' | 'plan'; readonly message: string };
  readonly counts?: PlanCounts;
  readonly planFile?: string;
  readonly planJsonFile?: string;
  readonly seconds: { init: number; validate: number; plan: number };
}

export interface PlanPipelineResult {
  readonly outcomes: readonly StackOutcome[];
  readonly synthSeconds: number;
  readonly totalSeconds: number;
  /** The policy check of the synthesized stacks (waived findings included, for the summary). */
  readonly policy: PolicyReport;
}

/**
 * The main job: synthesize, `terraform init` every stack one at a time (the plugin cache is not
 * safe for concurrent inits), then validate and plan the stacks in parallel, saving `plan.tfplan`
 * and `plan.json` (terraform show -json) next to each stack. Offline, it first writes empty state
 * for producers that were never applied, so remote-state placeholders apply.
 */
export async function runPlanPipeline(options: PlanPipelineOptions): Promise<PlanPipelineResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const { settings } = options;

  const synthesis = synthesize(options.configDir, settings, { log });
  const { output } = synthesis;
  const stacks = selectStacks(output, options.stacks);
  const synthSeconds = synthesis.seconds.model + synthesis.seconds.synth;
  log(`synthesized ${output.stacks.length} stacks in ${synthSeconds.toFixed(1)}s (${settings.mode}) to ${displayPath(output.outdir)}`);

  const cli = writeTerraformCliConfig(path.join(settings.outdir, '.terraform-cli'));
  log(
    `terraform providers: ${cli.mirror ? `filesystem mirror ${cli.mirror}` : 'public registry'}; plugin cache ${displayPath(cli.pluginCacheDir)}`,
  );
  if (settings.mode === 'offline') for (const stack of stacks) ensureOfflineStates(stack.dir, readStackJson<StackJson>(stack));

  const seconds = new Map(stacks.map((stack) => [stack.name, { init: 0, validate: 0, plan: 0 }]));
  const outcomes = await initStacks(stacks, cli.env, seconds, log);
  const limit = pLimit(options.parallelism ?? defaultParallelism());
  let done = 0;
  await Promise.all(
    stacks
      .filter((stack) => !outcomes.has(stack.name))
      .map((stack) =>
        limit(async () => {
          const outcome = await validateAndPlan(stack, cli.env, settings.mode, seconds.get(stack.name)!);
          outcomes.set(stack.name, outcome);
          done += 1;
          log(`[plan ${done}/${stacks.length}] ${stack.name} ${describeOutcome(outcome)}`);
        }),
      ),
  );
  return {
    outcomes: stacks.map((stack) => outcomes.get(stack.name)!),
    synthSeconds,
    totalSeconds: (Date.now() - started) / 1000,
    policy: synthesis.policy,
  };
}

/** The stacks to plan, in name order; an error naming the unknown ones and listing the stacks there are. */
function selectStacks(output: SynthOutput, names: readonly string[] | undefined): SynthesizedStack[] {
  const unknown = (names ?? []).filter((name) => !output.stacks.some((stack) => stack.name === name));
  if (unknown.length > 0)
    throw new Error(`no such stack: ${unknown.join(', ')}; stacks are ${output.stacks.map((stack) => stack.name).join(', ')}`);
  return output.stacks.filter((stack) => !names || names.includes(stack.name));
}

/** `terraform init` one stack at a time; returns the failed ones' outcomes. */
async function initStacks(
  stacks: readonly SynthesizedStack[],
  env: Record<string, string>,
  seconds: Map<string, StackOutcome['seconds']>,
  log: (line: string) => void,
): Promise<Map<string, StackOutcome>> {
  const outcomes = new Map<string, StackOutcome>();
  for (const [index, stack] of stacks.entries()) {
    const timings = seconds.get(stack.name)!;
    try {
      timings.init = (await terraform(['init', '-input=false', '-no-color'], stack.dir, env)).seconds;
      log(`[init ${index + 1}/${stacks.length}] ${stack.name} (${timings.init.toFixed(1)}s)`);
    } catch (error) {
      outcomes.set(stack.name, failed(stack.name, 'init', error, timings));
      log(`[init ${index + 1}/${stacks.length}] ${stack.name} FAILED`);
    }
  }
  return outcomes;
}

function describeOutcome(outcome: StackOutcome): string {
  const status = outcome.ok ? formatCounts(outcome.counts!) : `FAILED at ${outcome.error!.step}`;
  return `${status} (validate ${outcome.seconds.validate.toFixed(1)}s, plan ${outcome.seconds.plan.toFixed(1)}s)`;
}

async function validateAndPlan(
  stack: SynthesizedStack,
  env: Record<string, string>,
  mode: SynthSettings['mode'],
  seconds: StackOutcome['seconds'],
): Promise<StackOutcome> {
  const dir = stack.dir;
  try {
    seconds.validate = (await terraform(['validate', '-no-color'], dir, env)).seconds;
  } catch (error) {
    return failed(stack.name, 'validate', error, seconds);
  }
  try {
    const lock = mode === 'offline' ? ['-lock=false'] : [];
    const plan = await terraform(['plan', '-input=false', '-no-color', ...lock, '-out=plan.tfplan'], dir, env);
    const show = await terraform(['show', '-json', 'plan.tfplan'], dir, env);
    seconds.plan = plan.seconds + show.seconds;
    const planJsonFile = path.join(dir, 'plan.json');
    fs.writeFileSync(planJsonFile, show.stdout);
    const counts = countPlan(parsePlanJson(show.stdout, planJsonFile));
    return { stack: stack.name, ok: true, counts, planFile: path.join(dir, 'plan.tfplan'), planJsonFile, seconds };
  } catch (error) {
    return failed(stack.name, 'plan', error, seconds);
  }
}

function failed(stack: string, step: 'init' | 'validate' | 'plan', error: unknown, seconds: StackOutcome['seconds']): StackOutcome {
  if (!(error instanceof TerraformError)) throw error;
  return { stack, ok: false, error: { step, message: error.output.trim() }, seconds };
}

/** A path as the log shows it: relative to the working directory, or to `~`, when inside it. */
export function displayPath(file: string, cwd: string = process.cwd(), home: string = os.homedir()): string {
  const inside = (root: string) => {
    const relative = path.relative(root, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
  };
  const fromCwd = inside(cwd);
  if (fromCwd) return fromCwd;
  const fromHome = inside(home);
  return fromHome ? `~/${fromHome}` : file;
}

/** Memory one Terraform process with the AWS provider may take at its peak. */
const GIB_PER_TERRAFORM_PROCESS = 1;

/** One Terraform process per core, but never more than memory allows. */
export function defaultParallelism(): number {
  const byMemory = Math.floor(os.totalmem() / 1024 ** 3 / GIB_PER_TERRAFORM_PROCESS);
  return Math.max(1, Math.min(os.availableParallelism(), byMemory));
}
