import type { AccountRef } from '../../stack-plans';
import type { PublishesPlan } from '../messaging/types';

export interface BatchComputeEnvironmentPlan {
  /** Config name: construct id and the key a queue orders by. */
  readonly name: string;
  /** Launch template name and compute environment name prefix. */
  readonly resourceName: string;
  readonly capacity: 'spot' | 'on-demand';
  readonly instanceTypes: readonly string[];
  readonly minVcpus: number;
  readonly maxVcpus: number;
  readonly bidPercentage?: number;
  /** Keys of the spoke contract's `subnet_ids` (`<tier>-<zone letter>`). */
  readonly subnetKeys: readonly string[];
  /** The spoke's security group tier of the instances. */
  readonly securityGroupTier: 'web' | 'app' | 'data';
  /** Minutes an infrastructure update waits for running jobs: the longest job timeout of the account (capped at 360). */
  readonly updateTimeoutMinutes: number;
}

export interface BatchJobQueuePlan {
  readonly name: string;
  readonly queueName: string;
  /** Config names of the compute environments, in the order Batch tries them. */
  readonly computeEnvironments: readonly string[];
  readonly priority: number;
  readonly cancelRunnableAfterSeconds: number;
  readonly fairShare?: {
    readonly shareDecaySeconds: number;
    readonly computeReservation: number;
    readonly weightFactors: Readonly<Record<string, number>>;
  };
}

export interface EvaluateOnExitPlan {
  readonly action: 'RETRY' | 'EXIT';
  readonly onStatusReason?: string;
  readonly onReason?: string;
  readonly onExitCode?: string;
}

export interface BatchJobDefinitionPlan {
  readonly name: string;
  readonly definitionName: string;
  readonly image: { readonly account: AccountRef; readonly region: string; readonly repository: string; readonly tag: string };
  readonly vcpus: number;
  readonly memoryMiB: number;
  readonly command?: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly readonlyRootFilesystem: boolean;
  /** Always ends with a catch-all EXIT. */
  readonly retry: { readonly attempts: number; readonly evaluateOnExit: readonly EvaluateOnExitPlan[] };
  readonly timeoutSeconds: number;
  readonly logRetentionDays: number;
  /** What the job role may send to; undefined: nothing. */
  readonly publishes?: PublishesPlan;
}

export interface BatchPipelineStepPlan {
  readonly name: string;
  /** Name the submitted job gets: `<pipeline>-<step>`. */
  readonly jobName: string;
  readonly jobDefinitionName: string;
  readonly queueName: string;
  readonly shareIdentifier?: string;
}

export interface BatchPipelinePlan {
  readonly name: string;
  readonly stateMachineName: string;
  readonly steps: readonly BatchPipelineStepPlan[];
  readonly schedule?: string;
  readonly scheduleTimezone: string;
  readonly logLevel: 'ALL' | 'ERROR' | 'FATAL';
  readonly includeExecutionData: boolean;
  readonly logRetentionDays: number;
}

export interface BatchPlan {
  /** Name of the instance role and profile, and of the log key alias. */
  readonly namePrefix: string;
  readonly computeEnvironments: readonly BatchComputeEnvironmentPlan[];
  readonly queues: readonly BatchJobQueuePlan[];
  readonly jobDefinitions: readonly BatchJobDefinitionPlan[];
  readonly pipelines: readonly BatchPipelinePlan[];
}
