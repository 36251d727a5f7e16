import type { AttributeChange } from './attributes';
import type { ResourceChangeSummary } from './analyze';

/* Markdown building blocks: safe code spans, one line per change and per attribute. */

/** Most attribute lines shown for one resource; the rest are counted. */
export const MAX_ATTRIBUTES_PER_CHANGE = 30;

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return longestRun === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** `**replace** (destroy, then create)`, `**update** in place`, … */
export function actionLabel(change: ResourceChangeSummary): string {
  switch (change.action) {
    case 'replace':
      return change.replaceOrder === 'create-before-destroy' ? '**replace** (create, then destroy)' : '**replace** (destroy, then create)';
    case 'delete':
      return '**destroy**';
    case 'update':
      return '**update** in place';
    case 'forget':
      return '**forget** (removed from state, not destroyed)';
    default:
      return `**${change.action}**`;
  }
}

/** Terraform's own marker for the action, so the list reads like `terraform plan`. */
export function actionSymbol(change: ResourceChangeSummary): string {
  const symbols: Record<ResourceChangeSummary['action'], string> = {
    create: '+',
    update: '~',
    delete: '-',
    replace: change.replaceOrder === 'create-before-destroy' ? '+/-' : '-/+',
    forget: '.',
    move: '→',
    import: '←',
  };
  return code(symbols[change.action]);
}

/** Why a destroy or replacement happens: the forcing attributes, else Terraform's reason. */
export function whyText(change: ResourceChangeSummary): string {
  const parts: string[] = [];
  if (change.forcedBy.length > 0) parts.push(`forced by ${change.forcedBy.map(code).join(', ')}`);
  if (change.reason) parts.push(change.reason);
  return parts.join('; ');
}

/**
 * A change with its attributes, as a Markdown list item (one line, then indented attribute lines).
 * Drift reads "changed / deleted outside Terraform" instead of what Terraform will do.
 */
export function changeItem(change: ResourceChangeSummary, kind: 'plan' | 'drift' = 'plan'): string {
  const label = kind === 'drift' ? (change.action === 'delete' ? '**deleted**' : '**changed**') : actionLabel(change);
  const notes = [
    change.previousAddress ? `moved from ${code(change.previousAddress)}` : '',
    change.importing && change.action !== 'import' ? 'imported' : '',
    whyText(change),
  ].filter(Boolean);
  const head = `- ${actionSymbol(change)} ${label} ${code(change.address)}${notes.length > 0 ? ` — ${notes.join('; ')}` : ''}`;
  const shown = change.attributes.slice(0, MAX_ATTRIBUTES_PER_CHANGE).map((attribute) => `  - ${attributeText(attribute)}`);
  const hidden = change.attributes.length - shown.length;
  if (hidden > 0) shown.push(`  - … ${plural(hidden, 'more attribute')}`);
  return [head, ...shown].join('\n');
}

export function attributeText(attribute: AttributeChange): string {
  const forcing = attribute.forcesReplacement ? ' ⚠ forces replacement' : '';
  if (attribute.before === undefined) return `${code(attribute.path)} = ${code(attribute.after ?? 'null')}${forcing}`;
  const after = attribute.after === undefined ? '(removed)' : code(attribute.after);
  return `${code(attribute.path)}: ${code(attribute.before)} → ${after}${forcing}`;
}
