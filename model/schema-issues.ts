import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { uniqueBy, type ConfigProblem } from './problems';
import { problemAt, type SourceFile } from './yaml-source';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
};

/** The result of checking one file: its problems, and the value of what parsed. */
export interface SchemaCheck<T> {
  readonly problems: ConfigProblem[];
  /** The parsed value, without the entries listed in `dropped`; undefined when the file as a whole did not parse. */
  readonly value?: T;
  /** Paths of the named entries (e.g. `accounts.payments`) left out because they failed the schema. */
  readonly dropped: (string | number)[][];
}

/**
 * Validates one file against its schema. Every zod issue becomes a located problem whose message
 * reads after the path and ends with a fix.
 *
 * So that a schema problem does not hide the semantic problems of the rest, a failing file is
 * repaired and parsed again: each issue drops the innermost named entry that holds it (an entry
 * of a map keyed by name, such as `accounts.payments` or `networkHub.vpcs.egress`), and an issue
 * outside any named entry (e.g. a bad `region`) drops the whole file. Dropping is sound: the
 * rules only find fewer duplicates, overlaps and allocations in less config, and a reference to a
 * dropped name is not reported (see ConfigIndex.mayBeUnparsed*). Stripping only the unknown key
 * would not be: a misspelt `segmnt:` would silently take the default segment and could report
 * problems the user's config does not have. Repairs only remove entries, so an issue found on a
 * later pass is a real one and is reported too.
 */
export function checkAgainstSchema<T extends z.ZodType>(source: SourceFile, schema: T): SchemaCheck<z.output<T>> {
  let result = schema.safeParse(source.data);
  if (result.success) return { value: result.data, problems: [], dropped: [] };
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const problems: ConfigProblem[] = [];
  const dropped: (string | number)[][] = [];
  let data: unknown = structuredClone(source.data);
  for (let pass = 0; pass < MAX_REPAIR_PASSES && !result.success; pass++) {
    problems.push(...result.error.issues.flatMap((issue) => describeIssue(source, jsonSchema, issue)));
    for (const issue of result.error.issues) {
      const entry = namedEntryHolding(jsonSchema, issuePath(issue));
      if (!entry) return { problems: uniqueProblems(problems), dropped };
      if (deleteAt(data, entry)) dropped.push(entry);
    }
    result = schema.safeParse(data);
  }
  return { value: result.success ? result.data : undefined, problems: uniqueProblems(problems), dropped };
}

const MAX_REPAIR_PASSES = 4;
/** Unknown keys listed one by one per object; past this the file is likely not a config at all. */
const MAX_UNKNOWN_KEYS_LISTED = 20;

function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

/** The innermost prefix of `path` that ends in the key of a map keyed by name (a zod record). */
function namedEntryHolding(schema: JsonSchema, path: readonly (string | number)[]): (string | number)[] | undefined {
  for (let length = path.length; length > 0; length--) {
    const key = path[length - 1];
    if (typeof key !== 'string') continue;
    const parents = nodesAt(schema, path.slice(0, length - 1));
    if (parents.some((node) => typeof node.additionalProperties === 'object' && !node.properties?.[key])) return path.slice(0, length);
  }
  return undefined;
}

function deleteAt(data: unknown, path: readonly (string | number)[]): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || !(key in parent)) return false;
  delete (parent as Record<string | number, unknown>)[key];
  return true;
}

function uniqueProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return uniqueBy(problems, (problem) => `${problem.path}|${problem.line}|${problem.column}|${problem.message}`);
}

function describeIssue(source: SourceFile, jsonSchema: JsonSchema, issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = issuePath(issue);
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(jsonSchema, path);
    const rest = issue.keys.length - MAX_UNKNOWN_KEYS_LISTED;
    const more =
      rest > 0
        ? [
            problemAt(
              source,
              path,
              `has ${rest} more unknown keys`,
              `this does not look like a landing-zone config; allowed here: ${allowed.join(', ')}`,
            ),
          ]
        : [];
    return issue.keys
      .slice(0, MAX_UNKNOWN_KEYS_LISTED)
      .map((key) => {
        const suggestion = allowed.length > 0 ? closest(key, allowed) : undefined;
        const hint = suggestion && distance(key, suggestion) <= 3 ? `did you mean \`${suggestion}\`? ` : '';
        return problemAt(
          source,
          [...path, key],
          'is not a known key',
          `${hint}remove it or rename it; allowed here: ${allowed.join(', ')}`,
        );
      })
      .concat(more);
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message ?? issue.message;
    return [fromMessage(source, path, `name ${JSON.stringify(String(path[path.length - 1]))} ${inner}`)];
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(source.data, path) === undefined) {
    const expected = issue.code === 'invalid_type' ? issue.expected : 'string';
    return [problemAt(source, path, 'is required', `add ${String(path[path.length - 1])}: (${expected})`)];
  }
  if (issue.code === 'invalid_type' && !issue.message.includes(' — ')) {
    return [problemAt(source, path, `must be ${article(issue.expected)} ${issue.expected}`, 'see schema/ for what this key takes')];
  }
  if (issue.code === 'invalid_value' && issue.message.includes(' — ')) return [fromMessage(source, path, issue.message)];
  if (issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    const values = 'values' in issue ? issue.values : constantsAt(jsonSchema, path);
    const options = values.map((value) => JSON.stringify(value)).join(', ');
    return [
      problemAt(
        source,
        path,
        'has a value that is not allowed here',
        options ? `use one of ${options}` : 'see schema/ for the allowed values',
      ),
    ];
  }
  return [fromMessage(source, path, issue.message)];
}

/** Messages in the schema are written as "<what is wrong> — <fix>". */
function fromMessage(source: SourceFile, path: (string | number)[], message: string): ConfigProblem {
  const [what, ...fix] = message.split(' — ');
  return problemAt(source, path, what, fix.join(' — ') || 'see schema/ for what this key takes');
}

function allowedKeysAt(schema: JsonSchema, path: (string | number)[]): string[] {
  const keys = nodesAt(schema, path).flatMap((node) => Object.keys(node.properties ?? {}));
  return [...new Set(keys)];
}

/** The fixed values (const or enum) the schema allows at `path`, e.g. a discriminator's options. */
function constantsAt(schema: JsonSchema, path: (string | number)[]): unknown[] {
  const values = nodesAt(schema, path).flatMap((node) => (node.const !== undefined ? [node.const] : (node.enum ?? [])));
  return [...new Set(values)];
}

function nodesAt(schema: JsonSchema, path: (string | number)[]): JsonSchema[] {
  let nodes: JsonSchema[] = [schema];
  for (const segment of path) {
    nodes = nodes.flatMap(alternatives).flatMap((node) => {
      if (typeof segment === 'number') return node.items ? [node.items] : [];
      if (node.properties?.[segment]) return [node.properties[segment]];
      return typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [];
    });
  }
  return nodes.flatMap(alternatives);
}

function alternatives(node: JsonSchema): JsonSchema[] {
  return [node, ...(node.oneOf ?? []), ...(node.anyOf ?? [])];
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (value, segment) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined),
    data,
  );
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
