import * as fs from 'node:fs';
import * as path from 'node:path';
import pLimit from 'p-limit';
import { synthesizeAtRef } from '../changed-stacks';
import { ensureOfflineStates, type StackJson } from '../offline-state';
import { failedStack, initStack, noSeconds, planStack, type StackOutcome, type StackToPlan } from '../plan-stack';
import { TerraformError } from '../terraform';
import { buildBaseState, planAgainstState } from './plan-against-base';

/*
 * `npm run plan -- --changed-since <ref>` offline: after the changed stacks were planned as usual
 * (against empty state), each one that exists at the ref is planned again against a state built
 * from the ref's offline plan of it; each stack removed since the ref is planned as a destroy of
 * everything in such a state. Stacks new since the ref keep their plan: all creates, which is right.
 */

export interface DiffAgainstRefOptions {
  readonly ref: string;
  /** Any folder inside the git repository. @default process.cwd() */
  readonly repoDir?: string;
  /** The config folder, as synthesizeAtRef takes it. */
  readonly configDir?: string;
  /** The head synth output; the ref is synthesized into `<outdir>/base-ref`. */
  readonly outdir: string;
  /** Outcomes of the head plans of the changed stacks. */
  readonly outcomes: readonly StackOutcome[];
  /** Stacks that exist at the ref but no longer at HEAD. */
  readonly removed: readonly string[];
  readonly env: Record<string, string>;
  /** @default 1 */
  readonly parallelism?: number;
  /** @default console.log */
  readonly log?: (line: string) => void;
}

/** The outcomes to summarize: diffed where the ref has the stack, plus one destroy plan per removed stack. */
export async function diffAgainstRef(options: DiffAgainstRefOptions): Promise<StackOutcome[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const baseOut = path.join(options.outdir, 'base-ref');
  fs.rmSync(baseOut, { recursive: true, force: true });
  await synthesizeAtRef({
    repoDir: options.repoDir ?? process.cwd(),
    ref: options.ref,
    outdir: baseOut,
    mode: 'offline',
    stateDir: path.join(baseOut, 'live-state'),
    ...(options.configDir ? { configDir: options.configDir } : {}),
  });
  const schemaCacheFile = path.join(options.outdir, '.terraform-cli', 'provider-schemas.json');
  const baseDir = (stack: string) => path.join(baseOut, 'stacks', stack);
  const limit = pLimit(options.parallelism ?? 1);
  const diffOne = async (outcome: StackOutcome): Promise<StackOutcome> => {
    if (!outcome.ok || !outcome.planJsonFile || !fs.existsSync(baseDir(outcome.stack))) return outcome;
    const head: StackToPlan = { name: outcome.stack, dir: path.dirname(outcome.planJsonFile) };
    const result = await againstBase(head, baseDir(outcome.stack), false, options.env, schemaCacheFile);
    log(`[diff] ${outcome.stack} against ${options.ref}: ${result.ok ? 'planned' : `FAILED at ${result.error!.step}`}`);
    return result;
  };
  const destroyOne = async (stack: string): Promise<StackOutcome> => {
    const base: StackToPlan = { name: stack, dir: baseDir(stack) };
    const result = await againstBase(base, base.dir, true, options.env, schemaCacheFile);
    log(`[diff] ${stack} removed since ${options.ref}: ${result.ok ? 'destroy planned' : `FAILED at ${result.error!.step}`}`);
    return result;
  };
  return Promise.all([
    ...options.outcomes.map((outcome) => limit(() => diffOne(outcome))),
    ...options.removed.map((stack) => limit(() => destroyOne(stack))),
  ]);
}

async function againstBase(
  target: StackToPlan,
  baseStackDir: string,
  destroy: boolean,
  env: Record<string, string>,
  schemaCacheFile: string,
): Promise<StackOutcome> {
  const seconds = noSeconds();
  const base: StackToPlan = { name: target.name, dir: baseStackDir };
  try {
    ensureOfflineStates(base.dir, JSON.parse(fs.readFileSync(path.join(base.dir, 'cdk.tf.json'), 'utf8')) as StackJson);
    seconds.init = await initStack(base, env);
    const basePlan = await planStack(base, env, 'offline');
    if (!basePlan.ok) return { ...basePlan, stack: target.name };
    const basePlanJsonFile = path.join(base.dir, 'base-plan.json');
    fs.copyFileSync(basePlan.planJsonFile!, basePlanJsonFile);
    const stateFile = await buildBaseState({ baseStackDir: base.dir, basePlanJsonFile, env, schemaCacheFile, settle: !destroy });
    // A head planned in a batch was never initialized in its own folder.
    if (!destroy && !fs.existsSync(path.join(target.dir, '.terraform'))) seconds.init += await initStack(target, env);
    return await planAgainstState({ stack: target, stateFile, env, destroy, seconds });
  } catch (error) {
    if (error instanceof TerraformError) return failedStack(target.name, 'plan', error, seconds);
    throw error;
  }
}
