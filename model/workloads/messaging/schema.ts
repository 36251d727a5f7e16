import { z } from 'zod';
import { ResourceName } from '../../schema-primitives';

/* The messaging sections of a workloads file. */

export const QueueSchema = z.strictObject({
  visibilityTimeoutSeconds: z.int().min(0).max(43200).default(30),
  maxReceiveCount: z.int().min(1).max(1000).default(5).describe('Receives before a message moves to the dead-letter queue.'),
  retentionSeconds: z.int().min(60).max(1209600).default(345600),
});

export const QueuesSchema = z.record(ResourceName, QueueSchema).default({}).describe('SQS queues (each with a dead-letter queue) by name.');

export type QueueConfig = z.infer<typeof QueueSchema>;
