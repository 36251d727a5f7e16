import type { PlanJson } from './plan-json';

/** Counts of a plan, as Terraform's "Plan:" line counts them (a replacement is one add and one destroy). */
export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Replacements, also counted in add and destroy. */
  readonly replace: number;
  /**
   * Resources imported by this plan (whatever else happens to them); present only when there are any.
   * @default 0
   */
  readonly import?: number;
  /**
   * Resources removed from state without being destroyed (`removed { lifecycle { destroy = false } }`); present only when there are any.
   * @default 0
   */
  readonly forget?: number;
}

/** What a resource change does. Both ["delete","create"] and ["create","delete"] are replacements. */
export type ChangeKind = 'create' | 'update' | 'delete' | 'replace' | 'read' | 'forget' | 'no-op';

export function changeKind(actions: readonly string[]): ChangeKind {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('update')) return 'update';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('read')) return 'read';
  if (actions.includes('forget')) return 'forget';
  return 'no-op';
}

export function countPlan(plan: PlanJson): PlanCounts {
  const counts = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, forget: 0 };
  for (const change of plan.resource_changes ?? []) {
    if (change.mode === 'data') continue;
    if (change.change.importing !== undefined && change.change.importing !== null) counts.import += 1;
    if (change.change.actions.includes('forget')) counts.forget += 1;
    const kind = changeKind(change.change.actions);
    if (kind === 'replace') {
      counts.replace += 1;
      counts.add += 1;
      counts.destroy += 1;
    } else if (kind === 'create') counts.add += 1;
    else if (kind === 'update') counts.change += 1;
    else if (kind === 'delete') counts.destroy += 1;
  }
  const { import: imported, forget, ...rest } = counts;
  return { ...rest, ...(imported > 0 ? { import: imported } : {}), ...(forget > 0 ? { forget } : {}) };
}

export function formatCounts(counts: PlanCounts): string {
  const replace = counts.replace > 0 ? ` (${counts.replace} replaced)` : '';
  const imported = counts.import ? ` ←${counts.import} imported` : '';
  const forgotten = counts.forget ? ` .${counts.forget} forgotten` : '';
  return `+${counts.add} ~${counts.change} -${counts.destroy}${replace}${imported}${forgotten}`;
}
