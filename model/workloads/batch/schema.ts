import { z } from 'zod';
import { AccountName, ResourceName } from '../../schema-primitives';
import { PublishesSchema } from '../messaging/schema';

/*
 * The `batch` section of a workloads file: AWS Batch on Spot with On-Demand fallback, driven by
 * Step Functions. AWS limits (attempts, evaluate-on-exit entries, environments per queue) are
 * checked by the rules in model/validate/rules/batch.ts, so every breach is reported at its place.
 */

/** Retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const LogRetentionDays = z
  .literal(LOG_RETENTION_DAYS)
  .describe('Days CloudWatch Logs keeps the logs (a retention CloudWatch Logs offers).');

const Image = z
  .strictObject({
    repository: ResourceName.describe('A repository of `containers.repositories` (in this file, or in the account named by `from`).'),
    from: AccountName.optional().describe('Account whose repository holds the image; default: this account.'),
    tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'is not an image tag — use up to 128 letters, digits, _, . and -'),
  })
  .describe('The image: a repository of this landing zone and a tag.');

export const ComputeEnvironmentSchema = z
  .strictObject({
    capacity: z
      .enum(['spot', 'on-demand'])
      .describe('spot: SPOT_CAPACITY_OPTIMIZED; on-demand: BEST_FIT_PROGRESSIVE. Changing it replaces the environment.'),
    instanceTypes: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'is not an instance type or family — e.g. optimal, c6i, m6i.large'))
      .min(1)
      .default(['optimal'])
      .describe('Instance types or families; optimal lets Batch choose.'),
    minVcpus: z.int().min(0).default(0).describe('vCPUs kept running when no job waits.'),
    maxVcpus: z.int().min(1).default(256),
    bidPercentage: z.int().min(1).max(100).optional().describe('Spot only: highest price as a percentage of On-Demand (default 100).'),
    subnetTier: z
      .enum(['public', 'app', 'data'])
      .default('app')
      .describe('Tier of the spoke whose subnets and security group the instances use.'),
  })
  .describe('A managed EC2 compute environment (ECS AL2023, IMDSv2).');

const EvaluateOnExitSchema = z
  .strictObject({
    action: z.enum(['RETRY', 'EXIT']),
    onStatusReason: z.string().min(1).max(512).optional().describe('Glob on the status reason, e.g. "Host EC2*" (Spot reclaim).'),
    onReason: z.string().min(1).max(512).optional(),
    onExitCode: z
      .string()
      .regex(/^[0-9]*\*?$/, 'is not an exit code glob — digits, optionally ending in *')
      .optional(),
  })
  .describe('One retry condition; the first that matches decides.');

export const RetrySchema = z
  .strictObject({
    attempts: z.int().default(2).describe('Attempts in total, 1–10.'),
    evaluateOnExit: z
      .array(EvaluateOnExitSchema)
      .default([{ action: 'RETRY', onStatusReason: 'Host EC2*' }])
      .describe('Conditions in order; a catch-all EXIT is added at the end unless the last one is one. At most 5 in all.'),
  })
  .describe('Retry strategy; default: 2 attempts, RETRY on a Spot reclaim (Host EC2*), EXIT on anything else.');

const EnvironmentVariableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'is not an environment variable name — use letters, digits and underscores');

export const JobDefinitionSchema = z.strictObject({
  image: Image,
  vcpus: z.int().min(1).max(192).default(1),
  memoryMiB: z.int().min(4).default(2048),
  command: z.array(z.string()).min(1).optional().describe("Overrides the image's CMD."),
  environment: z.record(EnvironmentVariableName, z.string()).default({}).describe('Plain, non-secret values only.'),
  readonlyRootFilesystem: z.boolean().default(true).describe('The job writes only to /tmp; turn off only for images that cannot.'),
  retry: RetrySchema.default({ attempts: 2, evaluateOnExit: [{ action: 'RETRY', onStatusReason: 'Host EC2*' }] }),
  timeoutSeconds: z.int().min(60).default(3600).describe('Seconds an attempt may run.'),
  publishes: PublishesSchema.optional(),
  logRetentionDays: LogRetentionDays.default(90),
});

const ShareIdentifier = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,254}\*?$/, 'is not a share identifier — letters, digits and _, optionally ending in *');

export const JobQueueSchema = z.strictObject({
  computeEnvironments: z
    .array(ResourceName)
    .describe('Environments of `batch.computeEnvironments` in the order Batch tries them: Spot first, On-Demand as fallback (1–3).'),
  priority: z.int().min(0).max(1000).default(1),
  cancelRunnableAfterSeconds: z
    .int()
    .min(600)
    .max(86400)
    .default(3600)
    .describe('Jobs RUNNABLE this long for lack of instance capacity are cancelled.'),
  fairShare: z
    .strictObject({
      shareDecaySeconds: z.int().min(0).max(604800).default(3600),
      computeReservation: z.int().min(0).max(99).default(0),
      weightFactors: z.record(ShareIdentifier, z.number().min(0.0001).max(999.9999)).default({}),
    })
    .optional()
    .describe(
      'Fair-share scheduling; steps on this queue then need a shareIdentifier. Cannot be added to or removed from an existing queue.',
    ),
});

export const PipelineStepSchema = z.strictObject({
  name: ResourceName.describe('State name, unique in the pipeline.'),
  job: ResourceName.describe('A job definition of `batch.jobDefinitions`.'),
  queue: ResourceName.describe('A queue of `batch.queues`.'),
  shareIdentifier: ShareIdentifier.optional().describe('Required on a fair-share queue, not allowed otherwise.'),
});

export const PipelineSchema = z.strictObject({
  steps: z.array(PipelineStepSchema).min(1).describe('Jobs submitted one after the other (Step Functions, .sync).'),
  schedule: z
    .string()
    .regex(/^(cron|rate)\(.+\)$/, 'is not a schedule — use cron(...) or rate(...), e.g. cron(0 2 * * ? *)')
    .optional()
    .describe('EventBridge Scheduler expression that starts the pipeline.'),
  scheduleTimezone: z.string().min(1).default('UTC'),
  logLevel: z.enum(['ALL', 'ERROR', 'FATAL']).default('ERROR'),
  includeExecutionData: z.boolean().default(false).describe('Log state inputs and outputs; they may hold what the jobs process.'),
  logRetentionDays: LogRetentionDays.default(90),
});

export const BatchSchema = z
  .strictObject({
    computeEnvironments: z.record(ResourceName, ComputeEnvironmentSchema).default({}).describe('Compute environments by name.'),
    queues: z.record(ResourceName, JobQueueSchema).default({}).describe('Job queues by name.'),
    jobDefinitions: z.record(ResourceName, JobDefinitionSchema).default({}).describe('Container job definitions by name.'),
    pipelines: z.record(ResourceName, PipelineSchema).default({}).describe('Step Functions state machines by name.'),
  })
  .describe('AWS Batch: Spot compute with On-Demand fallback, job queues, job definitions and Step Functions pipelines.');

export type BatchConfig = z.infer<typeof BatchSchema>;
export type ComputeEnvironmentConfig = z.infer<typeof ComputeEnvironmentSchema>;
export type JobQueueConfig = z.infer<typeof JobQueueSchema>;
export type JobDefinitionConfig = z.infer<typeof JobDefinitionSchema>;
export type PipelineConfig = z.infer<typeof PipelineSchema>;
export type RetryConfig = z.infer<typeof RetrySchema>;
