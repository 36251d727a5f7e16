import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { ConfigProblem } from './problems';
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

/**
 * Validates one file against its schema. Every zod issue becomes a located problem whose message
 * reads after the path and ends with a fix.
 */
export function checkAgainstSchema<T extends z.ZodType>(
  source: SourceFile,
  schema: T,
): { value: z.output<T> } | { problems: ConfigProblem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { value: result.data };
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { problems: result.error.issues.flatMap((issue) => describeIssue(source, jsonSchema, issue)) };
}

function describeIssue(source: SourceFile, jsonSchema: JsonSchema, issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(jsonSchema, path);
    return issue.keys.map((key) => {
      const suggestion = allowed.length > 0 ? closest(key, allowed) : undefined;
      const hint = suggestion && distance(key, suggestion) <= 3 ? `did you mean \`${suggestion}\`? ` : '';
      return problemAt(source, [...path, key], 'is not a known key', `${hint}remove it or rename it; allowed here: ${allowed.join(', ')}`);
    });
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message ?? issue.message;
    return [fromMessage(source, path, `name ${JSON.stringify(String(path[path.length - 1]))} ${inner}`)];
  }
  if (issue.code === 'invalid_type' && valueAt(source.data, path) === undefined) {
    return [problemAt(source, path, 'is required', `add ${String(path[path.length - 1])}: (${issue.expected})`)];
  }
  if (issue.code === 'invalid_type' && !issue.message.includes(' — ')) {
    return [problemAt(source, path, `must be ${article(issue.expected)} ${issue.expected}`, 'see schema/ for what this key takes')];
  }
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
