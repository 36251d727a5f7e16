import type { EvaluateOnExitPlan } from './types';

/* Batch retries an attempt when no evaluate-on-exit entry matches, so every strategy ends in a catch-all EXIT. */

export const CATCH_ALL_EXIT: EvaluateOnExitPlan = { action: 'EXIT', onReason: '*' };
export const MAX_ATTEMPTS = 10;
export const MAX_EVALUATE_ON_EXIT = 5;

export function isCatchAllExit(entry: EvaluateOnExitPlan): boolean {
  const conditions = [entry.onStatusReason, entry.onReason, entry.onExitCode].filter((value) => value !== undefined);
  return entry.action === 'EXIT' && conditions.length === 1 && conditions[0] === '*';
}

/** The entries as configured, plus the catch-all EXIT unless the last one already is one. */
export function withCatchAllExit(entries: readonly EvaluateOnExitPlan[]): EvaluateOnExitPlan[] {
  const last = entries[entries.length - 1];
  return last && isCatchAllExit(last) ? [...entries] : [...entries, CATCH_ALL_EXIT];
}
