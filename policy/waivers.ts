import type { PolicyWaiver } from '../model/types';
import type { Finding } from './types';

/*
 * Waivers come only from config (`policyWaivers` in org.yaml): rule id, stack (or a `*` glob),
 * resource address glob, a reason and an expiry date. An expired waiver waives nothing and is an
 * error of its own, so exceptions cannot outlive their review.
 */

export interface WaivedFinding {
  readonly finding: Finding;
  readonly waiver: PolicyWaiver;
}

export interface WaiverProblem {
  /** Position in `policyWaivers`, to find it in org.yaml. */
  readonly index: number;
  readonly waiver: PolicyWaiver;
  readonly message: string;
  readonly fix: string;
}

export interface WaiverOutcome {
  /** Findings no waiver covers. */
  readonly findings: Finding[];
  readonly waived: WaivedFinding[];
  readonly problems: WaiverProblem[];
  /** Valid waivers that matched no finding. */
  readonly unused: PolicyWaiver[];
}

export interface WaiverOptions {
  /** YYYY-MM-DD; a waiver applies through its `expires` day. @default today (UTC) */
  readonly today?: string;
  /** Rule ids that exist; a waiver naming another id is a problem. */
  readonly knownRules: readonly string[];
}

export function applyWaivers(findings: readonly Finding[], waivers: readonly PolicyWaiver[], options: WaiverOptions): WaiverOutcome {
  const today = options.today ?? todayUtc();
  const problems: WaiverProblem[] = [];
  const active: PolicyWaiver[] = [];
  waivers.forEach((waiver, index) => {
    if (!options.knownRules.includes(waiver.rule)) {
      problems.push({
        index,
        waiver,
        message: `names ${waiver.rule}, which is not a policy rule`,
        fix: `use one of ${[...options.knownRules].sort().join(', ')}`,
      });
    } else if (waiver.expires < today) {
      problems.push({
        index,
        waiver,
        message: `expired on ${waiver.expires} and no longer applies`,
        fix: 'renew it with a later expires date after reviewing the exception again, or remove it and fix the finding',
      });
    } else {
      active.push(waiver);
    }
  });
  const used = new Set<PolicyWaiver>();
  const open: Finding[] = [];
  const waived: WaivedFinding[] = [];
  for (const finding of findings) {
    const waiver = active.find((candidate) => waiverMatches(candidate, finding));
    if (!waiver) {
      open.push(finding);
      continue;
    }
    used.add(waiver);
    waived.push({ finding, waiver });
  }
  return { findings: open, waived, problems, unused: active.filter((waiver) => !used.has(waiver)) };
}

export function waiverMatches(waiver: PolicyWaiver, finding: Finding): boolean {
  return waiver.rule === finding.rule && globMatches(waiver.stack, finding.stack) && globMatches(waiver.resource, finding.address);
}

/** `*` matches any run of characters (dots included); everything else is literal. */
export function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
