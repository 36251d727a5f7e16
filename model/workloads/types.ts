import type { AccountRef, ContractSource, StackPlanBase } from '../stack-plans';
import type { SourceFile } from '../yaml-source';
import type { AlarmsPlan } from './alarms/types';
import type { BatchPlan } from './batch/types';
import type { ContainersPlan } from './containers/types';
import type { MessagingPlan, QueuePlan } from './messaging/types';
import type { KubernetesPlan } from './kubernetes/types';
import type { ServerlessPlan } from './serverless/types';
import type { WorkloadsConfig } from './schema';

export type { CapacityStrategy, ContainersPlan, EcsServicePlan, RepositoryPlan } from './containers/types';
export type { ArnRef, EventBusPlan, EventRulePlan, MessagingPlan, QueuePlan, SubscriptionPlan, TopicPlan } from './messaging/types';
export type { EksClusterPlan, KubernetesPlan, NodeGroupPlan, RoleRef } from './kubernetes/types';
export type { BatchPlan } from './batch/types';
export type { AlarmPlan, AlarmsPlan, DeployedRef } from './alarms/types';
export type { HttpApiPlan, LambdaFunctionPlan, RestApiPlan, ServerlessPlan } from './serverless/types';
export type { ExperimentPlan, ExperimentsPlan, ExperimentTargetPlan, ResiliencePlan } from './experiments/types';

/** A workloads file that passed the schema. */
export interface ParsedWorkloads {
  readonly environment: string;
  readonly account: string;
  readonly source: SourceFile;
  readonly config: WorkloadsConfig;
}

export interface WorkloadsPlan extends StackPlanBase {
  readonly kind: 'workloads';
  readonly environment: string;
  readonly region: string;
  readonly accountName: string;
  readonly account: AccountRef;
  readonly organizationId: string;
  readonly namePrefix: string;
  /** A prod-segment account: ECS Exec and other debugging switches stay off. */
  readonly prodSegment: boolean;
  readonly spoke: ContractSource;
  /** The hub, read for the Lattice service network when a service registers there, and for a private REST API's execute-api endpoint. */
  readonly hub?: ContractSource;
  readonly containers?: ContainersPlan;
  readonly kubernetes?: KubernetesPlan;
  readonly queues: readonly QueuePlan[];
  /** Topics, subscriptions, the account's event bus and the messaging key, when the file has any. */
  readonly messaging?: MessagingPlan;
  readonly batch?: BatchPlan;
  readonly serverless?: ServerlessPlan;
  /** CloudWatch alarms of every workload above, and the topic they notify. */
  readonly alarms: AlarmsPlan;
}
