/*
 * npm run bench [-- --sizes 10,50,200 --plain-sizes 10,50,200 --plain-timeout 180 --pipeline-repeats 2 --no-terraform --output bench/results.json]
 * Generates organizations of each size (workload accounts across the sample's environments) and
 * measures synth (ours, in-process, plain CDKTF), init/plan/show of sample stacks with each plan's
 * phases, the effect of each speed choice, the whole sample organization through the pipeline before
 * and after issue 11 (interleaved), and projects the sharded workflow. Prints tables, writes JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatResults } from '../bench/report';
import { runBenchmark } from '../bench/run';
import { installReadableStacks, readableStack } from '../pipeline/readable-stacks';

installReadableStacks();

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function numbers(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const values = text.split(',').map(Number);
  if (values.some((value) => !Number.isInteger(value) || value < 1)) throw new Error(`expected sizes such as 10,50,200, got ${text}`);
  return values;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const sizes = numbers(option('sizes'), [10, 50, 200]);
  const output = path.resolve(option('output') ?? path.join(root, 'bench', 'results.json'));
  const results = await runBenchmark({
    root,
    sizes,
    plainSizes: numbers(option('plain-sizes'), sizes),
    plainTimeoutSeconds: Number(option('plain-timeout') ?? 180),
    terraform: !process.argv.includes('--no-terraform'),
    pipelineRepeats: numbers(option('pipeline-repeats'), [2])[0],
    log: (line) => console.error(line),
  });
  console.log(`\n${formatResults(results)}`);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, `${JSON.stringify(results, (key, value) => (key === 'stdout' || key === 'stderr' ? undefined : value), 2)}\n`);
  console.log(`\nresults written to ${path.relative(process.cwd(), output) || output}`);
}

main().catch((error: unknown) => {
  console.error(readableStack(error));
  process.exit(1);
});
