import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** The cdk.tf.json of every stack in a synth output folder, as listed in its manifest.json. */
export function readSynthesizedStacks(outdir: string): StackDocument[] {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} does not exist; synthesize first (npm run synth)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return Object.entries(manifest.stacks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, entry]) => readTerraformJsonFile(path.join(outdir, entry.synthesizedStackPath)));
}

/** Checks every synthesized stack against the pack, with the model's waivers. */
export function checkSynthesizedStacks(
  outdir: string,
  model: Pick<LandingZone, 'policyWaivers'>,
  options: Omit<CheckOptions, 'waivers'> = {},
): PolicyReport {
  return checkDocuments(readSynthesizedStacks(outdir), { ...options, waivers: model.policyWaivers });
}

/**
 * What `npm run synth` and `npm run plan` call after synthesizing: checks every stack, prints the
 * report, and throws PolicyViolationError when it has errors (nothing reaches Terraform then).
 */
export function enforcePolicy(
  outdir: string,
  model: Pick<LandingZone, 'policyWaivers'>,
  log: (line: string) => void = (line) => console.error(line),
): PolicyReport {
  const report = checkSynthesizedStacks(outdir, model);
  for (const line of formatReport(report)) log(line);
  if (errorCount(report) > 0) throw new PolicyViolationError(report);
  return report;
}
