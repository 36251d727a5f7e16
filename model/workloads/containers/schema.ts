import { z } from 'zod';
import { AccountName, ResourceName } from '../../schema-primitives';
import { PublishesSchema } from '../messaging/schema';

/* The `containers` section of a workloads file: ECS on Fargate and ECR. */

const SecretArn = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/.+)$/,
    'is not a Secrets Manager secret or SSM parameter ARN — give the full ARN, e.g. arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-AbCdEf',
  );

const EnvironmentVariableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/, 'is not an environment variable name — use letters, digits and underscores');

const Image = z
  .strictObject({
    repository: ResourceName.describe('A repository of `containers.repositories` (in this file, or in the account named by `from`).'),
    from: AccountName.optional().describe(
      'Account whose repository holds the image (promote one image from dev to prod); default: this account.',
    ),
    tag: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'is not an image tag — use up to 128 letters, digits, _, . and -')
      .describe('Tag deployed on creation; with `imageOwner: ci` later tags come from CI.'),
  })
  .describe('The image: a repository of this landing zone and a tag.');

const CapacityProviderWeights = z
  .strictObject({
    fargateSpotWeight: z.int().min(0).max(1000).default(2),
    fargateWeight: z.int().min(0).max(1000).default(1),
    fargateBase: z.int().min(0).max(100000).default(1).describe('Tasks always on FARGATE before the weights apply.'),
  })
  .describe('Capacity provider strategy: FARGATE_SPOT and FARGATE weights, and a base on FARGATE.');

const Scaling = z
  .strictObject({
    minCount: z.int().min(0).max(1000).default(1),
    maxCount: z.int().min(1).max(1000).default(4),
    cpuTarget: z.int().min(10).max(95).optional().describe('Target average CPU %; the default when no queue is given is 70.'),
    queue: ResourceName.optional().describe('A queue of `queues` in this file: scale on its visible messages per task.'),
    messagesPerTask: z.int().min(1).max(100000).default(100).describe('Visible messages one task handles (queue scaling).'),
  })
  .describe('Target-tracking autoscaling on CPU (default 70 %) or on a queue’s depth.');

const Callers = z
  .strictObject({
    services: z.array(ResourceName).default([]).describe('Services of this file that call this one.'),
    tiers: z
      .array(z.enum(['web', 'app', 'data']))
      .default([])
      .describe("The spoke's tier security groups allowed in."),
  })
  .describe('Who may reach the service’s port; nobody else can.');

export const EcsServiceSchema = z.strictObject({
  image: Image,
  imageOwner: z
    .enum(['terraform', 'ci'])
    .default('terraform')
    .describe('Who deploys new images: Terraform (the tag above) or CI (Terraform keeps whatever revision CI registered).'),
  cpu: z.union([z.literal(256), z.literal(512), z.literal(1024), z.literal(2048), z.literal(4096)]).default(256),
  memory: z.int().min(512).max(30720).default(512).describe('MiB; must be valid for the cpu (Fargate task sizes).'),
  port: z.int().min(1).max(65535).optional().describe('Container port the service listens on; none for a worker.'),
  desiredCount: z.int().min(0).max(1000).default(1),
  subnetTier: z.enum(['public', 'app', 'data']).default('app').describe('Tier of the spoke whose subnets the tasks run in.'),
  capacity: CapacityProviderWeights.optional().describe("Overrides the cluster's default capacity provider strategy."),
  scaling: Scaling.optional(),
  callers: Callers.default({ services: [], tiers: [] }),
  secrets: z.record(EnvironmentVariableName, SecretArn).default({}).describe('Injected as secrets (never plain environment).'),
  environment: z.record(EnvironmentVariableName, z.string()).default({}).describe('Plain, non-secret values only.'),
  consumes: z.array(ResourceName).default([]).describe('Queues of this file the service reads and deletes messages from.'),
  publishes: PublishesSchema.optional(),
  ephemeralStorageGiB: z.int().optional().describe('Task storage in GiB, 21–200; default 20 (Fargate).'),
  exec: z.boolean().default(false).describe('ECS Exec (interactive shell); never in a prod-segment account.'),
  serviceConnect: z.boolean().default(true).describe('Reachable by name from the other services of this account.'),
  lattice: z.boolean().default(false).describe("Registered in the environment's Lattice service network for other accounts."),
  logRetentionDays: z.int().min(1).default(30),
});

export const EcrRepositorySchema = z.strictObject({
  pullAccounts: z
    .array(AccountName)
    .default([])
    .describe('Accounts of other environments that pull from this repository (promotion), by account name.'),
  untaggedExpiryDays: z.int().min(1).max(365).default(14),
  keepTaggedImages: z.int().min(1).max(10000).default(50),
});

export const ContainersSchema = z
  .strictObject({
    capacity: CapacityProviderWeights.default({ fargateSpotWeight: 2, fargateWeight: 1, fargateBase: 1 }).describe(
      "The cluster's default capacity provider strategy.",
    ),
    repositories: z.record(ResourceName, EcrRepositorySchema).default({}).describe('ECR repositories by name.'),
    services: z.record(ResourceName, EcsServiceSchema).default({}).describe('ECS services on Fargate by name.'),
  })
  .describe('Containers: one ECS cluster for the account, its services and ECR repositories.');

export type ContainersConfig = z.infer<typeof ContainersSchema>;
export type EcsServiceConfig = z.infer<typeof EcsServiceSchema>;
export type EcrRepositoryConfig = z.infer<typeof EcrRepositorySchema>;
