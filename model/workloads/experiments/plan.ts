import { experimentName, experimentLogKeyName } from '../../naming';
import type { BatchPlan } from '../batch/types';
import type { ContainersPlan } from '../containers/types';
import type { PlanContext } from '../context';
import type { KubernetesPlan } from '../kubernetes/types';
import type { WorkloadsConfig } from '../schema';
import { durationMinutes, isoDuration } from './duration';
import type { ExperimentConfig, InstanceExperimentConfig } from './schema';
import type { ExperimentPlan, ExperimentsPlan, ExperimentTargetPlan, InstanceSource, StopAlarm } from './types';

/** What an account's experiments act on and stop on: its planned platforms and alarms. */
export interface ExperimentInputs {
  readonly containers?: ContainersPlan;
  readonly kubernetes?: KubernetesPlan;
  readonly batch?: BatchPlan;
  /** Every alarm of the account; experiments stop on some of them. */
  readonly alarms: readonly StopAlarm[];
}

/** Spot interruptions give the instance the real 2-minute notice. */
const SPOT_NOTICE = 'PT2M';

const byName = <T>(record: Readonly<Record<string, T>>): [string, T][] => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

/** The account's experiments in name order, each with its target, action and stop conditions; undefined without any. */
export function planExperiments(context: PlanContext, config: WorkloadsConfig, inputs: ExperimentInputs): ExperimentsPlan | undefined {
  const entries = byName(config.experiments);
  if (entries.length === 0) return undefined;
  return {
    experiments: entries.map(([name, experiment]) => planExperiment(context, config, name, experiment, inputs)),
    logKeyName: experimentLogKeyName(context.organization, context.environment.name, context.account.name),
  };
}

function planExperiment(
  context: PlanContext,
  config: WorkloadsConfig,
  name: string,
  experiment: ExperimentConfig,
  inputs: ExperimentInputs,
): ExperimentPlan {
  const target = planTarget(context, experiment, inputs);
  const duration = 'duration' in experiment ? experiment.duration : undefined;
  return {
    name,
    experimentName: experimentName(context.organization, name),
    kind: experiment.kind,
    description: experiment.description ?? describe(experiment.kind, target, duration),
    action: planAction(experiment),
    target,
    ...(duration !== undefined ? { durationMinutes: durationMinutes(duration) } : {}),
    stopConditions: stopAlarms(experiment, inputs.alarms, config),
    emptyTargetResolutionMode: experiment.emptyTargets,
    ...(experiment.allowInProd ? { allowInProd: { reason: experiment.allowInProd.reason } } : {}),
    logRetentionDays: experiment.logRetentionDays,
  };
}

function planAction(experiment: ExperimentConfig): ExperimentPlan['action'] {
  switch (experiment.kind) {
    case 'az-loss':
      return {
        actionId: 'aws:network:disrupt-connectivity',
        parameters: { duration: isoDuration(experiment.duration), scope: experiment.scope },
      };
    case 'ecs-stop-task':
      return { actionId: 'aws:ecs:stop-task', parameters: {} };
    case 'eks-terminate-nodegroup-instances':
      return {
        actionId: 'aws:eks:terminate-nodegroup-instances',
        parameters: { instanceTerminationPercentage: String(experiment.percentage) },
      };
    case 'spot-interrupt':
      return { actionId: 'aws:ec2:send-spot-instance-interruptions', parameters: { durationBeforeInterruption: SPOT_NOTICE } };
    case 'ec2-stop':
      return {
        actionId: 'aws:ec2:stop-instances',
        // Batch and the node group's Auto Scaling group may replace a stopped instance: that completes the action.
        parameters: { startInstancesAfterDuration: isoDuration(experiment.duration), completeIfInstancesTerminated: 'true' },
      };
  }
}

function planTarget(context: PlanContext, experiment: ExperimentConfig, inputs: ExperimentInputs): ExperimentTargetPlan {
  switch (experiment.kind) {
    case 'az-loss':
      return {
        kind: 'subnets',
        tier: experiment.tier,
        zone: experiment.zone,
        subnetKey: `${experiment.tier}-${experiment.zone.slice(-1)}`,
      };
    case 'ecs-stop-task': {
      const service = inputs.containers?.services.find((candidate) => candidate.name === experiment.service);
      if (!service) throw internal(context, `service ${experiment.service}`);
      return {
        kind: 'ecs-tasks',
        service: service.name,
        family: service.family,
        percentage: experiment.percentage,
        ...(experiment.zone ? { zone: experiment.zone } : {}),
      };
    }
    case 'eks-terminate-nodegroup-instances': {
      const cluster = inputs.kubernetes?.clusters.find((candidate) => candidate.name === experiment.cluster);
      if (!cluster?.nodeGroups.some((group) => group.name === experiment.nodeGroup))
        throw internal(context, `node group ${experiment.cluster}/${experiment.nodeGroup}`);
      return {
        kind: 'node-group',
        cluster: cluster.name,
        nodeGroup: experiment.nodeGroup,
        clusterName: cluster.clusterName,
        percentage: experiment.percentage,
      };
    }
    case 'spot-interrupt':
    case 'ec2-stop':
      return instanceTarget(context, experiment, inputs);
  }
}

function instanceTarget(context: PlanContext, experiment: InstanceExperimentConfig, inputs: ExperimentInputs): ExperimentTargetPlan {
  const zone = experiment.zone ? { zone: experiment.zone } : {};
  if (experiment.computeEnvironment) {
    const environment = inputs.batch?.computeEnvironments.find((candidate) => candidate.name === experiment.computeEnvironment);
    if (!environment) throw internal(context, `compute environment ${experiment.computeEnvironment}`);
    const source: InstanceSource = { kind: 'batch', computeEnvironment: environment.name, resourceName: environment.resourceName };
    return { kind: 'instances', source, capacity: environment.capacity, percentage: experiment.percentage, ...zone };
  }
  const cluster = inputs.kubernetes?.clusters.find((candidate) => candidate.name === experiment.cluster);
  const group = cluster?.nodeGroups.find((candidate) => candidate.name === experiment.nodeGroup);
  if (!cluster || !group) throw internal(context, `node group ${experiment.cluster}/${experiment.nodeGroup}`);
  const source: InstanceSource = { kind: 'node-group', cluster: cluster.name, nodeGroup: group.name, clusterName: cluster.clusterName };
  const capacity = group.capacityType === 'SPOT' ? 'spot' : 'on-demand';
  return { kind: 'instances', source, capacity, percentage: experiment.percentage, ...zone };
}

function internal(context: PlanContext, what: string): Error {
  return new Error(
    `internal: an experiment of ${context.account.name} names ${what}, which does not exist; validation should have said so`,
  );
}

/**
 * The alarms an experiment stops on: the keys it names, or by default the alarms of the workload
 * it hits (every alarm of the account for an AZ loss, which hits them all).
 */
export function stopAlarms(experiment: ExperimentConfig, alarms: readonly StopAlarm[], config: WorkloadsConfig): StopAlarm[] {
  const chosen = experiment.stopConditions
    ? alarms.filter((alarm) => experiment.stopConditions!.includes(alarm.key))
    : alarms.filter((alarm) => watchesTarget(experiment, alarm, config));
  return chosen
    .map(({ key, alarmName, subject, description }) => ({ key, alarmName, subject, description }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Whether an alarm (model/workloads/alarms subjects) watches what an experiment hits. */
function watchesTarget(experiment: ExperimentConfig, alarm: StopAlarm, config: WorkloadsConfig): boolean {
  const { kind, name } = alarm.subject;
  const nodeGroup = (cluster: string | undefined, group: string | undefined) => kind === 'eks-node-group' && name === `${cluster}.${group}`;
  switch (experiment.kind) {
    case 'az-loss':
      return true;
    case 'ecs-stop-task':
      return kind === 'ecs-service' && name === experiment.service;
    case 'eks-terminate-nodegroup-instances':
      return nodeGroup(experiment.cluster, experiment.nodeGroup);
    case 'spot-interrupt':
    case 'ec2-stop': {
      if (experiment.computeEnvironment === undefined) return nodeGroup(experiment.cluster, experiment.nodeGroup);
      // The job queues that place jobs on the compute environment.
      const queue = config.batch?.queues[name];
      return kind === 'batch-queue' && queue !== undefined && queue.computeEnvironments.includes(experiment.computeEnvironment);
    }
  }
}

function describe(kind: ExperimentConfig['kind'], target: ExperimentTargetPlan, duration: number | string | undefined): string {
  const minutes = duration !== undefined ? durationMinutes(duration) : undefined;
  const lasting = minutes !== undefined ? ` for ${minutes} minutes` : '';
  const where = (zone: string | undefined) => (zone ? ` in ${zone}` : '');
  switch (target.kind) {
    case 'subnets':
      return `The ${target.tier} subnets of ${target.zone} lose their network${lasting}`;
    case 'ecs-tasks':
      return `${target.percentage} % of the running tasks of ECS service ${target.service}${where(target.zone)} stop`;
    case 'node-group':
      return `${target.percentage} % of the instances of EKS node group ${target.cluster}/${target.nodeGroup} terminate`;
    case 'instances': {
      const of =
        target.source.kind === 'batch'
          ? `Batch compute environment ${target.source.computeEnvironment}`
          : `EKS node group ${target.source.cluster}/${target.source.nodeGroup}`;
      return kind === 'spot-interrupt'
        ? `${target.percentage} % of the Spot instances of ${of}${where(target.zone)} are interrupted after the 2-minute notice`
        : `${target.percentage} % of the instances of ${of}${where(target.zone)} stop${lasting}`;
    }
  }
}
