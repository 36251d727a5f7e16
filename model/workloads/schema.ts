import { z } from 'zod';
import { AlarmsSchema } from './alarms/schema';
import { BatchSchema } from './batch/schema';
import { ContainersSchema } from './containers/schema';
import { EventBusSchema, QueuesSchema, TopicsSchema } from './messaging/schema';
import { ExperimentsSchema } from './experiments/schema';
import { KubernetesSchema } from './kubernetes/schema';
import { ServerlessSchema } from './serverless/schema';

/*
 * A workload account's file (environments/<env>/<account>.yaml): what its application team runs
 * there. One file per account, so CODEOWNERS can hand it to that team. Names are map keys, never
 * positions. Each platform owns its section's schema in its own folder.
 */
export const WorkloadsConfigSchema = z
  .strictObject({
    containers: ContainersSchema.optional(),
    kubernetes: KubernetesSchema.optional(),
    queues: QueuesSchema,
    topics: TopicsSchema,
    eventBus: EventBusSchema.optional(),
    batch: BatchSchema.optional(),
    serverless: ServerlessSchema.optional(),
    alarms: AlarmsSchema.optional(),
    experiments: ExperimentsSchema,
  })
  .describe("A workload account's workloads (environments/<env>/<account>.yaml).");

export type WorkloadsConfig = z.infer<typeof WorkloadsConfigSchema>;
export type { ContainersConfig, EcrRepositoryConfig, EcsServiceConfig } from './containers/schema';
export type { EventBusConfig, QueueConfig, TopicConfig } from './messaging/schema';
export type { EksClusterConfig, KubernetesConfig, NodeGroupConfig } from './kubernetes/schema';
export type { BatchConfig } from './batch/schema';
export type { AlarmsConfig } from './alarms/schema';
export type { HttpApiConfig, LambdaFunctionConfig, RestApiConfig, ServerlessConfig } from './serverless/schema';
export type { ExperimentConfig } from './experiments/schema';
