/** Counts of a plan, as Terraform counts them (a replacement is one add and one destroy). */
export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Replacements, also counted in add and destroy. */
  readonly replace: number;
}

interface PlanJson {
  readonly format_version?: string;
  readonly resource_changes?: readonly { readonly mode?: string; readonly change?: { readonly actions?: readonly string[] } }[];
}

export function countPlan(plan: PlanJson): PlanCounts {
  if (typeof plan.format_version !== 'string')
    throw new Error('not a Terraform plan in JSON (terraform show -json): format_version is missing');
  const counts = { add: 0, change: 0, destroy: 0, replace: 0 };
  for (const change of plan.resource_changes ?? []) {
    if (change.mode === 'data') continue;
    const actions = change.change?.actions ?? [];
    if (actions.includes('create') && actions.includes('delete')) {
      counts.replace += 1;
      counts.add += 1;
      counts.destroy += 1;
    } else if (actions.includes('create')) counts.add += 1;
    else if (actions.includes('update')) counts.change += 1;
    else if (actions.includes('delete')) counts.destroy += 1;
  }
  return counts;
}

export function formatCounts(counts: PlanCounts): string {
  const replace = counts.replace > 0 ? ` (${counts.replace} replaced)` : '';
  return `+${counts.add} ~${counts.change} -${counts.destroy}${replace}`;
}
