/*
 * Reading argument values the same way whether they come from cdk.tf.json or a plan. Anything that
 * is not a literal (an unresolved `${...}` reference, a value unknown until apply) reads as undefined.
 */

export type Block = Readonly<Record<string, unknown>>;

/** A nested block argument as a list: cdk.tf.json writes single blocks as objects, plans as arrays. */
export function blocks(value: unknown): Block[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A list of strings (or a single string) as a list; non-strings are dropped. */
export function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** True for `true` and `"true"`, false for `false` and `"false"`, undefined otherwise. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const ANYWHERE_IPV4 = '0.0.0.0/0';
export const ANYWHERE_IPV6 = '::/0';

export function isAnywhere(cidr: string): boolean {
  return cidr.trim() === ANYWHERE_IPV4 || cidr.trim() === ANYWHERE_IPV6;
}

/**
 * Parses a JSON document written as a Terraform string. In a cdk.tf.json an interpolation inside
 * it may hold quotes (`${data.x.outputs.ids["orders"]}`), which break the JSON around it: they are
 * escaped first, so the interpolation reads as part of its string value. Undefined when it is not JSON.
 */
export function parseJsonWithInterpolations(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not plain JSON: try again with the quotes inside interpolations escaped.
  }
  let escaped = '';
  let depth = 0;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (depth === 0 && text.startsWith('${', at)) {
      depth = 1;
      escaped += '${';
      at += 1;
      continue;
    }
    if (depth > 0) {
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      escaped += char === '"' && text[at - 1] !== '\\' ? '\\"' : char;
      continue;
    }
    escaped += char;
  }
  try {
    return JSON.parse(escaped);
  } catch {
    return undefined;
  }
}
