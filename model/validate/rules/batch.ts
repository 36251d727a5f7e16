import { vpcTiers } from '../../defaults';
import type { ConfigProblem } from '../../problems';
import { problemAt } from '../../yaml-source';
import { isCatchAllExit, MAX_ATTEMPTS, MAX_EVALUATE_ON_EXIT, withCatchAllExit } from '../../workloads/batch/retry';
import type { BatchConfig } from '../../workloads/batch/schema';
import type { ConfigIndex } from '../config-index';
import type { ConfigRule } from '../rule';
import { imageRepositoryProblems, noVpcProblem, workloadsEntries, type WorkloadsEntry } from './workloads';

/* AWS Batch sections of workloads files: AWS limits, references between entries, Spot before On-Demand. */

/** AWS Batch's limit of compute environments per job queue. */
export const MAX_ENVIRONMENTS_PER_QUEUE = 3;

export interface BatchEntry extends WorkloadsEntry {
  readonly batch: BatchConfig;
}

export function batchEntries(index: ConfigIndex): BatchEntry[] {
  return workloadsEntries(index).flatMap((entry) =>
    entry.workloads.config.batch ? [{ ...entry, batch: entry.workloads.config.batch }] : [],
  );
}

export function at(entry: BatchEntry, path: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  return problemAt(entry.workloads.source, ['batch', ...path], message, fix);
}

/** One problem per entry of `record` for which `check` returns a problem. */
function eachOf<T>(
  index: ConfigIndex,
  section: (batch: BatchConfig) => Readonly<Record<string, T>>,
  check: (entry: BatchEntry, name: string, value: T) => ConfigProblem[],
): ConfigProblem[] {
  return batchEntries(index).flatMap((entry) => Object.entries(section(entry.batch)).flatMap(([name, value]) => check(entry, name, value)));
}

const listOf = (names: readonly string[]) => names.join(', ') || 'none yet';

/** True when `name` may be an entry of `section` that failed the schema: a reference to it is then not reported. */
function mayBeUnparsed(index: ConfigIndex, entry: BatchEntry, section: keyof BatchConfig, name: string): boolean {
  return index.mayBeUnparsedWorkload(entry.workloads.environment, entry.workloads.account, ['batch', section], name);
}

export const batchNeedsVpc: ConfigRule = {
  id: 'batch/needs-vpc',
  description: 'An account that runs Batch compute environments has a spoke VPC for them.',
  check: (index) =>
    batchEntries(index)
      .filter((entry) => entry.account && !entry.account.vpc && Object.keys(entry.batch.computeEnvironments).length > 0)
      .map((entry) => noVpcProblem(entry.workloads, ['batch', 'computeEnvironments'], 'run in')),
};

export const batchSubnetTierExists: ConfigRule = {
  id: 'batch/subnet-tier-exists',
  description: "A compute environment runs in a tier its account's VPC has, with IPv4 subnets.",
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.computeEnvironments,
      (entry, name, environment) => {
        const vpc = entry.account?.vpc;
        const tiers = vpc ? vpcTiers(vpc) : {};
        const tier = tiers[environment.subnetTier];
        if (!vpc || (tier && !tier.ipv6Only)) return [];
        const usable = Object.entries(tiers).flatMap(([tierName, settings]) => (settings.ipv6Only ? [] : [tierName]));
        return [
          at(
            entry,
            ['computeEnvironments', name, 'subnetTier'],
            tier
              ? `is ${environment.subnetTier}, an IPv6-only tier; Batch instances need IPv4`
              : `is ${environment.subnetTier}, a tier the VPC of ${entry.workloads.account} does not have`,
            `use one of ${usable.join(', ')}`,
          ),
        ];
      },
    ),
};

export const batchVcpuBounds: ConfigRule = {
  id: 'batch/vcpu-bounds',
  description: 'A compute environment has minVcpus ≤ maxVcpus, and a bid percentage only on Spot.',
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.computeEnvironments,
      (entry, name, environment) => [
        ...(environment.maxVcpus < environment.minVcpus
          ? [
              at(
                entry,
                ['computeEnvironments', name, 'maxVcpus'],
                `is ${environment.maxVcpus}, below minVcpus ${environment.minVcpus}`,
                'raise maxVcpus to at least minVcpus (or lower minVcpus; 0 lets the environment scale to nothing)',
              ),
            ]
          : []),
        ...(environment.bidPercentage !== undefined && environment.capacity !== 'spot'
          ? [
              at(
                entry,
                ['computeEnvironments', name, 'bidPercentage'],
                'is set on on-demand capacity',
                'remove bidPercentage, or set capacity: spot',
              ),
            ]
          : []),
      ],
    ),
};

export const batchQueueEnvironmentsExist: ConfigRule = {
  id: 'batch/queue-environments-exist',
  description: 'A queue orders compute environments of its file, each once.',
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.queues,
      (entry, name, queue) => {
        const known = Object.keys(entry.batch.computeEnvironments);
        return queue.computeEnvironments.flatMap((environment, position) => {
          const path = ['queues', name, 'computeEnvironments', position];
          if (!known.includes(environment)) {
            if (mayBeUnparsed(index, entry, 'computeEnvironments', environment)) return [];
            return [
              at(
                entry,
                path,
                `names compute environment ${environment}, which is not one of batch.computeEnvironments`,
                `use one of ${listOf(known)}, or add ${environment} under batch.computeEnvironments`,
              ),
            ];
          }
          return queue.computeEnvironments.indexOf(environment) !== position
            ? [at(entry, path, `lists ${environment} a second time`, 'list each compute environment once')]
            : [];
        });
      },
    ),
};

export const batchQueueEnvironmentLimit: ConfigRule = {
  id: 'batch/queue-environment-limit',
  description: `A queue has 1 to ${MAX_ENVIRONMENTS_PER_QUEUE} compute environments (AWS Batch limit).`,
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.queues,
      (entry, name, queue) => {
        const count = queue.computeEnvironments.length;
        if (count >= 1 && count <= MAX_ENVIRONMENTS_PER_QUEUE) return [];
        return [
          at(
            entry,
            ['queues', name, 'computeEnvironments'],
            count === 0
              ? 'is empty'
              : `lists ${count} compute environments; AWS Batch allows at most ${MAX_ENVIRONMENTS_PER_QUEUE} per queue`,
            count === 0
              ? 'list a Spot environment, then an On-Demand one as fallback'
              : 'keep at most 3: during a blue/green swap, the new and old Spot environments and the On-Demand fallback',
          ),
        ];
      },
    ),
};

export const batchSpotBeforeOnDemand: ConfigRule = {
  id: 'batch/spot-before-on-demand',
  description: 'A queue tries its Spot environments before On-Demand ones, so On-Demand is only the fallback.',
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.queues,
      (entry, name, queue) => {
        const capacities = queue.computeEnvironments.map((environment) => entry.batch.computeEnvironments[environment]?.capacity);
        const firstOnDemand = capacities.indexOf('on-demand');
        return capacities.flatMap((capacity, position) =>
          capacity === 'spot' && firstOnDemand !== -1 && position > firstOnDemand
            ? [
                at(
                  entry,
                  ['queues', name, 'computeEnvironments', position],
                  `is Spot environment ${queue.computeEnvironments[position]}, listed after On-Demand environment ${queue.computeEnvironments[firstOnDemand]}`,
                  'list Spot environments first and On-Demand last, so On-Demand runs only when Spot is short',
                ),
              ]
            : [],
        );
      },
    ),
};

export const batchRetryAttempts: ConfigRule = {
  id: 'batch/retry-attempts',
  description: `A job definition makes 1 to ${MAX_ATTEMPTS} attempts (AWS Batch limit).`,
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.jobDefinitions,
      (entry, name, job) =>
        job.retry.attempts >= 1 && job.retry.attempts <= MAX_ATTEMPTS
          ? []
          : [
              at(
                entry,
                ['jobDefinitions', name, 'retry', 'attempts'],
                `is ${job.retry.attempts}; AWS Batch allows 1 to ${MAX_ATTEMPTS}`,
                'give 2 to survive one Spot reclaim, or 1 for no retry',
              ),
            ],
    ),
};

export const batchEvaluateOnExitLimit: ConfigRule = {
  id: 'batch/evaluate-on-exit-limit',
  description: `A retry strategy has at most ${MAX_EVALUATE_ON_EXIT} evaluate-on-exit entries, counting the catch-all EXIT added at its end, and each has a condition.`,
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.jobDefinitions,
      (entry, name, job) => {
        const entries = job.retry.evaluateOnExit;
        const path = ['jobDefinitions', name, 'retry', 'evaluateOnExit'];
        const total = withCatchAllExit(entries).length;
        const endsWithCatchAll = entries.length > 0 && isCatchAllExit(entries[entries.length - 1]!);
        const empty = entries.flatMap((onExit, position) =>
          onExit.onStatusReason === undefined && onExit.onReason === undefined && onExit.onExitCode === undefined
            ? [
                at(
                  entry,
                  [...path, position],
                  'has no condition, so it matches every attempt',
                  'give onStatusReason, onReason or onExitCode',
                ),
              ]
            : [],
        );
        const tooMany =
          total > MAX_EVALUATE_ON_EXIT
            ? [
                at(
                  entry,
                  path,
                  `has ${entries.length} entries${endsWithCatchAll ? '' : ' plus the catch-all EXIT added at the end'}; AWS Batch allows at most ${MAX_EVALUATE_ON_EXIT}`,
                  `keep at most ${endsWithCatchAll ? MAX_EVALUATE_ON_EXIT : MAX_EVALUATE_ON_EXIT - 1}; globs such as onExitCode "13*" match several codes`,
                ),
              ]
            : [];
        return [...empty, ...tooMany];
      },
    ),
};

export const batchPipelineReferencesExist: ConfigRule = {
  id: 'batch/pipeline-references-exist',
  description: 'Each pipeline step names a job definition and a queue of its file, and steps have distinct names.',
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.pipelines,
      (entry, name, pipeline) =>
        pipeline.steps.flatMap((step, position) => {
          const path = ['pipelines', name, 'steps', position];
          const queues = Object.keys(entry.batch.queues);
          const jobs = Object.keys(entry.batch.jobDefinitions);
          return [
            ...(entry.batch.queues[step.queue] || mayBeUnparsed(index, entry, 'queues', step.queue)
              ? []
              : [
                  at(
                    entry,
                    [...path, 'queue'],
                    `names queue ${step.queue}, which is not one of batch.queues`,
                    `use one of ${listOf(queues)}, or add ${step.queue} under batch.queues`,
                  ),
                ]),
            ...(entry.batch.jobDefinitions[step.job] || mayBeUnparsed(index, entry, 'jobDefinitions', step.job)
              ? []
              : [
                  at(
                    entry,
                    [...path, 'job'],
                    `names job definition ${step.job}, which is not one of batch.jobDefinitions`,
                    `use one of ${listOf(jobs)}, or add ${step.job} under batch.jobDefinitions`,
                  ),
                ]),
            ...(pipeline.steps.findIndex((other) => other.name === step.name) !== position
              ? [at(entry, [...path, 'name'], `repeats step name ${step.name}`, 'give every step of a pipeline its own name')]
              : []),
          ];
        }),
    ),
};

export const batchShareIdentifierMatchesQueue: ConfigRule = {
  id: 'batch/share-identifier-matches-queue',
  description: 'A step on a fair-share queue gives a shareIdentifier; a step on a first-in-first-out queue gives none.',
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.pipelines,
      (entry, name, pipeline) =>
        pipeline.steps.flatMap((step, position) => {
          const queue = entry.batch.queues[step.queue];
          if (!queue || Boolean(queue.fairShare) === (step.shareIdentifier !== undefined)) return [];
          const path = ['pipelines', name, 'steps', position];
          return [
            queue.fairShare
              ? at(
                  entry,
                  path,
                  `submits to fair-share queue ${step.queue} without a shareIdentifier`,
                  'give the step a shareIdentifier (Batch rejects the job otherwise)',
                )
              : at(
                  entry,
                  [...path, 'shareIdentifier'],
                  `is set, but queue ${step.queue} has no fair-share policy`,
                  `remove it, or give queue ${step.queue} a fairShare policy`,
                ),
          ];
        }),
    ),
};

export const batchImageRepositoryResolves: ConfigRule = {
  id: 'batch/image-repository-resolves',
  description: "A job's image is in a repository of its account, or of an account that lets it pull.",
  check: (index) =>
    eachOf(
      index,
      (batch) => batch.jobDefinitions,
      (entry, name, job) => imageRepositoryProblems(index, entry.workloads, job.image, ['batch', 'jobDefinitions', name, 'image']),
    ),
};
