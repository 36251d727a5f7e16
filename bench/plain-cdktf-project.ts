import * as fs from 'node:fs';
import * as path from 'node:path';

/*
 * The comparison point of the benchmark: our own app, set up the way `cdktf init --template
 * typescript` sets a project up — `cdktf.json` app `npx ts-node main.ts` (type-checking ts-node) and
 * provider classes imported from the package root (`import * as aws from '@cdktf/provider-aws'`).
 * It is generated into a temporary folder (node_modules symlinked) and never committed.
 */

export type ImportStyle = 'root' | 'deep';

export interface AppCopyOptions {
  /** Project root holding main.ts, tsconfig.json and node_modules. */
  readonly sourceRoot: string;
  readonly targetDir: string;
  /** `root`: rewrite deep provider imports to the package root; `deep`: copy as is. */
  readonly imports: ImportStyle;
}

const PROVIDER_PACKAGE = '@cdktf/provider-aws';
const DEEP_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@cdktf\/provider-aws\/lib\/([a-z0-9-]+)';/g;
const RELATIVE_IMPORT = /(?:from\s+|import\s+|require\()\s*'(\.{1,2}\/[^']+)'/g;

/** Copies main.ts and every file it imports (transitively) into `targetDir`, and writes cdktf.json. */
export function createAppCopy(options: AppCopyOptions): string[] {
  const { sourceRoot, targetDir } = options;
  fs.mkdirSync(targetDir, { recursive: true });
  const namespaces = providerNamespaces(sourceRoot);
  const files = importClosure(sourceRoot, 'main.ts');
  for (const relative of files) {
    const target = path.join(targetDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = fs.readFileSync(path.join(sourceRoot, relative), 'utf8');
    fs.writeFileSync(target, options.imports === 'root' && relative.endsWith('.ts') ? toRootImports(text, namespaces) : text);
  }
  fs.copyFileSync(path.join(sourceRoot, 'tsconfig.json'), path.join(targetDir, 'tsconfig.json'));
  const modules = path.join(targetDir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(sourceRoot, 'node_modules'), modules, 'dir');
  fs.writeFileSync(
    path.join(targetDir, 'cdktf.json'),
    JSON.stringify(
      { language: 'typescript', app: 'npx ts-node main.ts', terraformProviders: [], terraformModules: [], context: {} },
      null,
      2,
    ),
  );
  return files;
}

/** Rewrites `import { Vpc } from '@cdktf/provider-aws/lib/vpc'` to `import Vpc = aws.vpc.Vpc` off one root import. */
export function toRootImports(text: string, namespaces: ReadonlyMap<string, string>): string {
  let rewritten = false;
  const body = text.replace(DEEP_IMPORT, (_match, _type: string | undefined, specifiers: string, module: string) => {
    const namespace = namespaces.get(module);
    if (!namespace) throw new Error(`${PROVIDER_PACKAGE} exports no namespace for lib/${module}`);
    rewritten = true;
    return specifiers
      .split(',')
      .map((specifier) => specifier.trim().replace(/^type\s+/, ''))
      .filter(Boolean)
      .map((specifier) => {
        const [exported, local = exported] = specifier.split(/\s+as\s+/);
        return `import ${local} = aws.${namespace}.${exported};`;
      })
      .join('\n');
  });
  return rewritten ? `import * as aws from '${PROVIDER_PACKAGE}';\n${body}` : body;
}

/** `vpc` → `vpc`, `ec2-transit-gateway` → `ec2TransitGateway`, as the package's index.d.ts names them. */
export function providerNamespaces(sourceRoot: string): Map<string, string> {
  const index = fs.readFileSync(path.join(sourceRoot, 'node_modules', PROVIDER_PACKAGE, 'lib', 'index.d.ts'), 'utf8');
  return new Map([...index.matchAll(/export \* as (\w+) from '\.\/([a-z0-9-]+)'/g)].map((match) => [match[2], match[1]]));
}

/** Project-relative paths of `entry` and every relative import it reaches. */
export function importClosure(sourceRoot: string, entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    if (seen.has(relative)) continue;
    seen.add(relative);
    if (!relative.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(sourceRoot, relative), 'utf8');
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const resolved = resolveModule(sourceRoot, path.join(path.dirname(relative), match[1]));
      if (resolved) pending.push(resolved);
    }
  }
  return [...seen].sort();
}

function resolveModule(sourceRoot: string, base: string): string | undefined {
  return [base, `${base}.ts`, path.join(base, 'index.ts')].find(
    (candidate) => fs.existsSync(path.join(sourceRoot, candidate)) && fs.statSync(path.join(sourceRoot, candidate)).isFile(),
  );
}
