import type { PlanCounts } from '../plan-counts';
import { hasChanges, summarizePlans, type PlanInput, type StackSummary } from './analyze';
import { DESTROY_LIST_LEVELS, renderCutDestroyList, renderDestroyList } from './destroy-list';
import { driftDetails, fairShares, stackDetails } from './details';
import { code, escapeHtml, plural, tableCell } from './markdown-text';
import { compareGroups, environmentOfStack, GLOBAL_GROUP } from './stack-names';

/*
 * The Markdown summary of one or more plans, for a pull-request comment. Layout: headline with
 * totals; destroys and replacements; a table per environment; drift; per-stack details; extra
 * sections; the topology. Never longer than `maxLength`: details, drift, failure logs and the
 * topology give way first, the headline, destroy list, tables and extra sections never do (the
 * destroy list is shortened as destroy-list.ts describes).
 */

/** GitHub's limit for an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Default length of a summary: the limit, less room for the marker and heading a workflow adds. */
export const DEFAULT_MAX_LENGTH = 64_000;

export interface FailedStack {
  readonly stack: string;
  /** The Terraform step that failed: init, plan or show. */
  readonly step: string;
  readonly message: string;
}

export interface SummaryOptions {
  /** Markdown sections appended after the details and never truncated (e.g. policy waivers). */
  readonly extraSections?: readonly string[];
  /** Stacks left out because their synthesized Terraform did not change since `changedSince`. */
  readonly skipped?: readonly string[];
  /** Stacks that exist at `changedSince` but no longer at HEAD. */
  readonly removed?: readonly string[];
  /** The git ref of `npm run plan -- --changed-since <ref>`. */
  readonly changedSince?: string;
  readonly failed?: readonly FailedStack[];
  /** Lines shown under the headline, e.g. why --changed-since fell back to planning everything. */
  readonly notes?: readonly string[];
  /** `offline` adds a note that state is empty and remote-state values are placeholders. */
  readonly mode?: 'offline' | 'live';
  /**
   * The ref whose offline plans the stacks were planned against (`--changed-since` offline): the
   * note then says so instead of "state is empty".
   * @default none: offline plans are against empty state
   */
  readonly offlineDiffAgainst?: string;
  /** Markdown (e.g. a mermaid block) shown collapsed at the end when there is room for all of it. */
  readonly topology?: string;
  /** The organization's environment names: stacks outside them are grouped as organization-wide. */
  readonly environments?: readonly string[];
  /** @default DEFAULT_MAX_LENGTH */
  readonly maxLength?: number;
}

const MAX_FAILURE_LOG = 3_000;
const SEPARATOR = '\n\n';

/** Summarizes the plans (PlanFileError naming the file for anything that is not a plan) and renders them. */
export function renderSummary(plans: readonly PlanInput[], options: SummaryOptions = {}): string {
  return renderStackSummaries(summarizePlans(plans, options.environments), options);
}

export function renderStackSummaries(summaries: readonly StackSummary[], options: SummaryOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const before = [headline(summaries, options)];
  const tables = environmentTables(summaries, options);
  const after = [tables, ...(options.extraSections ?? [])].filter(Boolean);
  const fixedLength = [...before, ...after].reduce((sum, part) => sum + part.length + SEPARATOR.length, 0);
  const roomForDetails = 400; // at least a truncated details block
  let destroyList = '';
  for (const level of DESTROY_LIST_LEVELS) {
    destroyList = renderDestroyList(summaries, level);
    if (fixedLength + destroyList.length + roomForDetails <= maxLength) break;
  }
  if (fixedLength + destroyList.length + roomForDetails > maxLength)
    destroyList = renderCutDestroyList(summaries, Math.max(0, maxLength - fixedLength - roomForDetails));

  const required = [...before, destroyList, ...after].filter(Boolean);
  let budget = maxLength - required.reduce((sum, part) => sum + part.length + SEPARATOR.length, 0);
  const take = (part: string | undefined): string => {
    if (!part) return '';
    budget -= part.length + SEPARATOR.length;
    return part;
  };
  const failures = take(failureLogs(options.failed ?? [], budget / 4));
  const drift = take(driftSection(summaries, budget / 3));
  const details = take(detailsSection(summaries, budget));
  const topology = options.topology ? topologySection(options.topology) : '';
  const shownTopology = topology.length + SEPARATOR.length <= budget ? take(topology) : '';

  const text = [...before, failures, destroyList, tables, drift, details, ...(options.extraSections ?? []), shownTopology]
    .filter(Boolean)
    .join(SEPARATOR);
  // Only reachable when the tables and extra sections alone exceed maxLength.
  return text.length < maxLength ? `${text}\n` : `${text.slice(0, maxLength - 80)}\n\n_… cut to stay under GitHub's comment limit._\n`;
}

export function totalCounts(
  summaries: readonly StackSummary[],
): Required<PlanCounts> & { unchanged: number; drifted: number; deferred: number; incomplete: number } {
  return summaries.reduce(
    (sum, summary) => ({
      add: sum.add + summary.counts.add,
      change: sum.change + summary.counts.change,
      destroy: sum.destroy + summary.counts.destroy,
      replace: sum.replace + summary.counts.replace,
      import: sum.import + (summary.counts.import ?? 0),
      forget: sum.forget + (summary.counts.forget ?? 0),
      unchanged: sum.unchanged + summary.unchanged,
      drifted: sum.drifted + summary.drift.length,
      deferred: sum.deferred + summary.deferred.length,
      incomplete: sum.incomplete + (summary.incomplete ? 1 : 0),
    }),
    { add: 0, change: 0, destroy: 0, replace: 0, import: 0, forget: 0, unchanged: 0, drifted: 0, deferred: 0, incomplete: 0 },
  );
}

/** Terraform's own "Plan:" wording: imports first and forgets last, each only when there are any. */
export function planLine(totals: PlanCounts): string {
  const imported = totals.import ? `${totals.import} to import, ` : '';
  const forgotten = totals.forget ? `, ${totals.forget} to forget` : '';
  return `${imported}${totals.add} to add, ${totals.change} to change, ${totals.destroy} to destroy${forgotten}`;
}

function headline(summaries: readonly StackSummary[], options: SummaryOptions): string {
  const totals = totalCounts(summaries);
  const changed = summaries.filter(hasChanges).length;
  const replaced = totals.replace > 0 ? ` (${plural(totals.replace, 'replacement')})` : '';
  const failedMark = totals.incomplete > 0 ? ' — ❌ FAILED, INCOMPLETE' : '';
  const lines = [
    `## Terraform plan: ${planLine(totals)}${replaced}${failedMark}`,
    '',
    `${plural(summaries.length, 'stack')} planned, ${changed} with changes, ${totals.unchanged} resources unchanged.`,
  ];
  for (const summary of summaries.filter((each) => each.incomplete))
    lines.push(
      summary.errored
        ? `❌ ${code(summary.stack)}: Terraform marked this plan as errored — planning failed half-way, so it lists only part of the changes. Do not apply it.`
        : `⚠ ${code(summary.stack)}: Terraform marked this plan as incomplete — another plan is needed after applying it.`,
    );
  if (totals.deferred > 0)
    lines.push(`⏸ ${plural(totals.deferred, 'change')} deferred by Terraform to a later plan: listed in the stack details.`);
  if (totals.destroy > 0)
    lines.push(`⚠ **${plural(totals.destroy, 'resource')} will be destroyed** (replacements included): listed first below.`);
  if (totals.drifted > 0) lines.push(`⚠ ${plural(totals.drifted, 'resource')} changed outside Terraform (drift): see below.`);
  for (const failure of options.failed ?? []) lines.push(`❌ ${code(failure.stack)}: terraform ${failure.step} failed.`);
  if (options.changedSince) {
    const skipped = options.skipped?.length ?? 0;
    lines.push(
      `Only stacks whose synthesized Terraform changed since ${code(options.changedSince)} were planned; ${plural(skipped, 'unchanged stack')} skipped.`,
    );
  }
  lines.push(...(options.notes ?? []));
  if (options.mode === 'offline' && options.offlineDiffAgainst)
    lines.push(
      `_Offline diff, against ${code(options.offlineDiffAgainst)} (no AWS credentials): each changed stack was planned against a state built from ${code(options.offlineDiffAgainst)}'s offline plan, so updates, replacements and destroys are the provider's own. It compares configurations, not live infrastructure: drift is invisible. Where credentials exist, the live plan is still preferred (docs/plan-review.md)._`,
    );
  else if (options.mode === 'offline')
    lines.push(
      '_Offline plan (no AWS credentials): state is empty, so every resource shows as created and values read from other stacks are placeholders._',
    );
  return lines.join('\n');
}

function environmentTables(summaries: readonly StackSummary[], options: SummaryOptions): string {
  const groups = new Set([
    ...summaries.map((summary) => summary.environment),
    ...[...(options.skipped ?? []), ...(options.removed ?? []), ...(options.failed ?? []).map((failure) => failure.stack)].map((stack) =>
      environmentOfStack(stack, options.environments),
    ),
  ]);
  const inGroup = (group: string) => (stack: string) => environmentOfStack(stack, options.environments) === group;
  const sections = [...groups].sort(compareGroups).map((group) => {
    const planned = summaries.filter((summary) => summary.environment === group);
    const changed = planned.filter(hasChanges);
    const quiet = planned.filter((summary) => !hasChanges(summary));
    const lines = [`### ${group === GLOBAL_GROUP ? 'global (organization-wide)' : group}`];
    if (changed.length > 0) lines.push('', ...countsTable(changed));
    const notes: string[] = [];
    if (quiet.length > 0) notes.push(`No changes: ${quiet.map((summary) => `${code(summary.stack)} (${summary.unchanged})`).join(', ')}.`);
    const skipped = (options.skipped ?? []).filter(inGroup(group));
    if (skipped.length > 0)
      notes.push(`Not planned, unchanged since ${code(options.changedSince ?? 'the base')}: ${skipped.map(code).join(', ')}.`);
    const failed = (options.failed ?? []).filter((failure) => inGroup(group)(failure.stack));
    if (failed.length > 0) notes.push(`❌ Failed: ${failed.map((failure) => `${code(failure.stack)} (${failure.step})`).join(', ')}.`);
    const removed = (options.removed ?? []).filter(inGroup(group));
    if (removed.length > 0)
      notes.push(
        `Removed since ${code(options.changedSince ?? 'the base')}: ${removed.map(code).join(', ')} — not planned and not destroyed by deploying; empty the stack first (see docs/plan-review.md).`,
      );
    if (notes.length > 0) lines.push('', ...notes);
    return lines.join('\n');
  });
  return sections.join(SEPARATOR);
}

/** One row per stack; import and forget columns only when some stack has them, as Terraform's "Plan:" line. */
function countsTable(changed: readonly StackSummary[]): string[] {
  const withImport = changed.some((summary) => (summary.counts.import ?? 0) > 0);
  const withForget = changed.some((summary) => (summary.counts.forget ?? 0) > 0);
  const extra = [...(withImport ? ['import'] : []), ...(withForget ? ['forget'] : [])];
  const header = ['stack', ...extra, 'add', 'change', 'destroy', 'replace', 'unchanged'];
  const rows = changed.map((summary) => {
    const { add, change, destroy, replace } = summary.counts;
    const warn = (count: number) => (count > 0 ? `⚠ ${count}` : '0');
    const failed = summary.errored ? ' ❌ failed, incomplete' : summary.incomplete ? ' ⚠ incomplete' : '';
    const extraCells = [...(withImport ? [summary.counts.import ?? 0] : []), ...(withForget ? [summary.counts.forget ?? 0] : [])];
    const cells = [tableCell(code(summary.stack)) + failed, ...extraCells, add, change, warn(destroy), warn(replace), summary.unchanged];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    `| ${header.join(' | ')} |`,
    `|:--|${header
      .slice(1)
      .map(() => '--:')
      .join('|')}|`,
    ...rows,
  ];
}

function driftSection(summaries: readonly StackSummary[], budget: number): string | undefined {
  const drifted = summaries.filter((summary) => summary.drift.length > 0);
  if (drifted.length === 0) return undefined;
  const heading = '### Changed outside Terraform (drift)\n\nApplying the plan reverts these unless the configuration is changed to match.';
  return blocks(heading, drifted, driftDetails, budget);
}

function detailsSection(summaries: readonly StackSummary[], budget: number): string | undefined {
  const changed = summaries.filter(hasChanges);
  if (changed.length === 0) return undefined;
  return blocks('### Changes per stack', changed, stackDetails, budget);
}

/** A heading and one block per stack, sharing `budget` fairly; stacks that get no room are named in a note. */
function blocks(
  heading: string,
  summaries: readonly StackSummary[],
  render: (summary: StackSummary, maxLength?: number) => string | undefined,
  budget: number,
): string | undefined {
  const omittedNote = (count: number) => `_Details of ${plural(count, 'more stack')} left out for length: see the plan artifacts._`;
  const available = budget - heading.length - SEPARATOR.length - omittedNote(summaries.length).length - SEPARATOR.length;
  if (available < 200) return undefined;
  const sizes = summaries.map((summary) => render(summary)!.length + SEPARATOR.length);
  const shares = fairShares(sizes, available);
  const rendered = summaries.map((summary, index) => render(summary, shares[index] - SEPARATOR.length));
  const omitted = rendered.filter((block) => block === undefined).length;
  const parts = [heading, ...rendered.filter((block): block is string => block !== undefined)];
  if (omitted > 0) parts.push(omittedNote(omitted));
  return parts.join(SEPARATOR);
}

function failureLogs(failed: readonly FailedStack[], budget: number): string | undefined {
  if (failed.length === 0) return undefined;
  const perFailure = Math.min(MAX_FAILURE_LOG, Math.floor(budget / failed.length) - 200);
  if (perFailure < 200) return undefined;
  return failed
    .map((failure) => {
      const log = failure.message.length > perFailure ? `${failure.message.slice(0, perFailure)}\n…` : failure.message;
      return `<details><summary>❌ <code>${escapeHtml(failure.stack)}</code>: terraform ${escapeHtml(failure.step)} output</summary>\n\n\`\`\`\n${log.replace(/```/g, "'''")}\n\`\`\`\n\n</details>`;
    })
    .join(SEPARATOR);
}

function topologySection(topology: string): string {
  return `<details><summary>Topology of the environments this change touches</summary>\n\n${topology.trim()}\n\n</details>`;
}
