import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigProblem } from './problems';
import { joinPath } from './problems';

/** A config file as the user wrote it: its display name, parsed data, and a way to find any path's line. */
export interface SourceFile {
  /** Display path, e.g. `environments/prod.yaml`. */
  readonly file: string;
  readonly data: unknown;
  locate(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/** Parses YAML (so JSON too). Returns the file, or the parser's problems with their line and column. */
export function parseYamlSource(file: string, text: string): SourceFile | ConfigProblem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      return {
        file,
        path: '',
        message: `cannot be parsed: ${firstLine(error.message)}`,
        fix: 'fix the YAML syntax at this line and column',
        line: position.line,
        column: position.col,
      };
    });
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) {
    return [{ file, path: '', message: 'is empty', fix: 'add the settings this file needs (see schema/ for the keys) or delete the file' }];
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return [
      {
        file,
        path: '',
        message: 'does not hold a mapping of keys to values',
        fix: 'start the file with keys such as `region:`',
        line: 1,
        column: 1,
      },
    ];
  }
  return { file, data, locate: (path) => locateInDocument(document, lineCounter, path) };
}

/** Problem for `path` in `source`, with the line and column of that path when the file has it. */
export function problemAt(source: SourceFile, path: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  const position = source.locate(path);
  return { file: source.file, path: joinPath(path), message, fix, line: position?.line, column: position?.column };
}

function locateInDocument(document: Document, lineCounter: LineCounter, path: readonly (string | number)[]) {
  let node: Node | null | undefined = document.contents as Node | null;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
