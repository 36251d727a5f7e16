import { initStack, planStackTimed, synthesizedStacks, type BenchStack, type StackTimings, type TerraformSetup } from './terraform-phases';

/*
 * Issue 10's target: a workload stack plans within 1.5× of a spoke stack of the same size. The
 * largest workload stack of the sample and the spoke closest to it in resources are planned
 * offline alternately (so machine load hits both alike), and the medians compared.
 */

export interface StackPlanTimes {
  readonly stack: string;
  readonly resources: number;
  /** Wall seconds of each `terraform plan` (plan only, as the pipeline runs it). */
  readonly planSeconds: number[];
  readonly medianSeconds: number;
}

export interface WorkloadsVsSpoke {
  readonly workloads: StackPlanTimes;
  readonly spoke: StackPlanTimes;
  /** Median workload plan ÷ median spoke plan; the target is at most 1.5. */
  readonly ratio: number;
  /** Per resource, which removes the size difference of the two stacks. */
  readonly ratioPerResource: number;
}

export async function compareWorkloadsAndSpoke(
  sampleOutdir: string,
  setup: TerraformSetup,
  repeats: number,
): Promise<WorkloadsVsSpoke | undefined> {
  const stacks = synthesizedStacks(sampleOutdir);
  const workloads = stacks
    .filter((stack) => stack.name.includes('-workloads-'))
    .sort((a, b) => b.resources - a.resources || a.name.localeCompare(b.name))[0];
  if (!workloads) return undefined;
  const spoke = stacks
    .filter((stack) => stack.kind === 'spoke')
    .sort(
      (a, b) => Math.abs(a.resources - workloads.resources) - Math.abs(b.resources - workloads.resources) || a.name.localeCompare(b.name),
    )[0];
  if (!spoke) return undefined;
  const initialized = { workloads: await initStack(workloads, setup), spoke: await initStack(spoke, setup) };
  const times = { workloads: [] as number[], spoke: [] as number[] };
  for (let round = 0; round < repeats; round++) {
    times.workloads.push(planSeconds(await planStackTimed(workloads, setup, initialized.workloads, 'plan-only')));
    times.spoke.push(planSeconds(await planStackTimed(spoke, setup, initialized.spoke, 'plan-only')));
  }
  const result = (stack: BenchStack, seconds: number[]): StackPlanTimes => ({
    stack: stack.name,
    resources: stack.resources,
    planSeconds: seconds,
    medianSeconds: median(seconds),
  });
  const workloadTimes = result(workloads, times.workloads);
  const spokeTimes = result(spoke, times.spoke);
  const ratio = workloadTimes.medianSeconds / spokeTimes.medianSeconds;
  return { workloads: workloadTimes, spoke: spokeTimes, ratio, ratioPerResource: (ratio * spoke.resources) / workloads.resources };
}

function planSeconds(timings: StackTimings): number {
  if (!timings.plan) throw new Error(`${timings.stack}: terraform plan was not measured`);
  return timings.plan.wallSeconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
