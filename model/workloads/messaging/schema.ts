import { z } from 'zod';
import { AccountName, ResourceName } from '../../schema-primitives';

/*
 * The messaging sections of a workloads file: queues, topics and the account's event bus. A
 * cross-account pair is written once, by the side that receives (a queue's subscription) or sends
 * (a bus rule's target); the model derives the other side's policy from it.
 */

const Subscription = z
  .strictObject({
    topic: ResourceName.describe('A topic of `topics` in the workloads file of `account`.'),
    account: AccountName.optional().describe('Account whose file defines the topic (same region); default: this account.'),
    filter: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('SNS filter policy (at most 5 keys and 150 value combinations); default: every message.'),
    filterScope: z.enum(['MessageAttributes', 'MessageBody']).default('MessageAttributes').describe('What the filter matches.'),
    rawMessageDelivery: z.boolean().default(true).describe('Deliver the body alone, without the SNS envelope.'),
  })
  .describe("The queue's subscription to a topic; it lives in this account's stack, in the topic's region.");

export const QueueSchema = z.strictObject({
  fifo: z.boolean().default(false).describe('FIFO queue; its name (and its dead-letter queue’s) ends in .fifo.'),
  visibilityTimeoutSeconds: z
    .int()
    .min(0)
    .max(43200)
    .default(30)
    .describe('At least the processing time of an ECS consumer, and 6 × the timeout of a Lambda consumer.'),
  processingSeconds: z
    .int()
    .min(1)
    .max(43200)
    .optional()
    .describe('Seconds an ECS consumer takes for one message at worst; the visibility timeout must cover it.'),
  maxReceiveCount: z.int().min(1).max(1000).default(5).describe('Receives before a message moves to the dead-letter queue.'),
  retentionSeconds: z.int().min(60).max(1209600).default(345600),
  encryption: z
    .enum(['sqs', 'kms'])
    .default('sqs')
    .describe("SSE-SQS, or the account's messaging KMS key (whose policy lets the queue's producers deliver)."),
  producers: z
    .array(AccountName)
    .default([])
    .describe('Other accounts whose principals send to the queue directly (topics and bus rules are added on their own).'),
  subscriptions: z.record(ResourceName, Subscription).default({}).describe('SNS topics this queue receives from, by name.'),
});

export const TopicSchema = z.strictObject({
  fifo: z.boolean().default(false).describe('FIFO topic; its name ends in .fifo. Only FIFO topics deliver to FIFO queues.'),
  publishers: z.array(AccountName).default([]).describe('Other accounts that publish to the topic.'),
  organization: z
    .boolean()
    .default(false)
    .describe('Any account of the organization may subscribe (aws:PrincipalOrgID); default: only the accounts that do.'),
});

const EventTarget = z
  .strictObject({
    bus: AccountName.optional().describe("Another account's event bus (its workloads file has `eventBus`)."),
    queue: ResourceName.optional().describe('A queue of this file.'),
  })
  .describe('Where matching events go: exactly one of bus or queue.');

const EventRule = z.strictObject({
  pattern: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .describe('Event pattern: a JSON text or a YAML mapping (at most 2,048 characters as JSON).'),
  description: z.string().max(512).optional(),
  targets: z.record(ResourceName, EventTarget).describe('Targets by name (1 to 5).'),
  maximumRetryAttempts: z.int().min(0).max(185).default(185),
  maximumEventAgeSeconds: z.int().min(60).max(86400).default(86400),
});

export const EventBusSchema = z
  .strictObject({
    encryption: z.enum(['aws-owned', 'kms']).default('aws-owned').describe("An AWS owned key, or the account's messaging KMS key."),
    archiveRetentionDays: z
      .int()
      .min(0)
      .max(36500)
      .optional()
      .describe('Archive every event for replay (0: forever); default: no archive.'),
    organization: z
      .boolean()
      .default(false)
      .describe('Any account of the organization may put events; default: only the accounts whose rules target this bus.'),
    deadLetterQueue: ResourceName.optional().describe('A queue of this file for events no target accepted.'),
    rules: z.record(ResourceName, EventRule).default({}).describe('Rules on this bus by name.'),
  })
  .describe("The account's custom EventBridge bus, `<org>-<account>`.");

/**
 * What a workload's code sends to: messaging entries of its own file, by name. Its role (an ECS
 * task role, a function's role, a Batch job role) gets exactly these grants, and key use when an
 * entry is encrypted with the account's messaging key. Queue policies need no change: the role is a
 * principal of the queue's own account.
 */
export const PublishesSchema = z
  .strictObject({
    topics: z.array(ResourceName).default([]).describe('Topics of `topics` in this file (sns:Publish).'),
    queues: z.array(ResourceName).default([]).describe('Queues of `queues` in this file (sqs:SendMessage).'),
    buses: z
      .array(AccountName)
      .default([])
      .describe("This account's own event bus, named by the account as rule targets name buses (events:PutEvents)."),
  })
  .describe('Messaging entries of this file the code sends to; its role gets exactly these grants.');

export const QueuesSchema = z.record(ResourceName, QueueSchema).default({}).describe('SQS queues (each with a dead-letter queue) by name.');
export const TopicsSchema = z.record(ResourceName, TopicSchema).default({}).describe('SNS topics (KMS-encrypted) by name.');

export type QueueConfig = z.infer<typeof QueueSchema>;
export type TopicConfig = z.infer<typeof TopicSchema>;
export type EventBusConfig = z.infer<typeof EventBusSchema>;
export type EventRuleConfig = z.infer<typeof EventRule>;
export type SubscriptionConfig = z.infer<typeof Subscription>;
export type PublishesConfig = z.infer<typeof PublishesSchema>;
