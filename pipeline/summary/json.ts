import { summarizePlans, type PlanInput, type StackSummary } from './analyze';
import { destroysOf } from './destroy-list';
import { totalCounts, type SummaryOptions } from './render';

/*
 * The summary for machines (`npm run summarize -- --json`): the same facts as the Markdown, never
 * truncated, sensitive values masked the same way.
 */

export interface SummaryJson {
  readonly totals: ReturnType<typeof totalCounts>;
  /** Every destroyed or replaced resource, in the order the Markdown lists them. */
  readonly destroys: readonly {
    readonly stack: string;
    readonly address: string;
    readonly action: 'delete' | 'replace';
    readonly replaceOrder?: string;
    readonly forcedBy: readonly string[];
    readonly reason?: string;
  }[];
  readonly stacks: readonly StackSummary[];
  /** Stacks whose plan Terraform marked errored or incomplete: never to be read as the whole change. */
  readonly incomplete: readonly { readonly stack: string; readonly errored: boolean }[];
  readonly skipped: readonly string[];
  readonly removed: readonly string[];
  readonly failed: NonNullable<SummaryOptions['failed']>;
  readonly changedSince?: string;
}

export function summaryJson(plans: readonly PlanInput[], options: SummaryOptions = {}): SummaryJson {
  const stacks = summarizePlans(plans, options.environments);
  return {
    totals: totalCounts(stacks),
    destroys: destroysOf(stacks).map(({ stack, change }) => ({
      stack,
      address: change.address,
      action: change.action === 'replace' ? 'replace' : 'delete',
      ...(change.replaceOrder ? { replaceOrder: change.replaceOrder } : {}),
      forcedBy: change.forcedBy,
      ...(change.reason ? { reason: change.reason } : {}),
    })),
    stacks,
    incomplete: stacks.filter((stack) => stack.incomplete).map((stack) => ({ stack: stack.stack, errored: stack.errored })),
    skipped: options.skipped ?? [],
    removed: options.removed ?? [],
    failed: options.failed ?? [],
    ...(options.changedSince ? { changedSince: options.changedSince } : {}),
  };
}
