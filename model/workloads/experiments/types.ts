import type { TierName } from '../../schema';
import type { AccountRef, ContractSource, StackPlanBase } from '../../stack-plans';
import type { AlarmPlan } from '../alarms/types';
import type { ExperimentKind } from './schema';

/** What an experiment needs of a planned alarm: its key, its name, what it watches and how (for the runbook). */
export type StopAlarm = Pick<AlarmPlan, 'key' | 'alarmName' | 'subject' | 'description'>;

/** Where an experiment's instances come from: a Batch compute environment or an EKS node group (config names). */
export type InstanceSource =
  | { readonly kind: 'batch'; readonly computeEnvironment: string; readonly resourceName: string }
  | { readonly kind: 'node-group'; readonly cluster: string; readonly nodeGroup: string; readonly clusterName: string };

/** The resources an experiment acts on, by config names; the stack turns them into tags and filters. */
export type ExperimentTargetPlan =
  | {
      readonly kind: 'subnets';
      readonly tier: TierName;
      readonly zone: string;
      /** The spoke contract's `subnet_ids` key of the one subnet it selects (`<tier>-<zone letter>`). */
      readonly subnetKey: string;
    }
  | { readonly kind: 'ecs-tasks'; readonly service: string; readonly family: string; readonly percentage: number; readonly zone?: string }
  | {
      readonly kind: 'node-group';
      readonly cluster: string;
      readonly nodeGroup: string;
      readonly clusterName: string;
      readonly percentage: number;
    }
  | {
      readonly kind: 'instances';
      readonly source: InstanceSource;
      readonly capacity: 'spot' | 'on-demand';
      readonly percentage: number;
      readonly zone?: string;
    };

export interface ExperimentPlan {
  /** Config name: construct id and the key of the template id output. */
  readonly name: string;
  /** `<org>-<name>`: Name tag, log group `/aws/vendedlogs/fis/<experimentName>` and role `<experimentName>-fis`. */
  readonly experimentName: string;
  readonly kind: ExperimentKind;
  readonly description: string;
  /** The FIS action and its parameters (ISO 8601 durations). */
  readonly action: { readonly actionId: string; readonly parameters: Readonly<Record<string, string>> };
  readonly target: ExperimentTargetPlan;
  /** How long the fault lasts, when it has a duration. */
  readonly durationMinutes?: number;
  /** The alarms that stop it (at least one), in key order. */
  readonly stopConditions: readonly StopAlarm[];
  readonly emptyTargetResolutionMode: 'fail' | 'skip';
  /** Why it may run in a prod-segment account, when it is in one. */
  readonly allowInProd?: { readonly reason: string };
  readonly logRetentionDays: number;
}

export interface ExperimentsPlan {
  readonly experiments: readonly ExperimentPlan[];
  /** Alias of the account's key for experiment logs. */
  readonly logKeyName: string;
}

/**
 * A workload account's FIS experiments in their own stack, `<env>-resilience-<account>`, deployed
 * with the account's role after its workloads stack: the spoke's contract gives the VPC its AZ
 * losses are confined to, the workloads contract the alarms they stop on. Targets are tags and
 * filters from config names, so nothing else of the workloads stack is read.
 */
export interface ResiliencePlan extends StackPlanBase, ExperimentsPlan {
  readonly kind: 'resilience';
  readonly environment: string;
  readonly region: string;
  readonly accountName: string;
  readonly account: AccountRef;
  readonly spoke: ContractSource;
  readonly workloads: ContractSource;
}
