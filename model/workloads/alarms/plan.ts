import { createHash } from 'node:crypto';
import { spokeResourceName } from '../../naming';
import type { BatchPlan } from '../batch/types';
import type { ContainersPlan } from '../containers/types';
import type { PlanContext } from '../context';
import type { KubernetesPlan } from '../kubernetes/types';
import type { QueuePlan } from '../messaging/types';
import type { WorkloadsConfig } from '../schema';
import type { ServerlessPlan } from '../serverless/types';
import {
  batchQueueMeasures,
  ecsServiceMeasures,
  functionMeasures,
  httpApiMeasures,
  nodeGroupMeasures,
  queueMeasures,
  restApiMeasures,
  type Measure,
} from './measures';
import type { AlarmOverrideConfig, AlarmTuningConfig } from './schema';
import { signalId, signalSpec } from './signals';
import { alarmKey } from './subjects';
import type { AlarmComparison, AlarmPlan, AlarmsPlan } from './types';

/** The topic alarms notify when the file names none: `alarms`, created for them (`<org>-alarms`). */
export const DEFAULT_ALARM_TOPIC = 'alarms';

/** What the other platforms planned: the subjects of the alarms, with the names the model gave them. */
export interface AlarmPlatforms {
  readonly queues: readonly QueuePlan[];
  readonly containers?: ContainersPlan;
  readonly kubernetes?: KubernetesPlan;
  readonly batch?: BatchPlan;
  readonly serverless?: ServerlessPlan;
}

export interface AlarmOptions {
  /** A prod-segment account: a disabled alarm stays, with its actions off (under a waiver). */
  readonly prodSegment: boolean;
}

/** The topic of a file's alarm notifications: `alarms.topic`, or the default one. */
export function alarmTopicOf(config: WorkloadsConfig): string {
  return config.alarms?.topic ?? DEFAULT_ALARM_TOPIC;
}

/** A name of at most `max` characters: itself, or its start and a hash of the whole. */
export function fitName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, max - hash.length - 1)}-${hash}`;
}

/** Every measure of every subject of the file, from the platforms' plans. */
function measuresOf(platforms: AlarmPlatforms, namePrefix: string): Measure[] {
  const { serverless, containers, kubernetes, batch } = platforms;
  return [
    ...(serverless?.restApis ?? []).flatMap(restApiMeasures),
    ...(serverless?.httpApis ?? []).flatMap(httpApiMeasures),
    ...(serverless?.functions ?? []).flatMap(functionMeasures),
    ...platforms.queues.flatMap(queueMeasures),
    ...(batch?.queues ?? []).flatMap((queue) => batchQueueMeasures(queue, fitName(`${namePrefix}-${queue.name}-failed-jobs`, 64))),
    ...(containers?.services ?? []).flatMap((service) => ecsServiceMeasures(containers!.clusterName, service)),
    ...(kubernetes?.clusters ?? []).flatMap((cluster) => cluster.nodeGroups.flatMap((group) => nodeGroupMeasures(cluster, group))),
  ];
}

/**
 * The alarms of a workloads stack: every subject's signals with the built-in defaults, then the
 * file's `alarms.defaults` per signal, then its `overrides` per alarm. A disabled alarm is left out,
 * except in a prod-segment account, where it stays with its actions off.
 */
export function planAlarms(context: PlanContext, config: WorkloadsConfig, platforms: AlarmPlatforms, options: AlarmOptions): AlarmsPlan {
  // Every name starts with the stack's `<org>-<env>-<account>`.
  const namePrefix = spokeResourceName(context.organization, context.environment.name, context.account.name);
  const alarms = measuresOf(platforms, namePrefix)
    .map((measure) => planAlarm(measure, config, { ...options, namePrefix }))
    .filter((alarm): alarm is AlarmPlan => alarm !== undefined)
    .sort((a, b) => a.key.localeCompare(b.key));
  return { alarms, ...(alarms.length > 0 ? { notificationTopic: alarmTopicOf(config) } : {}) };
}

function planAlarm(measure: Measure, config: WorkloadsConfig, options: AlarmOptions & { namePrefix: string }): AlarmPlan | undefined {
  const key = alarmKey(measure.subject, measure.signal);
  const spec = signalSpec(measure.subject.kind, measure.signal);
  const defaults: AlarmTuningConfig = config.alarms?.defaults[signalId(spec)] ?? {};
  const override: AlarmOverrideConfig = config.alarms?.overrides[key] ?? {};
  const enabled = override.enabled ?? defaults.enabled ?? true;
  if (!enabled && !options.prodSegment) return undefined;
  const threshold = override.threshold ?? defaults.threshold ?? spec.threshold;
  const periodSeconds = override.periodSeconds ?? defaults.periodSeconds ?? spec.window.periodSeconds;
  const evaluationPeriods = override.evaluationPeriods ?? defaults.evaluationPeriods ?? spec.window.evaluationPeriods;
  const datapointsToAlarm = Math.min(
    override.datapointsToAlarm ?? defaults.datapointsToAlarm ?? spec.window.datapointsToAlarm,
    evaluationPeriods,
  );
  const window = `${datapointsToAlarm} of ${evaluationPeriods} periods of ${periodSeconds} s`;
  return {
    key,
    subject: measure.subject,
    signal: measure.signal,
    alarmName: fitName(`${options.namePrefix}/${key}`, 255),
    description: `${key}: ${describeMeasure(measure)} ${SYMBOLS[measure.comparison]} ${threshold} ${spec.range.unit}, ${window}`,
    query: measure.query,
    periodSeconds,
    evaluationPeriods,
    datapointsToAlarm,
    threshold: roundThreshold(threshold * (measure.thresholdScale ?? 1)),
    comparison: measure.comparison,
    treatMissingData: 'notBreaching',
    actionsEnabled: enabled,
    ...(measure.countingRule ? { countingRule: measure.countingRule } : {}),
  };
}

const SYMBOLS: Readonly<Record<AlarmComparison, string>> = {
  GreaterThanOrEqualToThreshold: '≥',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
};

function describeMeasure(measure: Measure): string {
  const { query } = measure;
  if (query.kind === 'expression') return query.label;
  return `${query.metric.metricName} (${query.metric.statistic})`;
}

/** Thresholds scaled by 0.01 stay exact decimals (1 % is 0.01, not 0.010000000000000002). */
function roundThreshold(value: number): number {
  return Number(value.toPrecision(12));
}
