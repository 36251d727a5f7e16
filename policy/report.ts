import type { PolicyWaiver } from '../model/types';
import { evaluateStack } from './engine';
import { ALL_RULES } from './rules';
import type { Finding, PolicyNote, PolicyRule, StackDocument } from './types';
import { applyWaivers, type WaivedFinding, type WaiverProblem } from './waivers';

export interface PolicyReport {
  /** Stacks checked, sorted. */
  readonly stacks: readonly string[];
  readonly rules: readonly string[];
  /** Findings no waiver covers, errors and warnings, by stack, address and rule. */
  readonly findings: readonly Finding[];
  /** Findings a valid waiver covers: reported, never failing. */
  readonly waived: readonly WaivedFinding[];
  /** Expired waivers and waivers of unknown rules: errors. */
  readonly waiverProblems: readonly WaiverProblem[];
  readonly unusedWaivers: readonly PolicyWaiver[];
  readonly notes: readonly PolicyNote[];
}

export interface CheckOptions {
  /** @default none */
  readonly waivers?: readonly PolicyWaiver[];
  /** YYYY-MM-DD. @default today (UTC) */
  readonly today?: string;
  /** @default ALL_RULES */
  readonly rules?: readonly PolicyRule[];
}

export function checkDocuments(documents: readonly StackDocument[], options: CheckOptions = {}): PolicyReport {
  const rules = options.rules ?? ALL_RULES;
  const evaluations = documents.map((document) => evaluateStack(document, rules));
  const outcome = applyWaivers(
    evaluations.flatMap((evaluation) => evaluation.findings),
    options.waivers ?? [],
    { today: options.today, knownRules: rules.map((rule) => rule.id) },
  );
  return {
    stacks: [...new Set(documents.map((document) => document.stack))].sort(),
    rules: rules.map((rule) => rule.id),
    findings: outcome.findings.sort(byLocation),
    waived: outcome.waived.sort((a, b) => byLocation(a.finding, b.finding)),
    waiverProblems: outcome.problems,
    unusedWaivers: outcome.unused,
    notes: evaluations.flatMap((evaluation) => evaluation.notes),
  };
}

export function errorCount(report: PolicyReport): number {
  return report.findings.filter((finding) => finding.severity === 'error').length + report.waiverProblems.length;
}

/** `<stack> <address>: <rule> (<checkov>) <title> — <fix>` */
export function formatFinding(finding: Finding): string {
  return `${finding.stack} ${finding.address}: ${finding.rule} (${finding.checkov ?? 'no checkov equivalent'}) ${finding.title} — ${finding.fix}`;
}

export function formatWaiverProblem(problem: WaiverProblem): string {
  const { waiver } = problem;
  return `org.yaml policyWaivers[${problem.index}] (${waiver.rule}, stack ${waiver.stack}, resource ${waiver.resource}): ${problem.message} — ${problem.fix}`;
}

/** Every line a person needs: errors, warnings, waiver problems, waived findings, notes, then a summary. */
export function formatReport(report: PolicyReport): string[] {
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const warnings = report.findings.filter((finding) => finding.severity === 'warning');
  return [
    ...errors.map(formatFinding),
    ...warnings.map((finding) => `warning: ${formatFinding(finding)}`),
    ...report.waiverProblems.map(formatWaiverProblem),
    ...report.waived.map(
      ({ finding, waiver }) =>
        `waived: ${finding.stack} ${finding.address}: ${finding.rule} (${finding.checkov ?? 'no checkov equivalent'}) until ${waiver.expires} — ${waiver.reason}`,
    ),
    ...report.unusedWaivers.map(
      (waiver) => `note: waiver for ${waiver.rule} (stack ${waiver.stack}, resource ${waiver.resource}) matches no finding — remove it`,
    ),
    ...report.notes.map((note) => `note: ${note.stack}: ${note.rule}: ${note.message}`),
    formatSummary(report),
  ];
}

export function formatSummary(report: PolicyReport): string {
  const warnings = report.findings.filter((finding) => finding.severity === 'warning').length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return (
    `policy: ${plural(report.rules.length, 'rule')} over ${plural(report.stacks.length, 'stack')}: ` +
    `${plural(errorCount(report), 'error')}, ${plural(warnings, 'warning')}, ${report.waived.length} waived`
  );
}

/** The "Policy waivers" section of the plan summary (Markdown). */
export function formatWaiversMarkdown(report: PolicyReport): string {
  const lines = ['### Policy waivers', ''];
  if (report.waived.length === 0) lines.push('No policy findings are waived.');
  else {
    lines.push('| stack | resource | rule | reason | expires |', '|---|---|---|---|---|');
    for (const { finding, waiver } of report.waived) {
      const rule = finding.checkov ? `${finding.rule} (${finding.checkov})` : finding.rule;
      lines.push(`| ${cell(finding.stack)} | \`${cell(finding.address)}\` | ${rule} | ${cell(waiver.reason)} | ${waiver.expires} |`);
    }
  }
  if (report.waiverProblems.length > 0) {
    lines.push('', '**Waivers that fail the run** (fix them in `policyWaivers` in org.yaml):', '');
    for (const problem of report.waiverProblems) {
      const { waiver } = problem;
      lines.push(`- ${waiver.rule} on \`${cell(waiver.stack)}\` / \`${cell(waiver.resource)}\`: ${problem.message} — ${problem.fix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function byLocation(a: Finding, b: Finding): number {
  return a.stack.localeCompare(b.stack) || a.address.localeCompare(b.address) || a.rule.localeCompare(b.rule);
}
