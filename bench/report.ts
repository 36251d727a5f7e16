import type { Measurement } from './measure';
import type { BenchResults, SizeResult } from './run';
import type { PlainSynthOutcome } from './synth-phases';

/* The benchmark's tables (Markdown), as printed by `npm run bench` and copied into docs/benchmark.md. */

export function formatResults(results: BenchResults): string {
  const { machine, sampleSynth } = results;
  const sections = [
    `Machine: ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.cpu}; ${machine.terraform}; Node.js ${machine.node}; ` +
      `load average ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end. Cells are wall / CPU (user + system) / peak RSS.`,
    '',
    `Sample organization (environments/): ${sampleSynth.stacks} stacks, ${sampleSynth.resources} resources; npm run synth ${cell(sampleSynth.measurement)}; ` +
      `compiled ${cell(results.sampleCompiled.measurement)}`,
    '',
    'Synth (offline, every stack to disk, policy check included); ratios are wall× / CPU×',
    table(
      [
        'accounts',
        'stacks',
        'resources',
        'npm run synth (ts-node transpile-only)',
        'compiled (node main.js)',
        'plain CDKTF (npx ts-node, root import)',
        'plain ÷ npm run synth',
        'plain ÷ compiled',
        'in-process synth',
      ],
      results.sizes.map(synthRow),
    ),
  ];
  const sampled = results.sizes.flatMap((size) => size.sampleStacks.map((timing) => ({ size: size.workloadAccounts, timing })));
  if (sampled.length > 0) {
    sections.push(
      '',
      'Terraform, sample stacks one at a time (filesystem mirror + plugin cache)',
      table(
        ['accounts', 'stack', 'init', 'validate', 'plan + show -json', '.terraform on disk'],
        sampled.map(({ size, timing }) => [
          String(size),
          timing.stack,
          cell(timing.init),
          cell(timing.validate!),
          cell(timing.plan!),
          `${timing.dotTerraformKb} KB`,
        ]),
      ),
    );
  }
  sections.push('', 'What each choice buys', table(['choice', 'measured'], effectRows(results)));
  sections.push('', `Benchmark finished in ${seconds(results.totalSeconds)}.`);
  return sections.join('\n');
}

function synthRow(size: SizeResult): string[] {
  const plain = size.plain.status === 'measured' ? size.plain.run.measurement : undefined;
  return [
    String(size.workloadAccounts),
    String(size.ours.stacks),
    String(size.ours.resources),
    cell(size.ours.measurement),
    cell(size.compiled.measurement),
    plainCell(size.plain),
    plain ? ratios(plain, size.ours.measurement) : '—',
    plain ? ratios(plain, size.compiled.measurement) : '—',
    `${seconds(size.inProcess.synthSeconds)} (+ policy ${seconds(size.inProcess.policySeconds)})`,
  ];
}

function effectRows(results: BenchResults): string[][] {
  const { effects } = results;
  const smallest = results.sizes.find((size) => size.workloadAccounts === effects.workloadAccounts)!;
  const largest = results.sizes[results.sizes.length - 1];
  const ours = smallest.ours.measurement;
  const typeChecking = effects.deepImportTypeChecking;
  const rows: string[][] = [
    [
      `deep imports (${effects.workloadAccounts} accounts, transpile-only)`,
      `root import ${cell(effects.rootImportTranspileOnly.measurement)} vs deep ${cell(ours)}: ${ratios(effects.rootImportTranspileOnly.measurement, ours)}`,
    ],
    [
      `transpile-only synth (${effects.workloadAccounts} accounts, deep imports)`,
      `type-checking ts-node ${plainCell(typeChecking)} vs transpile-only ${cell(ours)}` +
        (typeChecking.status === 'measured' ? `: ${ratios(typeChecking.run.measurement, ours)}` : ''),
    ],
    [
      'separate type check (tsc --noEmit, once per CI run)',
      `${cell(effects.separateTypeCheck)}${effects.separateTypeCheck.exitCode === 0 ? '' : ' (found type errors)'}`,
    ],
    [
      'compiled synth (transpiled ahead of time, node main.js)',
      `transpiling ${effects.compile.files} files takes ${seconds(effects.compile.transpileSeconds)}, once; ${largest.workloadAccounts} accounts: ` +
        `${cell(largest.compiled.measurement)} vs npm run synth ${cell(largest.ours.measurement)}`,
    ],
    [
      `ts-node without source-map-support (${effects.withoutSourceMaps.workloadAccounts} accounts)`,
      `${cell(effects.withoutSourceMaps.run.measurement)} vs npm run synth ${cell(largest.ours.measurement)} ` +
        '(cdktf captures a stack trace per token; source-map-support maps every frame)',
    ],
    [
      `in-process synth (npm run plan, ${effects.workloadAccounts} accounts)`,
      `${seconds(smallest.inProcess.synthSeconds)} synth + ${seconds(smallest.inProcess.policySeconds)} policy, vs ${seconds(ours.wallSeconds)} ` +
        `for a separate synth process (start-up and module loading ${seconds(smallest.inProcess.startupSeconds)})`,
    ],
  ];
  const inits = results.wholeOrganizationPlan?.inits ?? [];
  const first = results.sizes[0]?.sampleStacks[0];
  if (first && inits.length > 0) {
    const initWalls = inits.map((timing) => timing.init.wallSeconds);
    rows.push([
      'terraform init after the first (project CLI config)',
      `first init ${seconds(first.init.wallSeconds)} (empty plugin cache); then ${seconds(mean(initWalls))} mean, ${seconds(Math.max(...initWalls))} max over ${inits.length} stacks; ` +
        `.terraform ${Math.max(...inits.map((timing) => timing.dotTerraformKb))} KB per stack`,
    ]);
  }
  const cache = effects.pluginCache;
  if (cache) {
    rows.push([
      'filesystem mirror, unpacked (/opt/tf-plugins)',
      `init without any plugin cache ${cell(cache.unpackedMirrorWithoutCache.init)}, .terraform ${cache.unpackedMirrorWithoutCache.dotTerraformKb} KB: Terraform links an unpacked mirror`,
    ]);
    if (cache.packedMirror) {
      const { withoutCache, withCacheFirst, withCacheLater } = cache.packedMirror;
      rows.push([
        'plugin cache, provider packed (a zip, as from the registry)',
        `no cache: ${cell(withoutCache.init)}, .terraform ${megabytes(withoutCache.dotTerraformKb)} per stack; ` +
          `with cache: first ${cell(withCacheFirst.init)}, later ${cell(withCacheLater.init)}, .terraform ${withCacheLater.dotTerraformKb} KB`,
      ]);
    }
  }
  const whole = results.wholeOrganizationPlan;
  if (whole) {
    rows.push([
      `parallel plans (${whole.workloadAccounts} accounts, ${whole.stacks} stacks, ${whole.parallelism} at a time)`,
      `validate + plan of every stack ${seconds(whole.planPhaseWallSeconds)} vs ideal ${seconds(whole.idealSeconds)} (stacks × one stack alone ÷ ${whole.parallelism}): ` +
        `${ratio(whole.planPhaseWallSeconds, whole.idealSeconds)}; peak ${Math.round(whole.peakMemoryMbPerProcess)} MB per Terraform process; ` +
        `inits ${seconds(sum(inits.map((timing) => timing.init.wallSeconds)))} in total. Alone, one Terraform process keeps ${coresUsedAlone(results).toFixed(2)} cores busy ` +
        '(CPU ÷ wall), so the ideal assumes more cores than there are',
    ]);
  }
  return rows;
}

/** CPU ÷ wall of the sampled validate and plan runs: how many cores one Terraform process keeps busy. */
function coresUsedAlone(results: BenchResults): number {
  const runs = results.sizes.flatMap((size) => size.sampleStacks.flatMap((timing) => [timing.validate!, timing.plan!]));
  return sum(runs.map((run) => run.cpuSeconds)) / Math.max(0.001, sum(runs.map((run) => run.wallSeconds)));
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((text, column) => text.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function cell(measurement: Measurement): string {
  return `${seconds(measurement.wallSeconds)} / ${seconds(measurement.cpuSeconds)} / ${Math.round(measurement.peakMemoryMb)} MB`;
}

function plainCell(outcome: PlainSynthOutcome): string {
  switch (outcome.status) {
    case 'measured':
      return cell(outcome.run.measurement);
    case 'timed out':
      return `timed out after ${outcome.afterSeconds} s`;
    case 'failed':
      return `failed: ${outcome.message.split('\n').find((line) => /error/i.test(line)) ?? outcome.message.split('\n')[0]}`.slice(0, 120);
    case 'skipped':
      return `not run (${outcome.reason})`;
  }
}

function seconds(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} s`;
}

/** `wall× / CPU×` */
function ratios(numerator: Measurement, denominator: Measurement): string {
  return `${ratio(numerator.wallSeconds, denominator.wallSeconds)} / ${ratio(numerator.cpuSeconds, denominator.cpuSeconds)}`;
}

function ratio(numerator: number, denominator: number): string {
  return `${(numerator / denominator).toFixed(1)}×`;
}

function megabytes(kb: number): string {
  return `${Math.round(kb / 1024)} MB`;
}

function mean(values: readonly number[]): number {
  return sum(values) / Math.max(1, values.length);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
