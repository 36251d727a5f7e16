import type { Measurement } from './measure';
import type { BenchResults } from './run';
import type { PlainSynthOutcome } from './synth-phases';

/* The benchmark's tables, as printed by `npm run bench` and copied into docs/benchmark.md. */

export function formatResults(results: BenchResults): string {
  const { machine } = results;
  const sections = [
    `Machine: ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.cpu}; ${machine.terraform}; Node.js ${machine.node}; ` +
      `load average ${machine.loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end. Times are wall / CPU (user + system) / peak RSS.`,
    '',
    `Sample organization (environments/): npm run synth of ${results.sampleSynth.stacks} stacks, ${results.sampleSynth.resources} resources: ${cell(results.sampleSynth.measurement)}`,
    '',
    'Synth (offline, every stack to disk, policy check included)',
    table(
      [
        'accounts',
        'stacks',
        'resources',
        'ours: transpile-only, deep imports',
        'plain CDKTF: npx ts-node, root import',
        'plain ÷ ours (wall)',
        'plain ÷ ours (CPU)',
        'in-process synth',
      ],
      results.sizes.map((size) => [
        String(size.workloadAccounts),
        String(size.ours.stacks),
        String(size.ours.resources),
        cell(size.ours.measurement),
        plainCell(size.plain),
        size.plain.status === 'measured' ? ratio(size.plain.run.measurement.wallSeconds, size.ours.measurement.wallSeconds) : '—',
        size.plain.status === 'measured' ? ratio(size.plain.run.measurement.cpuSeconds, size.ours.measurement.cpuSeconds) : '—',
        `${seconds(size.inProcess.synthSeconds)} (+ policy ${seconds(size.inProcess.policySeconds)})`,
      ]),
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

function effectRows(results: BenchResults): string[][] {
  const { effects } = results;
  const smallest = results.sizes.find((size) => size.workloadAccounts === effects.workloadAccounts)!;
  const ours = smallest.ours.measurement;
  const rows: string[][] = [
    [
      `deep imports (${effects.workloadAccounts} accounts, transpile-only)`,
      `root import ${cell(effects.rootImportTranspileOnly.measurement)} vs deep ${cell(ours)}: ${ratio(effects.rootImportTranspileOnly.measurement.wallSeconds, ours.wallSeconds)} wall`,
    ],
    [
      `transpile-only synth (${effects.workloadAccounts} accounts, deep imports)`,
      `type-checking ts-node ${plainCell(effects.deepImportTypeChecking)} vs transpile-only ${cell(ours)}` +
        (effects.deepImportTypeChecking.status === 'measured'
          ? `: ${ratio(effects.deepImportTypeChecking.run.measurement.wallSeconds, ours.wallSeconds)} wall`
          : ''),
    ],
    [
      'separate type check (tsc --noEmit, once per CI run)',
      `${cell(effects.separateTypeCheck)}${effects.separateTypeCheck.exitCode === 0 ? '' : ' (found type errors)'}`,
    ],
    [
      `in-process synth (npm run plan, ${effects.workloadAccounts} accounts)`,
      `${seconds(smallest.inProcess.synthSeconds)} synth + ${seconds(smallest.inProcess.policySeconds)} policy, vs ${seconds(ours.wallSeconds)} for a separate synth process (start-up and module loading ${seconds(smallest.inProcess.startupSeconds)})`,
    ],
  ];
  const inits = results.wholeOrganizationPlan?.inits ?? [];
  const first = results.sizes[0]?.sampleStacks[0];
  if (first && inits.length > 0) {
    const initWalls = inits.map((timing) => timing.init.wallSeconds);
    rows.push([
      'terraform init after the first (project CLI config)',
      `first init ${seconds(first.init.wallSeconds)} (empty plugin cache); then ${seconds(mean(initWalls))} mean, ${seconds(Math.max(...initWalls))} max over ${inits.length} stacks; ` +
        `.terraform ${Math.max(...inits.map((timing) => timing.dotTerraformKb))} KB per stack at every size`,
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
        `${ratio(whole.planPhaseWallSeconds, whole.idealSeconds)}; peak ${Math.round(whole.peakMemoryMbPerProcess)} MB per Terraform process; inits ${seconds(sum(inits.map((timing) => timing.init.wallSeconds)))} in total`,
    ]);
  }
  return rows;
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
