import { isDeepStrictEqual } from 'node:util';
import { isObject, type PathStep, type PlanChange } from '../plan-json';

/*
 * Which attributes a change touches, as `path: before → after` lines a reviewer can read. Values
 * marked sensitive in before_sensitive/after_sensitive are never shown, only `(sensitive)`.
 */

export const SENSITIVE = '(sensitive)';
export const KNOWN_AFTER_APPLY = '(known after apply)';
/** Longest rendering of one value; longer ones end in `…`. */
export const MAX_VALUE_LENGTH = 120;

export interface AttributeChange {
  /** `cidr_block`, `tags.Name`, `ingress[0].cidr_blocks`, `tags["kubernetes.io/role"]`. */
  readonly path: string;
  /** JSON text of the value, `(sensitive)`, or absent when the attribute did not exist. */
  readonly before?: string;
  /** JSON text of the value, `(sensitive)`, `(known after apply)`, or absent when it goes away. */
  readonly after?: string;
  /** The plan lists this path (or a parent of it) in replace_paths. */
  readonly forcesReplacement?: true;
}

/**
 * Attribute changes of an update, replacement or drift: every leaf whose value differs. Lists of
 * equal length are compared element by element, others as a whole.
 */
export function changedAttributes(change: PlanChange): AttributeChange[] {
  const out: AttributeChange[] = [];
  diff([], change.before, change.after, marks(change), out);
  const forcing = (change.replace_paths ?? []).map(formatPath);
  return out.map((attribute) =>
    forcing.some((path) => attribute.path === path || attribute.path.startsWith(`${path}.`) || attribute.path.startsWith(`${path}[`))
      ? { ...attribute, forcesReplacement: true }
      : attribute,
  );
}

/**
 * What a create sets, as far as the plan knows it: values known at plan time, without nulls,
 * empty blocks and `tags_all` (the tags plus the provider's default tags).
 */
export function createdAttributes(change: PlanChange): AttributeChange[] {
  const out: AttributeChange[] = [];
  const after = isObject(change.after)
    ? Object.fromEntries(Object.entries(change.after).filter(([key]) => key !== 'tags_all'))
    : change.after;
  diff([], undefined, after, marks(change), out);
  return out.filter((attribute) => attribute.after !== undefined && !['null', '[]', '{}', KNOWN_AFTER_APPLY].includes(attribute.after));
}

export function formatPath(path: readonly PathStep[]): string {
  return path
    .map((step, index) => {
      if (typeof step === 'number') return `[${step}]`;
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) return index === 0 ? step : `.${step}`;
      return `[${JSON.stringify(step)}]`;
    })
    .join('');
}

/** The sensitivity and unknown-ness masks of a change; each mirrors the value it describes. */
interface Marks {
  readonly beforeSensitive: unknown;
  readonly afterSensitive: unknown;
  readonly afterUnknown: unknown;
}

function marks(change: PlanChange): Marks {
  return { beforeSensitive: change.before_sensitive, afterSensitive: change.after_sensitive, afterUnknown: change.after_unknown };
}

function child(mask: unknown, step: PathStep): unknown {
  if (mask === true) return true;
  if (Array.isArray(mask) && typeof step === 'number') return mask[step];
  if (isObject(mask) && typeof step === 'string') return mask[step];
  return undefined;
}

function childMarks(m: Marks, step: PathStep): Marks {
  return {
    beforeSensitive: child(m.beforeSensitive, step),
    afterSensitive: child(m.afterSensitive, step),
    afterUnknown: child(m.afterUnknown, step),
  };
}

function diff(path: PathStep[], before: unknown, after: unknown, m: Marks, out: AttributeChange[]): void {
  if (m.afterUnknown === true) {
    out.push(entry(path, before === undefined ? undefined : show(before, m.beforeSensitive), KNOWN_AFTER_APPLY));
    return;
  }
  if (m.beforeSensitive === true || m.afterSensitive === true) {
    if (!isDeepStrictEqual(before, after))
      out.push(entry(path, before === undefined ? undefined : SENSITIVE, after === undefined ? undefined : SENSITIVE));
    return;
  }
  const absentBefore = before === undefined || before === null;
  // An object whose keys are all unknown can reach the JSON as after: null with after_unknown {key: true}.
  const afterObject = isObject(after) ? after : (after === undefined || after === null) && isObject(m.afterUnknown) ? {} : undefined;
  if (afterObject && (isObject(before) || absentBefore)) {
    const previous = isObject(before) ? before : {};
    const unknownKeys = isObject(m.afterUnknown) ? Object.keys(m.afterUnknown) : [];
    const keys = [...new Set([...Object.keys(previous), ...Object.keys(afterObject), ...unknownKeys])].sort();
    for (const key of keys) diff([...path, key], previous[key], afterObject[key], childMarks(m, key), out);
    return;
  }
  if (Array.isArray(after) && after.length > 0 && (absentBefore || (Array.isArray(before) && before.length === after.length))) {
    after.forEach((item, index) =>
      diff([...path, index], Array.isArray(before) ? before[index] : undefined, item, childMarks(m, index), out),
    );
    return;
  }
  if (isObject(before) && after === undefined) {
    for (const key of Object.keys(before).sort()) diff([...path, key], before[key], undefined, childMarks(m, key), out);
    return;
  }
  if (isDeepStrictEqual(before, after) && !containsTrue(m.afterUnknown)) return;
  out.push(
    entry(
      path,
      before === undefined ? undefined : show(before, m.beforeSensitive),
      after === undefined ? undefined : show(after, m.afterSensitive, m.afterUnknown),
    ),
  );
}

function entry(path: readonly PathStep[], before: string | undefined, after: string | undefined): AttributeChange {
  const attribute: { path: string; before?: string; after?: string } = { path: formatPath(path) || '(whole value)' };
  if (before !== undefined) attribute.before = before;
  if (after !== undefined) attribute.after = after;
  return attribute;
}

/** JSON text of a value with its sensitive and unknown parts replaced by markers, cut to MAX_VALUE_LENGTH. */
export function show(value: unknown, sensitive: unknown, unknown?: unknown): string {
  const text = JSON.stringify(masked(value, sensitive, unknown)) ?? 'null';
  const shown = text === `"${SENSITIVE}"` || text === `"${KNOWN_AFTER_APPLY}"` ? text.slice(1, -1) : text;
  return shown.length > MAX_VALUE_LENGTH ? `${shown.slice(0, MAX_VALUE_LENGTH - 1)}…` : shown;
}

function masked(value: unknown, sensitive: unknown, unknown: unknown): unknown {
  if (sensitive === true) return SENSITIVE;
  if (unknown === true) return KNOWN_AFTER_APPLY;
  if (Array.isArray(value)) return value.map((item, index) => masked(item, child(sensitive, index), child(unknown, index)));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, masked(item, child(sensitive, key), child(unknown, key))]));
  return value;
}

function containsTrue(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(containsTrue);
  if (isObject(mask)) return Object.values(mask).some(containsTrue);
  return false;
}
