import { isDestructive, type ResourceChangeSummary, type StackSummary } from './analyze';
import { actionLabel, code, plural, whyText } from './markdown-text';

/*
 * The "Destroys and replacements" section: every deleted or replaced address, first in the
 * summary and never dropped for details. When it is too long for the comment it is shortened
 * step by step, keeping every address as long as at all possible:
 *   1. full: one line per resource with the action, stack and forcing attributes or reason;
 *   2. compact: one line per resource, address and action only;
 *   3. grouped: one line per stack and action, addresses separated by commas;
 *   4. cut: the grouped list up to the space left, then "… and N more" — the only level that
 *      drops addresses (it would take tens of thousands of destroys in one pull request).
 */

export const DESTROY_HEADING = '### ⚠ Destroys and replacements';

export type DestroyListLevel = 'full' | 'compact' | 'grouped';
export const DESTROY_LIST_LEVELS: readonly DestroyListLevel[] = ['full', 'compact', 'grouped'];

interface Destroy {
  readonly stack: string;
  readonly change: ResourceChangeSummary;
}

export function destroysOf(summaries: readonly StackSummary[]): Destroy[] {
  return summaries.flatMap((summary) => summary.changes.filter(isDestructive).map((change) => ({ stack: summary.stack, change })));
}

/** The section at `level`, or '' when nothing is destroyed. */
export function renderDestroyList(summaries: readonly StackSummary[], level: DestroyListLevel): string {
  const destroys = destroysOf(summaries);
  if (destroys.length === 0) return '';
  const lines = level === 'grouped' ? groupedLines(destroys) : destroys.map((destroy) => lineOf(destroy, level));
  return [heading(destroys), ...lines].join('\n');
}

/** The grouped section cut to at most `maxLength` characters, ending with how many addresses were left out. */
export function renderCutDestroyList(summaries: readonly StackSummary[], maxLength: number): string {
  const destroys = destroysOf(summaries);
  if (destroys.length === 0) return '';
  let text = heading(destroys);
  let shown = 0;
  const reserve = 160;
  for (const group of groups(destroys)) {
    let line = `- ⚠ ${code(group.stack)} ${group.action}:`;
    let lineCount = 0;
    for (const address of group.addresses) {
      const piece = `${lineCount === 0 ? ' ' : ', '}${code(address)}`;
      if (text.length + 1 + line.length + piece.length + reserve > maxLength) break;
      line += piece;
      lineCount += 1;
    }
    if (lineCount === 0) break;
    text += `\n${line}`;
    shown += lineCount;
    if (lineCount < group.addresses.length) break;
  }
  const hidden = destroys.length - shown;
  if (hidden > 0)
    text += `\n- … and ${plural(hidden, 'more address', 'more addresses')} too many for one comment: see each stack's plan.json in the artifacts.`;
  return text;
}

function heading(destroys: readonly Destroy[]): string {
  const replaced = destroys.filter((destroy) => destroy.change.action === 'replace').length;
  const deleted = destroys.length - replaced;
  const parts = [deleted > 0 ? plural(deleted, 'destroy', 'destroys') : '', replaced > 0 ? plural(replaced, 'replacement') : ''];
  return `${DESTROY_HEADING}\n\n${parts.filter(Boolean).join(' and ')} — review these first.\n`;
}

function lineOf({ stack, change }: Destroy, level: Exclude<DestroyListLevel, 'grouped'>): string {
  if (level === 'compact') return `- ⚠ ${change.action === 'replace' ? 'replace' : 'destroy'} ${code(change.address)} in ${code(stack)}`;
  const why = whyText(change);
  return `- ⚠ ${actionLabel(change)} ${code(change.address)} in ${code(stack)}${why ? ` — ${why}` : ''}`;
}

interface Group {
  readonly stack: string;
  readonly action: string;
  readonly addresses: string[];
}

function groups(destroys: readonly Destroy[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const { stack, change } of destroys) {
    const action = change.action === 'replace' ? 'replace' : 'destroy';
    const key = `${stack}\u0000${action}`;
    if (!byKey.has(key)) byKey.set(key, { stack, action, addresses: [] });
    byKey.get(key)!.addresses.push(change.address);
  }
  return [...byKey.values()];
}

function groupedLines(destroys: readonly Destroy[]): string[] {
  return groups(destroys).map((group) => `- ⚠ ${code(group.stack)} ${group.action}: ${group.addresses.map(code).join(', ')}`);
}
