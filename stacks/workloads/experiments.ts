import type { BatchComputeEnvironment } from '../../modules/batch/compute-environment';
import type { EcsService } from '../../modules/containers/ecs-service';
import type { KubernetesCluster } from '../../modules/kubernetes/kubernetes-cluster';
import { ExperimentLogKey } from '../../modules/resilience/experiment-log-key';
import { FisExperiment, type FisActionId, type FisTargetProps } from '../../modules/resilience/fis-experiment';
import { TIER_TAG } from '../../modules/shared/tiers';
import type { ExperimentPlan, ExperimentsPlan, ExperimentTargetPlan } from '../../model/workloads/experiments/types';
import type { WorkloadsPlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import type { ContractReader } from '../contracts/contract';
import type { spokeContract } from '../contracts/spoke';

export interface ExperimentInputs {
  readonly network: ContractReader<typeof spokeContract.outputs>;
  /** ECS services by config name. */
  readonly services: ReadonlyMap<string, EcsService>;
  /** EKS clusters by config name. */
  readonly clusters: ReadonlyMap<string, KubernetesCluster>;
  /** Batch compute environments by config name. */
  readonly computeEnvironments: ReadonlyMap<string, BatchComputeEnvironment>;
  /** Alarm ARNs by alarm key (`<kind>/<subject>/<signal>`). */
  readonly alarmArns: ReadonlyMap<string, string>;
}

/**
 * The account's FIS experiment templates, one per config entry, with a KMS key for their logs.
 * Targets are selected by the tags the modules put on what they create (the spoke's tier tag, the
 * tags a service propagates to its tasks, node group and Batch instance tags) plus filters, never
 * by more than a handful of ARNs; stop conditions are the alarms the model chose.
 */
export function placeExperiments(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  experiments: ExperimentsPlan,
  inputs: ExperimentInputs,
): ReadonlyMap<string, FisExperiment> {
  const accountId = stack.accountId(plan.account);
  const logKey = new ExperimentLogKey(stack, 'experiment-log-key', { name: experiments.logKeyName, accountId, region: plan.region });
  return new Map(
    experiments.experiments.map((experiment) => [
      experiment.name,
      new FisExperiment(stack, `experiment-${experiment.name}`, {
        name: experiment.experimentName,
        description: experiment.description,
        accountId,
        region: plan.region,
        actions: {
          [experiment.kind]: {
            actionId: experiment.action.actionId as FisActionId,
            parameters: experiment.action.parameters,
            target: target(experiment.target, inputs),
          },
        },
        stopConditionAlarmArns: stopConditions(experiment, inputs.alarmArns),
        emptyTargetResolutionMode: experiment.emptyTargetResolutionMode,
        logRetentionDays: experiment.logRetentionDays,
        logKmsKeyArn: logKey.keyArn,
        ...(experiment.allowInProd ? { tags: { AllowedInProd: 'true' } } : {}),
      }),
    ]),
  );
}

function stopConditions(experiment: ExperimentPlan, alarmArns: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(
    experiment.stopConditions.map((alarm) => {
      const arn = alarmArns.get(alarm.key);
      if (!arn) throw new Error(`internal: experiment ${experiment.name} stops on alarm ${alarm.key}, which the stack did not create`);
      return [alarm.key, arn];
    }),
  );
}

/** A plan's target as FIS selects it: by the tags the modules set, narrowed by filters. */
export function target(plan: ExperimentTargetPlan, inputs: ExperimentInputs): FisTargetProps {
  switch (plan.kind) {
    case 'subnets':
      return {
        resourceTags: { [TIER_TAG]: plan.tier },
        filters: { AvailabilityZone: [plan.zone], VpcId: [inputs.network.string('vpcId')] },
      };
    case 'ecs-tasks':
      return {
        resourceTags: required(inputs.services.get(plan.service), `service ${plan.service}`).taskTags,
        filters: { LastStatus: ['RUNNING'], ...(plan.zone ? { AvailabilityZone: [plan.zone] } : {}) },
        selectionMode: `PERCENT(${plan.percentage})`,
      };
    case 'node-group':
      return { resourceTags: nodeGroup(inputs, plan.cluster, plan.nodeGroup).selectionTags };
    case 'instances': {
      const source = plan.source;
      const tags =
        source.kind === 'batch'
          ? required(inputs.computeEnvironments.get(source.computeEnvironment), `compute environment ${source.computeEnvironment}`)
              .instanceTags
          : nodeGroup(inputs, source.cluster, source.nodeGroup).selectionTags;
      return {
        resourceTags: tags,
        filters: { 'State.Name': ['running'], ...(plan.zone ? { 'Placement.AvailabilityZone': [plan.zone] } : {}) },
        selectionMode: `PERCENT(${plan.percentage})`,
      };
    }
  }
}

function nodeGroup(inputs: ExperimentInputs, cluster: string, group: string) {
  return required(inputs.clusters.get(cluster)?.nodeGroups.get(group), `node group ${cluster}/${group}`);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: an experiment targets ${what}, which the stack did not create`);
  return value;
}
