#!/usr/bin/env node
/*
 * npm run build: transpile the app (main.ts and the folders it imports from) to dist/, one file at a
 * time (isolatedModules), with a source map next to each file. `npm run synth`, `npm run plan` and
 * cdktf.json's app run the JavaScript: no TypeScript compiler or ts-node at synth time, which halves
 * a large organization's synth (docs/benchmark.md). Type checking stays `npm run typecheck`.
 *
 * Incremental: a file is transpiled again only when its source is newer than its output, and outputs
 * whose source is gone are removed, so a build with nothing to do costs a directory walk.
 * Plain JavaScript on purpose: it is what runs before anything is compiled.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist');
const SOURCES = ['main.ts', 'model', 'stacks', 'modules', 'pipeline', 'policy', 'scripts', 'bench'];

/** Loaded only when something needs transpiling: a build with nothing to do stays ~0.1 s. */
let loadedTypescript;
function typescript() {
  loadedTypescript ??= require('typescript');
  return loadedTypescript;
}

function sourceFiles(root, entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return entry.endsWith('.ts') && !entry.endsWith('.d.ts') ? [entry] : [];
  return fs.readdirSync(full).flatMap((name) => sourceFiles(root, path.join(entry, name)));
}

function isUpToDate(source, target) {
  return fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs;
}

function transpile(root, out, relative) {
  const source = path.join(root, relative);
  const target = path.join(out, relative.replace(/\.ts$/, '.js'));
  if (isUpToDate(source, target)) return false;
  const ts = typescript();
  const output = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
    fileName: source,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: true },
    reportDiagnostics: true,
  });
  const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const message = ts.flattenDiagnosticMessageText(errors[0].messageText, '\n');
    throw new Error(`${relative}: ${message}`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const mapName = `${path.basename(target)}.map`;
  const code = output.outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${mapName}`);
  const map = JSON.parse(output.sourceMapText);
  map.sources = [path.relative(path.dirname(target), source)];
  fs.writeFileSync(`${target}.map`, JSON.stringify(map));
  fs.writeFileSync(target, code);
  return true;
}

function removeStale(expected, dir) {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removed += removeStale(expected, full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
    } else if (!expected.has(full.replace(/\.map$/, ''))) {
      fs.rmSync(full);
      removed += 1;
    }
  }
  return removed;
}

/** Transpiles `sources` (files or folders under `root`) to `out`; the defaults build this project. */
function build({ root = ROOT, out = OUT, sources = SOURCES } = {}) {
  const started = performance.now();
  const files = sources.flatMap((entry) => sourceFiles(root, entry));
  const transpiled = files.filter((file) => transpile(root, out, file)).length;
  const removed = removeStale(new Set(files.map((file) => path.join(out, file.replace(/\.ts$/, '.js')))), out);
  return { files: files.length, transpiled, removed, seconds: (performance.now() - started) / 1000 };
}

if (require.main === module) {
  try {
    const result = build();
    if (process.argv.includes('--verbose') || result.transpiled > 0) {
      console.error(
        `build: ${result.transpiled} of ${result.files} files transpiled to dist/` +
          `${result.removed ? `, ${result.removed} stale removed` : ''} in ${result.seconds.toFixed(2)} s`,
      );
    }
  } catch (error) {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  }
}

module.exports = { build };
