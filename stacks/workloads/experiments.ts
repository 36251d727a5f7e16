import { computeEnvironmentInstanceTags } from '../../modules/batch/compute-environment';
import { ecsTaskTags } from '../../modules/containers/ecs-service';
import { nodeGroupSelectionTags } from '../../modules/kubernetes/eks-node-group';
import { LogGroupKey } from '../../modules/logging/log-group-key';
import { FisExperiment, type FisActionId, type FisTargetProps } from '../../modules/resilience/fis-experiment';
import { TIER_TAG } from '../../modules/shared/tiers';
import type { ExperimentPlan, ExperimentTargetPlan, ResiliencePlan } from '../../model/workloads/experiments/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';

export interface ExperimentInputs {
  /** The spoke VPC (from its contract): an AZ loss hits only its subnets. */
  readonly vpcId: string;
  /** ARNs of the workloads stack's alarms (from its contract), by alarm key. */
  readonly alarmArns: Readonly<Record<string, string>>;
}

/**
 * The account's FIS experiment templates, one per config entry, with a KMS key for their logs.
 * Targets are selected by the tags the other stacks put on what they create — the spoke's tier tag,
 * the tag a service propagates to its tasks, node group and Batch instance tags, computed by the
 * same functions the modules tag with — plus filters, never by ARNs; stop conditions are the
 * alarms the model chose.
 */
export function placeExperiments(
  stack: LandingZoneStack,
  plan: ResiliencePlan,
  inputs: ExperimentInputs,
): ReadonlyMap<string, FisExperiment> {
  const accountId = stack.accountId(plan.account);
  const logKey = new LogGroupKey(stack, 'experiment-log-key', {
    name: plan.logKeyName,
    purpose: `logs of the FIS experiments of ${plan.logKeyName}`,
    aliasPrefix: 'fis',
    accountId,
    region: plan.region,
  });
  return new Map(
    plan.experiments.map((experiment) => [
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
            target: target(experiment.target, inputs.vpcId),
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

function stopConditions(experiment: ExperimentPlan, alarmArns: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    experiment.stopConditions.map((alarm) => {
      const arn = alarmArns[alarm.key];
      if (!arn) throw new Error(`internal: experiment ${experiment.name} stops on alarm ${alarm.key}, which the stack did not read`);
      return [alarm.key, arn];
    }),
  );
}

/** A plan's target as FIS selects it: by the tags the modules set, narrowed by filters. */
export function target(plan: ExperimentTargetPlan, vpcId: string): FisTargetProps {
  switch (plan.kind) {
    case 'subnets':
      return { resourceTags: { [TIER_TAG]: plan.tier }, filters: { AvailabilityZone: [plan.zone], VpcId: [vpcId] } };
    case 'ecs-tasks':
      return {
        resourceTags: ecsTaskTags(plan.family),
        filters: { LastStatus: ['RUNNING'], ...(plan.zone ? { AvailabilityZone: [plan.zone] } : {}) },
        selectionMode: `PERCENT(${plan.percentage})`,
      };
    case 'node-group':
      return { resourceTags: nodeGroupSelectionTags(plan.clusterName, plan.nodeGroup) };
    case 'instances': {
      const source = plan.source;
      return {
        resourceTags:
          source.kind === 'batch'
            ? computeEnvironmentInstanceTags(source.resourceName)
            : nodeGroupSelectionTags(source.clusterName, source.nodeGroup),
        filters: { 'State.Name': ['running'], ...(plan.zone ? { 'Placement.AvailabilityZone': [plan.zone] } : {}) },
        selectionMode: `PERCENT(${plan.percentage})`,
      };
    }
  }
}
