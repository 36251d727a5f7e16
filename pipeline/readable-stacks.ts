import * as fs from 'node:fs';
import { SourceMap } from 'node:module';

/*
 * The app runs as JavaScript transpiled to dist/ (npm run build). Node's --enable-source-maps would
 * map every stack trace cdktf captures for its tokens (~30 % more synth CPU), so instead only the
 * trace of a crash is mapped back to the TypeScript sources, from the .js.map files the build writes.
 */

const FRAME = /(\(|at )([^()\s]+\.js):(\d+):(\d+)(\)?)$/;
const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(file, fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : undefined);
  }
  return maps.get(file);
}

/** One stack line with a `file.js:line:col` location mapped to `file.ts:line:col` where a map exists. */
function mapFrame(line: string): string {
  const match = FRAME.exec(line);
  if (!match) return line;
  const [whole, opening, file, lineText, columnText, closing] = match;
  const entry = sourceMapOf(file)?.findEntry(Number(lineText) - 1, Number(columnText) - 1);
  if (!entry || !('originalSource' in entry)) return line;
  const source = new URL(entry.originalSource, `file://${file}`).pathname;
  return line.slice(0, line.length - whole.length) + `${opening}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${closing}`;
}

/** The error's stack with every frame in the transpiled app pointing at its TypeScript source. */
export function readableStack(error: unknown): string {
  if (!(error instanceof Error) || !error.stack) return String(error);
  return error.stack.split('\n').map(mapFrame).join('\n');
}

/** Prints crashes with TypeScript locations and exits 1, instead of Node's default dist/ trace. */
export function installReadableStacks(): void {
  const crash = (error: unknown) => {
    console.error(readableStack(error));
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
