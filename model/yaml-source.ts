import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Alias,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { ConfigProblem } from './problems';
import { joinPath } from './problems';

/** A config file as the user wrote it: its display name, parsed data, and a way to find any path's line. */
export interface SourceFile {
  /** Display path, e.g. `environments/prod.yaml`. */
  readonly file: string;
  readonly data: unknown;
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/**
 * Bounds on what one file may hold once its aliases are expanded. Far above any real
 * organization (a 500-account environment is ~20,000 values), far below what exhausts the
 * machine: an alias bomb of 9 levels of 9 references expands to 387 million values.
 */
export const YAML_LIMITS = { maxValues: 200_000, maxDepth: 64 } as const;

/** Tags of YAML's core schema; any other (e.g. CloudFormation's `!Ref`) would silently turn into plain text. */
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);
const MERGE_KEY = '<<';
const DEPTH_FIX = 'flatten the structure; no config key nests this deep';

/**
 * Parses YAML (so JSON too). Returns the file, or its problems with their line and column.
 * Merge keys (`<<: *defaults`) are supported; aliases are bounded by their expanded size, not
 * their count, so reusing one anchor on every account is fine and an alias bomb is not.
 */
export function parseYamlSource(file: string, text: string): SourceFile | ConfigProblem[] {
  const lineCounter = new LineCounter();
  // uniqueKeys is checked below in linear time; the parser's own check is quadratic in the keys of a map.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false });
  const at = (offset: number, message: string, fix: string): ConfigProblem => {
    const position = lineCounter.linePos(offset);
    return { file, path: '', message, fix, line: position.line, column: position.col };
  };
  if (document.errors.length > 0) {
    return document.errors.map((error) =>
      // The parser runs out of stack on deep nesting; say what the file does, not what the parser hit.
      error.code === 'RESOURCE_EXHAUSTION' || /Maximum call stack/.test(error.message)
        ? at(error.pos[0], `nests values more than ${YAML_LIMITS.maxDepth} levels deep`, DEPTH_FIX)
        : at(error.pos[0], `cannot be parsed: ${firstLine(error.message)}`, 'fix the YAML syntax at this line and column'),
    );
  }
  const problems = checkStructure(document, at);
  if (problems.length > 0) return problems;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    return [at(0, `cannot be parsed: ${firstLine(error instanceof Error ? error.message : String(error))}`, 'fix the YAML of this file')];
  }
  if (data === null || data === undefined) {
    return [{ file, path: '', message: 'is empty', fix: 'add the settings this file needs (see schema/ for the keys) or delete the file' }];
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [{ ...at(0, 'does not hold a mapping of keys to values', 'start the file with keys such as `region:`'), line: 1, column: 1 }];
  }
  const pairsByMap: PairIndex = new WeakMap();
  return { file, data, locate: (path) => locateInDocument(document, lineCounter, path, pairsByMap) };
}

/** Problem for `path` in `source`, with the line and column of that path when the file has it. */
export function problemAt(source: SourceFile, path: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  const position = source.locate(path);
  return { file: source.file, path: joinPath(path), message, fix, line: position?.line, column: position?.column };
}

type At = (offset: number, message: string, fix: string) => ConfigProblem;

class StructureProblem extends Error {
  constructor(readonly problem: ConfigProblem) {
    super(problem.message);
  }
}

/**
 * What the parser accepts but the config must not hold: tags outside the core schema, a key
 * written twice, keys that are not plain values, merges of non-maps, aliases that refer to
 * themselves or to nothing, nesting too deep, and more values than YAML_LIMITS once aliases
 * are expanded. One walk over the document; each anchored value is sized once.
 */
function checkStructure(document: Document, at: At): ConfigProblem[] {
  const walk = new StructureWalk(document, at);
  try {
    const total = walk.visit(document.contents as Node | null, 0);
    if (total > YAML_LIMITS.maxValues) {
      walk.problems.push(
        at(
          walk.largestAlias?.offset ?? 0,
          `expands to ${total > 1e12 ? 'more than a trillion' : total} values through its aliases, more than the ${YAML_LIMITS.maxValues} a config file may hold`,
          'reuse anchors for small shared values (such as tags) only, or write the values out',
        ),
      );
    }
  } catch (error) {
    if (!(error instanceof StructureProblem)) throw error;
    walk.problems.push(error.problem);
  }
  return walk.problems;
}

class StructureWalk {
  readonly problems: ConfigProblem[];
  largestAlias: { offset: number; size: number } | undefined;
  /** Expanded size of every visited value, so each anchor is sized once however often it is used. */
  private readonly sizes = new Map<Node, number>();
  private readonly ancestors = new Set<Node>();

  constructor(
    private readonly document: Document,
    private readonly at: At,
  ) {
    // Unresolved tags are found on their nodes; any other warning is a problem of its own.
    this.problems = document.warnings
      .filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED')
      .map((warning) => at(warning.pos[0], `cannot be parsed: ${firstLine(warning.message)}`, 'fix the YAML at this line and column'));
  }

  /** The number of values `node` expands to, aliases included. */
  visit(node: Node | null | undefined, depth: number): number {
    if (!node) return 1;
    if (depth > YAML_LIMITS.maxDepth) this.fail(node, `nests values more than ${YAML_LIMITS.maxDepth} levels deep`, DEPTH_FIX);
    if (node.tag && !CORE_TAGS.has(node.tag)) this.problems.push(tagProblem(this.at, offsetOf(node), node.tag));
    if (isAlias(node)) return this.visitAlias(node, depth);
    this.ancestors.add(node);
    let size = 1;
    if (isMap(node)) size += this.visitPairs(node, depth);
    else if (isSeq(node)) for (const item of node.items) size += this.visit(item as Node | null, depth + 1);
    this.ancestors.delete(node);
    this.sizes.set(node, size);
    return size;
  }

  private visitAlias(alias: Alias, depth: number): number {
    const target = alias.resolve(this.document);
    if (!target) {
      this.fail(
        alias,
        `refers to the anchor &${alias.source}, which is not defined before it`,
        'define the anchor (&name) before using it (*name)',
      );
    }
    if (this.ancestors.has(target)) {
      this.fail(
        alias,
        `refers to *${alias.source}, a value that contains this alias`,
        'an alias cannot sit inside the value it names; write the value out',
      );
    }
    const size = this.sizes.get(target) ?? this.visit(target, depth);
    if (!this.largestAlias || size > this.largestAlias.size) this.largestAlias = { offset: offsetOf(alias), size };
    return size;
  }

  private visitPairs(map: YAMLMap, depth: number): number {
    const keys = new Set<string>();
    let size = 0;
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key)) this.fail(key, 'has a key that is not a plain value', 'use a plain name as the key');
      const name = typeof key.value === 'symbol' ? (key.value.description ?? '') : String(key.value);
      if (name === MERGE_KEY) checkMergeSource(this.document, pair.value as Node | null, this.at, offsetOf(key));
      else if (keys.has(name))
        this.problems.push(
          this.at(offsetOf(key), 'cannot be parsed: Map keys must be unique', 'fix the YAML syntax at this line and column'),
        );
      keys.add(name);
      size += this.visit(pair.value as Node | null, depth + 1);
    }
    return size;
  }

  private fail(node: Node | null | undefined, message: string, fix: string): never {
    throw new StructureProblem(this.at(offsetOf(node), message, fix));
  }
}

function offsetOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** A merge (`<<`) takes a map, an alias of a map, or a list of those. */
function checkMergeSource(document: Document, value: Node | null, at: At, keyOffset: number): void {
  const sources = isSeq(value) ? (value.items as Node[]) : [value];
  for (const source of sources) {
    const resolved = isAlias(source) ? source.resolve(document) : source;
    if (!isMap(resolved)) {
      throw new StructureProblem(
        at(keyOffset, 'merges (<<) something that is not a map', 'merge an alias of a map, e.g. <<: *defaults, or a list of them'),
      );
    }
  }
}

function tagProblem(at: At, offset: number, fullTag: string): ConfigProblem {
  const tag = fullTag.replace(/^tag:yaml\.org,2002:/, '!!');
  return at(
    offset,
    `uses the YAML tag ${tag}, which the config does not support`,
    'remove the tag: values are plain strings, numbers, booleans, lists and maps (CloudFormation tags such as !Ref mean nothing here)',
  );
}

function locateInDocument(document: Document, lineCounter: LineCounter, path: readonly (string | number)[], pairsByMap: PairIndex) {
  let node: Node | null | undefined = document.contents as Node | null;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairsOf(node, pairsByMap).get(String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Node;
      offset = node.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}

type PairIndex = WeakMap<YAMLMap, Map<string, Pair>>;

/** A map's pairs by key, built once per map, so locating every key of a large map stays linear. */
function pairsOf(map: YAMLMap, index: PairIndex): Map<string, Pair> {
  let pairs = index.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const pair of map.items) if (isScalar(pair.key) && !pairs.has(String(pair.key.value))) pairs.set(String(pair.key.value), pair);
    index.set(map, pairs);
  }
  return pairs;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
