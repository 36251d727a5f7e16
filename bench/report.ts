import type { Measurement } from './measure';
import { PHASE_NAMES } from './plan-phases';
import { PROJECTED_SHARDS, type BenchResults, type PipelineComparison, type ProjectionRow, type SizeResult } from './run';
import type { PlainSynthOutcome } from './synth-phases';
import type { WholeOrganizationPlan } from './terraform-phases';

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
  if (results.workloadsVsSpoke) sections.push('', ...workloadsVsSpokeSection(results.workloadsVsSpoke));
  const sampled = results.sizes.flatMap((size) => size.sampleStacks.map((timing) => ({ size: size.workloadAccounts, timing })));
  if (sampled.length > 0) {
    sections.push(
      '',
      'Terraform, sample stacks one at a time (filesystem mirror + plugin cache); validate is what the pipeline no longer runs',
      table(
        ['accounts', 'stack', 'resources', 'init', 'validate (dropped)', 'plan', 'show -json', '.terraform on disk'],
        sampled.map(({ size, timing }) => [
          String(size),
          timing.stack,
          String(timing.resources),
          cell(timing.init),
          cell(timing.validate!),
          cell(timing.plan!),
          cell(timing.show!),
          `${timing.dotTerraformKb} KB`,
        ]),
      ),
      '',
      `Where one plan's wall time goes (seconds, from Terraform's debug log; ${PHASE_NAMES.join(', ')} as bench/plan-phases.ts defines them)`,
      table(
        ['accounts', 'stack', ...PHASE_NAMES],
        sampled
          .filter(({ timing }) => timing.phases)
          .map(({ size, timing }) => [String(size), timing.stack, ...PHASE_NAMES.map((phase) => timing.phases![phase].toFixed(2))]),
      ),
    );
  }
  if (results.pipelines) sections.push('', ...pipelineSection(results.pipelines));
  if (results.projections.length > 0) sections.push('', ...projectionSection(results.projections));
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
  const inits = results.pipelines?.runs[0]?.timings ?? [];
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
  return rows;
}

function pipelineSection(pipelines: PipelineComparison): string[] {
  const rows = pipelines.runs.map((run, index) => [
    String(index + 1),
    VARIANT_LABELS[run.variant],
    seconds(run.initWallSeconds),
    seconds(run.planPhaseWallSeconds),
    seconds(run.planPhaseCpuSeconds),
    seconds(pipelines.synthSeconds + run.initWallSeconds + run.planPhaseWallSeconds),
  ]);
  const total = (variant: string) =>
    mean(pipelines.runs.filter((run) => run.variant === variant).map((run) => run.initWallSeconds + run.planPhaseWallSeconds));
  const cpu = (variant: string) => mean(pipelines.runs.filter((run) => run.variant === variant).map((run) => run.planPhaseCpuSeconds));
  return [
    `Whole sample organization (${pipelines.stacks} stacks, ${pipelines.resources} resources), offline, ${pipelines.runs[0]?.parallelism} plans at a time, runs interleaved; synth + policy ${seconds(pipelines.synthSeconds)} in-process`,
    table(['run', 'pipeline', 'inits', 'plans (wall)', 'plans (CPU)', 'synth + Terraform'], rows),
    `Mean Terraform wall time: before ${seconds(total('with-validate'))}, one stack per run ${seconds(total('plan-only'))} (${ratio(total('with-validate'), total('plan-only'))}), ` +
      `batched ${seconds(total('batched'))} (${ratio(total('with-validate'), total('batched'))}); ` +
      `CPU ${seconds(cpu('with-validate'))} vs ${seconds(cpu('plan-only'))} (${ratio(cpu('with-validate'), cpu('plan-only'))}) vs ${seconds(cpu('batched'))} (${ratio(cpu('with-validate'), cpu('batched'))}).`,
  ];
}

const VARIANT_LABELS: Record<WholeOrganizationPlan['variant'], string> = {
  'with-validate': 'before issue 11 (validate, plan, show per stack)',
  'plan-only': 'one stack per run (plan, show); live plans',
  batched: 'now, offline: batches of stacks (plan, show per batch)',
};

function projectionSection(projections: readonly ProjectionRow[]): string[] {
  return [
    'Projected wall time of the sharded plan workflow for a pull request that changes every stack (deciding job + slowest shard + merge; runner start-up, checkout and npm ci not included)',
    table(
      ['organization', 'stacks', ...PROJECTED_SHARDS.map((shards) => `${shards} shard${shards === 1 ? '' : 's'}`)],
      projections.map((row) => [
        row.organization,
        String(row.stacks),
        ...row.projections.map(
          (projection) => `${seconds(projection.wallSeconds)} (slowest shard ${seconds(projection.slowestShardSeconds)})`,
        ),
      ]),
    ),
  ];
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

function workloadsVsSpokeSection(comparison: NonNullable<BenchResults['workloadsVsSpoke']>): string[] {
  const row = (times: typeof comparison.spoke) => [
    times.stack,
    String(times.resources),
    times.planSeconds.map((seconds) => seconds.toFixed(1)).join(' / '),
    `${times.medianSeconds.toFixed(1)} s`,
  ];
  return [
    `Workload stack against a spoke of about its size, offline plan, alternated (target: within 1.5×): ${comparison.ratio.toFixed(2)}× ` +
      `(${comparison.ratioPerResource.toFixed(2)}× per resource)`,
    table(['stack', 'resources', 'plan runs (s)', 'median'], [row(comparison.workloads), row(comparison.spoke)]),
  ];
}
