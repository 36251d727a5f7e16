import { formatCounts } from '../plan-counts';
import type { StackSummary } from './analyze';
import { attributeText, changeItem, code, escapeHtml, plural } from './markdown-text';

/*
 * The collapsible parts of the summary — per-stack changes and drift — each rendered within a
 * length it is given, dropping whole list items and saying how many.
 */

/** A `<details>` block of a stack's changes within `maxLength` characters, or undefined when not even the heading fits. */
export function stackDetails(summary: StackSummary, maxLength = Infinity): string | undefined {
  const counts = formatCounts(summary.counts);
  const failed = summary.errored ? ' ❌ errored, incomplete' : summary.incomplete ? ' ⚠ incomplete' : '';
  const summaryLine = `<code>${escapeHtml(summary.stack)}</code>${failed} ${counts}${summary.unchanged > 0 ? `, ${summary.unchanged} unchanged` : ''}`;
  const items = summary.changes.map((change) => changeItem(change));
  if (summary.outputs.length > 0)
    items.push(['- **outputs**', ...summary.outputs.map((output) => `  - ${attributeText(output)}`)].join('\n'));
  for (const deferred of summary.deferred)
    items.push(`- ⏸ **deferred** ${code(deferred.address)} (${deferred.action}) — ${code(deferred.reason)}: planned in a later run`);
  return collapsible(summaryLine, items, summary.file, 'change', maxLength);
}

/** A `<details>` block of a stack's drift within `maxLength`, or undefined (no drift, or no room). */
export function driftDetails(summary: StackSummary, maxLength = Infinity): string | undefined {
  if (summary.drift.length === 0) return undefined;
  const summaryLine = `<code>${escapeHtml(summary.stack)}</code> ${plural(summary.drift.length, 'resource')} changed outside Terraform`;
  return collapsible(
    summaryLine,
    summary.drift.map((change) => changeItem(change, 'drift')),
    summary.file,
    'drifted resource',
    maxLength,
  );
}

function collapsible(summaryLine: string, items: readonly string[], file: string, noun: string, maxLength: number): string | undefined {
  const head = `<details><summary>${summaryLine}</summary>\n\n`;
  const foot = '\n\n</details>';
  const full = head + items.join('\n') + foot;
  if (full.length <= maxLength) return full;
  const note = (hidden: number) =>
    `\n\n_… ${plural(hidden, `more ${noun}`)} not shown, to keep the comment under GitHub's 65,536 characters: see ${code(file)}._`;
  let body = '';
  let shown = 0;
  for (const item of items) {
    const next = body + (shown > 0 ? '\n' : '') + item;
    if (head.length + next.length + note(items.length - shown - 1).length + foot.length > maxLength) break;
    body = next;
    shown += 1;
  }
  const block = head + body + note(items.length - shown) + foot;
  return block.length <= maxLength ? block : undefined;
}

/**
 * Splits `budget` among blocks of the given sizes so that small blocks are shown whole and the
 * large ones share the rest equally (water-filling): one huge stack cannot push out the others.
 */
export function fairShares(sizes: readonly number[], budget: number): number[] {
  const shares = sizes.map(() => 0);
  let remaining = Math.max(0, budget);
  const bySize = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
  bySize.forEach(({ size, index }, position) => {
    const share = Math.min(size, Math.floor(remaining / (bySize.length - position)));
    shares[index] = share;
    remaining -= share;
  });
  return shares;
}
