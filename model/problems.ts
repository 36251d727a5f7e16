/** One thing wrong with the config, located precisely enough to fix without searching. */
export interface ConfigProblem {
  /** File as the user names it, e.g. `environments/prod.yaml`. */
  readonly file: string;
  /** Dotted path inside the file, e.g. `accounts.payments.vpc.cidr`; empty for the whole file. */
  readonly path: string;
  /** What is wrong; reads as a sentence after the path. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  readonly line?: number;
  readonly column?: number;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  const subject = problem.path ? `${problem.path} ` : '';
  return `${where}: ${subject}${problem.message} — ${problem.fix}`;
}

/** Thrown when the config has problems; carries every problem found, never just the first. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `The landing-zone config has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was synthesized:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

export function joinPath(segments: readonly (string | number)[]): string {
  return segments.map(String).join('.');
}

/** Keeps the first problem for each key (e.g. one report per path when several checks hit it). */
export function uniqueBy(problems: readonly ConfigProblem[], key: (problem: ConfigProblem) => string): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => !seen.has(key(problem)) && seen.add(key(problem)));
}
