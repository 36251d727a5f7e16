import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { importClosure } from './plain-cdktf-project';

/*
 * The app transpiled ahead of time and run with plain `node main.js`: no ts-node at synth time, so
 * neither TypeScript's loading nor ts-node's source-map-support, which makes every stack trace cdktf
 * captures for its tokens expensive. Transpiled per file (isolatedModules), like ts-node's
 * transpile-only mode; type checking stays `tsc --noEmit`.
 */

export interface CompiledApp {
  readonly dir: string;
  readonly files: number;
  readonly transpileSeconds: number;
}

export function compileApp(sourceRoot: string, targetDir: string): CompiledApp {
  const started = performance.now();
  const files = importClosure(sourceRoot, 'main.ts');
  for (const relative of files) {
    const source = path.join(sourceRoot, relative);
    const target = path.join(targetDir, relative.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!relative.endsWith('.ts')) {
      fs.copyFileSync(source, target);
      continue;
    }
    const output = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
      fileName: source,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
    });
    fs.writeFileSync(target, output.outputText);
  }
  const modules = path.join(targetDir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(sourceRoot, 'node_modules'), modules, 'dir');
  return { dir: targetDir, files: files.length, transpileSeconds: (performance.now() - started) / 1000 };
}
