import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LandingZone } from '../../model/types';
import type { StackComparison } from '../changed-stacks';
import { renderTopology } from '../diagram';
import type { StackOutcome } from '../run-plan';
import { hasChanges, summarizePlans } from './analyze';
import { readPlanFile } from './read';
import { renderStackSummaries, type SummaryOptions } from './render';
import { GLOBAL_GROUP, OTHER_GROUP } from './stack-names';

/** Where `npm run plan` writes the summary: next to the stacks in the synth output. */
export const PLAN_SUMMARY_FILE = 'plan-summary.md';

export interface PlanSummaryInput {
  /** Where writePlanSummary writes plan-summary.md. */
  readonly outdir: string;
  readonly outcomes: readonly StackOutcome[];
  readonly mode: 'offline' | 'live';
  /** The ref and result of --changed-since. */
  readonly changedSince?: { readonly ref: string; readonly comparison: StackComparison };
  /** When given, the summary ends with the topology of the environments whose stacks change. */
  readonly model?: LandingZone;
  readonly extraSections?: readonly string[];
  /** Lines under the headline. */
  readonly notes?: readonly string[];
  /**
   * Set when the changed stacks were planned against the ref's offline plans (the removed stacks'
   * destroy plans are among the outcomes then).
   * @default none
   */
  readonly offlineDiffAgainst?: string;
}

/** Renders the summary of a pipeline run to `<outdir>/plan-summary.md` and returns its path. */
export function writePlanSummary(input: PlanSummaryInput): string {
  const file = path.join(input.outdir, PLAN_SUMMARY_FILE);
  fs.mkdirSync(input.outdir, { recursive: true });
  fs.writeFileSync(file, renderPlanSummary(input));
  return file;
}

/** The Markdown summary of a pipeline run (or of the merged shards of one). */
export function renderPlanSummary(input: Omit<PlanSummaryInput, 'outdir'>): string {
  const environments = input.model?.environments.map((environment) => environment.name);
  const summaries = summarizePlans(
    input.outcomes
      .filter((outcome) => outcome.ok && outcome.planJsonFile)
      .map((outcome) => readPlanFile(outcome.planJsonFile!, outcome.stack)),
    environments,
  );
  const touched = [...new Set(summaries.filter(hasChanges).map((summary) => summary.environment))].filter(
    (environment) => environment !== GLOBAL_GROUP && environment !== OTHER_GROUP,
  );
  const known = touched.filter((environment) => input.model?.environments.some((candidate) => candidate.name === environment));
  const options: SummaryOptions = {
    mode: input.mode,
    environments,
    failed: input.outcomes
      .filter((outcome) => !outcome.ok)
      .map((outcome) => ({ stack: outcome.stack, step: outcome.error!.step, message: outcome.error!.message })),
    ...(input.changedSince
      ? {
          changedSince: input.changedSince.ref,
          skipped: input.changedSince.comparison.unchanged,
          removed: input.offlineDiffAgainst ? [] : input.changedSince.comparison.removed,
        }
      : {}),
    ...(input.model && known.length > 0
      ? { topology: `\`\`\`mermaid\n${renderTopology(input.model, { environments: known })}\n\`\`\`` }
      : {}),
    extraSections: input.extraSections,
    notes: input.notes,
    ...(input.offlineDiffAgainst ? { offlineDiffAgainst: input.offlineDiffAgainst } : {}),
  };
  return renderStackSummaries(summaries, options);
}
