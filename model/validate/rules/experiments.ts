import { vpcTiers, vpcZones } from '../../defaults';
import { experimentName } from '../../naming';
import type { ConfigProblem } from '../../problems';
import type { AlarmSubjectKind } from '../../workloads/alarms/signals';
import { alarmKeys } from '../../workloads/alarms/subjects';
import { DURATION_LIMITS, durationInRange, durationMinutes } from '../../workloads/experiments/duration';
import { stopAlarms } from '../../workloads/experiments/plan';
import type { ExperimentConfig, InstanceExperimentConfig } from '../../workloads/experiments/schema';
import type { StopAlarm } from '../../workloads/experiments/types';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex } from '../config-index';
import type { ConfigRule } from '../rule';
import { isProdAccount, noVpcProblem, workloadsEntries, type WorkloadsEntry } from './workloads';

/* FIS experiments of workloads files: what they hit exists, they stop on alarms, prod says why. */

interface ExperimentEntry extends WorkloadsEntry {
  readonly name: string;
  readonly experiment: ExperimentConfig;
}

function experimentEntries(index: ConfigIndex): ExperimentEntry[] {
  return workloadsEntries(index).flatMap((entry) =>
    Object.entries(entry.workloads.config.experiments).map(([name, experiment]) => ({ ...entry, name, experiment })),
  );
}

function at(entry: ExperimentEntry, key: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  return problemAt(entry.workloads.source, ['experiments', entry.name, ...key], message, fix);
}

const listOr = (names: readonly string[], otherwise: string) => (names.length > 0 ? `use one of ${names.join(', ')}` : otherwise);

export const experimentsNeedSpoke: ConfigRule = {
  id: 'experiments/need-spoke',
  description: 'An account with experiments has a spoke VPC: its AZ losses hit its subnets, and its stacks follow the spoke stack.',
  check: (index) =>
    experimentEntries(index)
      .filter((entry) => entry.account && !entry.account.vpc)
      .map((entry) => noVpcProblem(entry.workloads, ['experiments', entry.name], 'is in')),
};

/** The problem of a reference to a workload of the file, or none when it resolves (or may be in a part that failed the schema). */
function unknownName(
  index: ConfigIndex,
  entry: ExperimentEntry,
  key: string,
  collection: readonly string[],
  names: readonly string[],
  what: string,
): ConfigProblem[] {
  const value = (entry.experiment as Record<string, unknown>)[key] as string;
  const { environment, account } = entry.workloads;
  if (names.includes(value) || index.mayBeUnparsedWorkload(environment, account, collection, value)) return [];
  return [
    at(
      entry,
      [key],
      `names ${what} ${value}, which ${collection.join('.')} of this file does not define`,
      listOr(names, `add ${value} under ${collection.join('.')}, or target something this file runs`),
    ),
  ];
}

function instanceSourceProblems(index: ConfigIndex, entry: ExperimentEntry, experiment: InstanceExperimentConfig): ConfigProblem[] {
  const config = entry.workloads.config;
  const byGroup = experiment.cluster !== undefined || experiment.nodeGroup !== undefined;
  if ((experiment.computeEnvironment !== undefined) === byGroup || (byGroup && (!experiment.cluster || !experiment.nodeGroup))) {
    return [
      at(
        entry,
        [],
        'names no single source of instances',
        'give either computeEnvironment (a Batch compute environment) or cluster and nodeGroup (an EKS node group)',
      ),
    ];
  }
  if (experiment.computeEnvironment !== undefined) {
    const names = Object.keys(config.batch?.computeEnvironments ?? {});
    return unknownName(index, entry, 'computeEnvironment', ['batch', 'computeEnvironments'], names, 'compute environment');
  }
  return nodeGroupProblems(index, entry, experiment.cluster!);
}

function nodeGroupProblems(index: ConfigIndex, entry: ExperimentEntry, cluster: string): ConfigProblem[] {
  const clusters = entry.workloads.config.kubernetes?.clusters ?? {};
  const clusterProblems = unknownName(index, entry, 'cluster', ['kubernetes', 'clusters'], Object.keys(clusters), 'EKS cluster');
  if (clusterProblems.length > 0 || !clusters[cluster]) return clusterProblems;
  const groups = Object.keys(clusters[cluster].nodeGroups);
  return unknownName(index, entry, 'nodeGroup', ['kubernetes', 'clusters', cluster, 'nodeGroups'], groups, 'node group');
}

export const experimentTargetsExist: ConfigRule = {
  id: 'experiments/targets-exist',
  description: 'An experiment targets a service, node group or compute environment its file defines, and an az-loss a tier its spoke has.',
  check: (index) =>
    experimentEntries(index).flatMap((entry): ConfigProblem[] => {
      const { experiment } = entry;
      const config = entry.workloads.config;
      switch (experiment.kind) {
        case 'az-loss': {
          const tiers = entry.account?.vpc ? vpcTiers(entry.account.vpc) : undefined;
          if (!tiers || tiers[experiment.tier]) return [];
          return [
            at(
              entry,
              ['tier'],
              `is ${experiment.tier}, a tier the VPC of ${entry.workloads.account} does not have`,
              listOr(Object.keys(tiers), 'give the VPC that tier'),
            ),
          ];
        }
        case 'ecs-stop-task':
          return unknownName(
            index,
            entry,
            'service',
            ['containers', 'services'],
            Object.keys(config.containers?.services ?? {}),
            'service',
          );
        case 'eks-terminate-nodegroup-instances':
          return nodeGroupProblems(index, entry, experiment.cluster);
        case 'spot-interrupt':
        case 'ec2-stop':
          return instanceSourceProblems(index, entry, experiment);
      }
    }),
};

export const experimentZoneInSpoke: ConfigRule = {
  id: 'experiments/zone-in-spoke',
  description: "An experiment's zone is one of the availability zones of its account's spoke VPC.",
  check: (index) =>
    experimentEntries(index).flatMap((entry) => {
      const zone = 'zone' in entry.experiment ? entry.experiment.zone : undefined;
      if (!zone || !entry.account?.vpc || !entry.environment) return [];
      const zones = vpcZones(entry.account.vpc, entry.environment.config);
      if (zones.includes(zone)) return [];
      return [
        at(entry, ['zone'], `is ${zone}, not a zone of the spoke VPC of ${entry.workloads.account}`, `use one of ${zones.join(', ')}`),
      ];
    }),
};

export const experimentDurationInRange: ConfigRule = {
  id: 'experiments/duration-in-range',
  description: "An experiment's duration is whole minutes or ISO 8601 (PT10M), from 1 minute to 12 hours.",
  check: (index) =>
    experimentEntries(index).flatMap((entry) => {
      if (!('duration' in entry.experiment)) return [];
      const { duration } = entry.experiment;
      const minutes = durationMinutes(duration);
      if (minutes !== undefined && durationInRange(minutes)) return [];
      const message =
        minutes === undefined
          ? `is ${JSON.stringify(duration)}, neither whole minutes nor an ISO 8601 duration`
          : `is ${minutes} minutes; FIS allows ${DURATION_LIMITS.minMinutes} minute to ${DURATION_LIMITS.maxMinutes / 60} hours`;
      return [at(entry, ['duration'], message, 'give minutes (10) or PT<h>H<m>M (PT10M, PT1H30M), from 1 minute to 12 hours')];
    }),
};

export const experimentCapacityMatches: ConfigRule = {
  id: 'experiments/capacity-matches',
  description: 'A spot-interrupt hits Spot capacity and an ec2-stop On-Demand capacity (one-time Spot instances cannot be stopped).',
  check: (index) =>
    experimentEntries(index).flatMap((entry) => {
      const { experiment } = entry;
      if (experiment.kind !== 'spot-interrupt' && experiment.kind !== 'ec2-stop') return [];
      const capacity = instanceCapacity(entry, experiment);
      const wanted = experiment.kind === 'spot-interrupt' ? 'spot' : 'on-demand';
      if (capacity === undefined || capacity === wanted) return [];
      const key = experiment.computeEnvironment !== undefined ? 'computeEnvironment' : 'nodeGroup';
      return [
        at(
          entry,
          [key],
          `names ${capacity} capacity; ${experiment.kind} needs ${wanted} instances`,
          experiment.kind === 'spot-interrupt'
            ? 'target Spot capacity, or use ec2-stop'
            : 'target On-Demand capacity, or use spot-interrupt',
        ),
      ];
    }),
};

function instanceCapacity(entry: ExperimentEntry, experiment: InstanceExperimentConfig): 'spot' | 'on-demand' | undefined {
  const config = entry.workloads.config;
  if (experiment.computeEnvironment !== undefined) return config.batch?.computeEnvironments[experiment.computeEnvironment]?.capacity;
  const group = config.kubernetes?.clusters[experiment.cluster ?? '']?.nodeGroups[experiment.nodeGroup ?? ''];
  return group ? (group.capacityType === 'SPOT' ? 'spot' : 'on-demand') : undefined;
}

export const experimentAllowedInProd: ConfigRule = {
  id: 'experiments/allowed-in-prod',
  description: 'An experiment in a prod-segment account has allowInProd with a reason.',
  check: (index) =>
    experimentEntries(index)
      .filter((entry) => entry.account && entry.environment && isProdAccount(entry.account, entry.environment.config))
      .filter((entry) => !entry.experiment.allowInProd)
      .map((entry) =>
        at(
          entry,
          [],
          `injects faults in ${entry.workloads.account}, a production account, without allowInProd`,
          'add allowInProd: { reason: <why this may run in production> }, or move the experiment to a non-prod environment',
        ),
      ),
};

export const experimentStoppedByAlarm: ConfigRule = {
  id: 'experiments/stopped-by-alarm',
  description: 'An experiment stops on at least one alarm of its file: every key of stopConditions is one, and the default finds one.',
  check: (index) =>
    experimentEntries(index).flatMap((entry): ConfigProblem[] => {
      const alarms = accountAlarms(entry);
      if (!alarms) return [];
      const keys = alarms.map((alarm) => alarm.key);
      const { stopConditions } = entry.experiment;
      if (stopConditions) {
        return stopConditions.flatMap((key, position) =>
          keys.includes(key)
            ? []
            : [
                at(
                  entry,
                  ['stopConditions', position],
                  `names alarm ${key}, which this file does not have`,
                  listOr(keys, 'add alarms to the file'),
                ),
              ],
        );
      }
      if (stopAlarms(entry.experiment, alarms, entry.workloads.config).length > 0) return [];
      return [
        at(
          entry,
          [],
          'has no alarm to stop it: its target has none, and stopConditions is not given',
          keys.length > 0
            ? `list stopConditions from ${keys.join(', ')}`
            : 'add alarms for the workload it hits, then list them under stopConditions',
        ),
      ];
    }),
};

/** FIS quota: stop conditions per experiment template (https://docs.aws.amazon.com/fis/latest/userguide/fis-quotas.html). */
export const MAX_STOP_CONDITIONS = 5;

export const experimentStopConditionsWithinQuota: ConfigRule = {
  id: 'experiments/stop-conditions-within-quota',
  description: 'An experiment stops on at most 5 alarms (the FIS quota per template), given or by default.',
  check: (index) =>
    experimentEntries(index).flatMap((entry): ConfigProblem[] => {
      const alarms = accountAlarms(entry);
      if (!alarms) return [];
      const chosen = stopAlarms(entry.experiment, alarms, entry.workloads.config);
      if (chosen.length <= MAX_STOP_CONDITIONS) return [];
      const given = entry.experiment.stopConditions !== undefined;
      return [
        at(
          entry,
          given ? ['stopConditions'] : [],
          `${given ? 'lists' : 'stops by default on'} ${chosen.length} alarms; FIS allows ${MAX_STOP_CONDITIONS} stop conditions per template`,
          `list at most ${MAX_STOP_CONDITIONS} under stopConditions, the signals of what it hits first (from ${chosen.map((alarm) => alarm.key).join(', ')})`,
        ),
      ];
    }),
};

export const experimentNamesFit: ConfigRule = {
  id: 'experiments/names-fit',
  description: "An experiment's role name, <org>-<experiment>-fis, fits IAM's 64 characters.",
  check: (index) =>
    experimentEntries(index).flatMap((entry) => {
      const organization = index.org?.config.organization.name;
      if (!organization) return [];
      const role = `${experimentName(organization, entry.name)}-fis`;
      if (role.length <= 64) return [];
      return [
        at(
          entry,
          [],
          `makes role name ${role}, ${role.length} characters; IAM allows 64`,
          `shorten the experiment's name by ${role.length - 64}`,
        ),
      ];
    }),
};

/**
 * The alarms of an experiment's file as the plan will have them (model/workloads/alarms): every key
 * of its subjects, less those `enabled: false` drops outside prod; undefined when the account does
 * not resolve.
 */
function accountAlarms(entry: ExperimentEntry): readonly StopAlarm[] | undefined {
  if (!entry.account || !entry.environment) return undefined;
  const prod = isProdAccount(entry.account, entry.environment.config);
  const overrides = entry.workloads.config.alarms?.overrides ?? {};
  return alarmKeys(entry.workloads.config)
    .filter((key) => prod || overrides[key]?.enabled !== false)
    .map((key) => {
      const [kind, name] = key.split('/') as [AlarmSubjectKind, string];
      return { key, alarmName: key, description: key, subject: { kind, name } };
    });
}
