import type { LandingZone } from '../model/types';
import { checkDocuments, errorCount, formatReport, type CheckOptions, type PolicyReport } from './report';
import { readTerraformJsonFile } from './terraform-json';
import type { StackDocument } from './types';

/** Thrown when the policy check of a synth has errors; its message says how many and what to do. */
export class PolicyViolationError extends Error {
  constructor(readonly report: PolicyReport) {
    const count = errorCount(report);
    super(
      `The policy check found ${count} error${count === 1 ? '' : 's'} (listed above); fix each, or waive it with a reason and an expiry date in policyWaivers in org.yaml`,
    );
    this.name = 'PolicyViolationError';
  }
}

/**
 * The stacks of a synth output, each by the path of its `cdk.tf.json` (what pipeline/synth-output.ts
 * `readSynthOutput` returns; the policy pack reads only the JSON files).
 */
export interface SynthesizedStackFiles {
  readonly stacks: readonly { readonly file: string }[];
}

/** The cdk.tf.json of every stack of a synth output. */
export function readSynthesizedStacks(output: SynthesizedStackFiles): StackDocument[] {
  return output.stacks.map((stack) => readTerraformJsonFile(stack.file));
}

/** Checks every synthesized stack against the pack, with the model's waivers. */
export function checkSynthesizedStacks(
  output: SynthesizedStackFiles,
  model: Pick<LandingZone, 'policyWaivers'>,
  options: Omit<CheckOptions, 'waivers'> = {},
): PolicyReport {
  return checkDocuments(readSynthesizedStacks(output), { ...options, waivers: model.policyWaivers });
}

/**
 * What every synth calls afterwards: checks every stack, prints the report, and throws
 * PolicyViolationError when it has errors (nothing reaches Terraform then).
 */
export function enforcePolicy(
  output: SynthesizedStackFiles,
  model: Pick<LandingZone, 'policyWaivers'>,
  log: (line: string) => void = (line) => console.error(line),
): PolicyReport {
  const report = checkSynthesizedStacks(output, model);
  for (const line of formatReport(report)) log(line);
  if (errorCount(report) > 0) throw new PolicyViolationError(report);
  return report;
}
