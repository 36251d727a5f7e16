import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';

/* Queues, topics and buses of workloads files. */

export const queueNamesDistinct: ConfigRule = {
  id: 'messaging/queue-names-distinct',
  description: "No queue is named like another queue's dead-letter queue (<queue>-dlq).",
  check: (index) =>
    index.workloads.flatMap((workloads) => {
      const names = Object.keys(workloads.config.queues);
      return names
        .filter((name) => name.endsWith('-dlq') && names.includes(name.slice(0, -'-dlq'.length)))
        .map((name) =>
          problemAt(
            workloads.source,
            ['queues', name],
            `clashes with the dead-letter queue of queue ${name.slice(0, -'-dlq'.length)}`,
            'rename the queue; every queue already gets a <name>-dlq dead-letter queue',
          ),
        );
    }),
};
