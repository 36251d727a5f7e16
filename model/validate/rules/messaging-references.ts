import type { ConfigProblem } from '../../problems';
import type { PublishesConfig } from '../../workloads/messaging/schema';
import type { ParsedWorkloads } from '../../workloads/types';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/*
 * References from the other platforms to a file's messaging entries: what ECS services, functions,
 * Batch jobs and REST methods send to. A name that resolves to nothing is an error at its place.
 */

type Path = readonly (string | number)[];

/** A queue or topic of the workloads file, or a problem at `path` naming the ones there are. */
export function ownEntryProblems(
  index: ConfigIndex,
  workloads: ParsedWorkloads,
  path: Path,
  section: 'queues' | 'topics',
  name: string,
): ConfigProblem[] {
  const entries = Object.keys(workloads.config[section]);
  if (entries.includes(name) || index.mayBeUnparsedWorkload(workloads.environment, workloads.account, [section], name)) return [];
  const what = section === 'queues' ? 'queue' : 'topic';
  return [
    problemAt(
      workloads.source,
      path,
      `names ${what} ${name}, which is not a ${what} of this file`,
      entries.length > 0 ? `${chooseFrom(entries, name, what)}, or add ${name} under ${section}` : `add ${name} under ${section}`,
    ),
  ];
}

/** The file's own event bus, named by its account, or a problem at `path` saying what to name instead. */
export function ownBusProblems(index: ConfigIndex, workloads: ParsedWorkloads, path: Path, account: string): ConfigProblem[] {
  if (account !== workloads.account) {
    return [
      problemAt(
        workloads.source,
        path,
        `names the bus of ${account}; a workload sends only to its own account's bus`,
        `name ${workloads.account}, and add a rule on its bus that targets { bus: ${account} } to reach the other account`,
      ),
    ];
  }
  if (workloads.config.eventBus || index.mayBeUnparsedWorkload(workloads.environment, workloads.account, ['eventBus'], '')) return [];
  return [problemAt(workloads.source, path, `names the bus of ${account}, which has no eventBus`, 'add eventBus to this file')];
}

/** Every `publishes` of a file: ECS services, functions and Batch job definitions, with their paths. */
function publishers(workloads: ParsedWorkloads): { path: Path; publishes: PublishesConfig }[] {
  const { containers, serverless, batch } = workloads.config;
  const from = <T extends { publishes?: PublishesConfig }>(entries: Readonly<Record<string, T>> | undefined, prefix: Path) =>
    Object.entries(entries ?? {}).flatMap(([name, entry]) =>
      entry.publishes ? [{ path: [...prefix, name, 'publishes'], publishes: entry.publishes }] : [],
    );
  return [
    ...from(containers?.services, ['containers', 'services']),
    ...from(serverless?.functions, ['serverless', 'functions']),
    ...from(batch?.jobDefinitions, ['batch', 'jobDefinitions']),
  ];
}

export const publishesResolve: ConfigRule = {
  id: 'messaging/publishes-resolve',
  description: "What a service, function or Batch job publishes to are topics and queues of its file, and its account's own bus.",
  check: (index) =>
    index.workloads.flatMap((workloads) =>
      publishers(workloads).flatMap(({ path, publishes }) => [
        ...publishes.topics.flatMap((topic, at) => ownEntryProblems(index, workloads, [...path, 'topics', at], 'topics', topic)),
        ...publishes.queues.flatMap((queue, at) => ownEntryProblems(index, workloads, [...path, 'queues', at], 'queues', queue)),
        ...publishes.buses.flatMap((bus, at) => ownBusProblems(index, workloads, [...path, 'buses', at], bus)),
      ]),
    ),
};
