import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pLimit from 'p-limit';
import { loadLandingZone } from '../model/load';
import type { PolicyReport } from '../policy/report';
import { enforcePolicy } from '../policy/synthesized';
import { buildApp } from '../stacks/app';
import type { SynthSettings } from '../stacks/settings';
import { ensureOfflineStates, type StackJson } from './offline-state';
import { countPlan, formatCounts, type PlanCounts } from './plan-summary';
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

interface Manifest {
  readonly stacks: Record<string, { readonly workingDirectory: string; readonly synthesizedStackPath: string }>;
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

  const model = loadLandingZone(options.configDir);
  const synthStarted = Date.now();
  buildApp(model, settings).synth();
  const synthSeconds = (Date.now() - synthStarted) / 1000;
  const manifest = JSON.parse(fs.readFileSync(path.join(settings.outdir, 'manifest.json'), 'utf8')) as Manifest;
  const stacks = Object.keys(manifest.stacks)
    .filter((name) => !options.stacks || options.stacks.includes(name))
    .sort();
  const unknown = (options.stacks ?? []).filter((name) => !manifest.stacks[name]);
  if (unknown.length > 0)
    throw new Error(`no such stack: ${unknown.join(', ')}; stacks are ${Object.keys(manifest.stacks).sort().join(', ')}`);
  log(`synthesized ${Object.keys(manifest.stacks).length} stacks in ${synthSeconds.toFixed(1)}s (${settings.mode}) to ${settings.outdir}`);
  const policy = enforcePolicy(settings.outdir, model, log);

  const cli = writeTerraformCliConfig(path.join(settings.outdir, '.terraform-cli'));
  log(`terraform providers: ${cli.mirror ? `filesystem mirror ${cli.mirror}` : 'public registry'}; plugin cache ${cli.pluginCacheDir}`);
  const dirOf = (stack: string) => path.join(settings.outdir, manifest.stacks[stack].workingDirectory);
  if (settings.mode === 'offline') {
    for (const stack of stacks) {
      const json = JSON.parse(
        fs.readFileSync(path.join(settings.outdir, manifest.stacks[stack].synthesizedStackPath), 'utf8'),
      ) as StackJson;
      ensureOfflineStates(dirOf(stack), json);
    }
  }

  const outcomes = new Map<string, StackOutcome>();
  const seconds = new Map(stacks.map((stack) => [stack, { init: 0, validate: 0, plan: 0 }]));
  for (const [index, stack] of stacks.entries()) {
    try {
      seconds.get(stack)!.init = (await terraform(['init', '-input=false', '-no-color'], dirOf(stack), cli.env)).seconds;
      log(`[init ${index + 1}/${stacks.length}] ${stack} (${seconds.get(stack)!.init.toFixed(1)}s)`);
    } catch (error) {
      outcomes.set(stack, failed(stack, 'init', error, seconds.get(stack)!));
      log(`[init ${index + 1}/${stacks.length}] ${stack} FAILED`);
    }
  }

  const limit = pLimit(options.parallelism ?? defaultParallelism());
  let done = 0;
  await Promise.all(
    stacks
      .filter((stack) => !outcomes.has(stack))
      .map((stack) =>
        limit(async () => {
          const outcome = await validateAndPlan(stack, dirOf(stack), cli.env, settings.mode, seconds.get(stack)!);
          outcomes.set(stack, outcome);
          done += 1;
          const status = outcome.ok ? `${formatCounts(outcome.counts!)}` : `FAILED at ${outcome.error!.step}`;
          log(
            `[plan ${done}/${stacks.length}] ${stack} ${status} (validate ${outcome.seconds.validate.toFixed(1)}s, plan ${outcome.seconds.plan.toFixed(1)}s)`,
          );
        }),
      ),
  );
  return { outcomes: stacks.map((stack) => outcomes.get(stack)!), synthSeconds, totalSeconds: (Date.now() - started) / 1000, policy };
}

async function validateAndPlan(
  stack: string,
  dir: string,
  env: Record<string, string>,
  mode: SynthSettings['mode'],
  seconds: StackOutcome['seconds'],
): Promise<StackOutcome> {
  try {
    seconds.validate = (await terraform(['validate', '-no-color'], dir, env)).seconds;
  } catch (error) {
    return failed(stack, 'validate', error, seconds);
  }
  try {
    const lock = mode === 'offline' ? ['-lock=false'] : [];
    const plan = await terraform(['plan', '-input=false', '-no-color', ...lock, '-out=plan.tfplan'], dir, env);
    const show = await terraform(['show', '-json', 'plan.tfplan'], dir, env);
    seconds.plan = plan.seconds + show.seconds;
    const planJsonFile = path.join(dir, 'plan.json');
    fs.writeFileSync(planJsonFile, show.stdout);
    return { stack, ok: true, counts: countPlan(JSON.parse(show.stdout)), planFile: path.join(dir, 'plan.tfplan'), planJsonFile, seconds };
  } catch (error) {
    return failed(stack, 'plan', error, seconds);
  }
}

function failed(stack: string, step: 'init' | 'validate' | 'plan', error: unknown, seconds: StackOutcome['seconds']): StackOutcome {
  if (!(error instanceof TerraformError)) throw error;
  return { stack, ok: false, error: { step, message: error.output.trim() }, seconds };
}

/** One Terraform process per core, but never more than memory allows (~1 GB each with the AWS provider). */
export function defaultParallelism(): number {
  const byMemory = Math.floor(os.totalmem() / 1024 ** 3 / 1);
  return Math.max(1, Math.min(os.availableParallelism(), byMemory));
}
