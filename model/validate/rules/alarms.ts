import { globMatches } from '../../../policy/waivers';
import { workloadsStackName } from '../../naming';
import type { ConfigProblem } from '../../problems';
import { DEFAULT_ALARM_TOPIC, alarmTopicOf } from '../../workloads/alarms/plan';
import type { AlarmOverrideConfig, AlarmTuningConfig } from '../../workloads/alarms/schema';
import { SIGNALS, signalId, type AlarmSignal, type AlarmSubjectKind, type SignalSpec } from '../../workloads/alarms/signals';
import { alarmKeys } from '../../workloads/alarms/subjects';
import type { ParsedWorkloads } from '../../workloads/types';
import { problemAt } from '../../yaml-source';
import type { ConfigIndex } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';
import { isProdAccount, workloadsEntries } from './workloads';

/* The `alarms` section of workloads files: the topic they notify, and thresholds that CloudWatch accepts. */

/** The policy rule a prod alarm with its actions off breaks; its waiver is what lets config disable one. */
export const ALARM_ACTIONS_RULE = 'LZ-ALARM-001';

type Path = readonly (string | number)[];

/** A tuning entry of a file (one signal's defaults, or one alarm's override) with the signal it tunes. */
interface TuningEntry {
  readonly workloads: ParsedWorkloads;
  readonly path: Path;
  readonly spec: SignalSpec;
  /** What applies: the entry over what it sits on (defaults over built-ins, an override over both). */
  readonly effective: Window;
  readonly own: AlarmTuningConfig;
}

type Window = Required<Omit<AlarmTuningConfig, 'enabled'>>;

/** The signal an override key names, when its kind and signal go together. */
function specOfKey(key: string): SignalSpec | undefined {
  const [kind, , signal] = key.split('/');
  return SIGNALS.find((spec) => spec.kind === (kind as AlarmSubjectKind) && spec.signal === (signal as AlarmSignal));
}

function merged(spec: SignalSpec, ...layers: AlarmTuningConfig[]): Window {
  const pick = (field: keyof Window, fallback: number) =>
    layers.map((layer) => layer[field]).find((value) => value !== undefined) ?? fallback;
  return {
    threshold: pick('threshold', spec.threshold),
    periodSeconds: pick('periodSeconds', spec.window.periodSeconds),
    evaluationPeriods: pick('evaluationPeriods', spec.window.evaluationPeriods),
    datapointsToAlarm: pick('datapointsToAlarm', spec.window.datapointsToAlarm),
  };
}

function tuningEntries(index: ConfigIndex): TuningEntry[] {
  return index.workloads.flatMap((workloads) => {
    const alarms = workloads.config.alarms;
    if (!alarms) return [];
    const defaults = Object.entries(alarms.defaults).flatMap(([id, own]) => {
      const spec = SIGNALS.find((candidate) => signalId(candidate) === id);
      return spec && own ? [{ workloads, path: ['alarms', 'defaults', id], spec, own, effective: merged(spec, own) }] : [];
    });
    const overrides = Object.entries(alarms.overrides).flatMap(([key, own]) => {
      const spec = specOfKey(key);
      const layered = spec ? merged(spec, own, alarms.defaults[signalId(spec)] ?? {}) : undefined;
      return spec && layered ? [{ workloads, path: ['alarms', 'overrides', key], spec, own, effective: layered }] : [];
    });
    return [...defaults, ...overrides];
  });
}

export const alarmTopicExists: ConfigRule = {
  id: 'alarms/topic-exists',
  description: "The topic alarms notify is a standard (not FIFO) topic of the file's topics.",
  check: (index) =>
    index.workloads.flatMap((workloads): ConfigProblem[] => {
      const topic = alarmTopicOf(workloads.config);
      const declared = workloads.config.topics[topic];
      const named = workloads.config.alarms?.topic !== undefined;
      const path = ['alarms', 'topic'];
      if (declared?.fifo) {
        return [
          problemAt(
            workloads.source,
            named ? path : ['topics', topic, 'fifo'],
            `makes the alarm topic ${topic} FIFO; CloudWatch alarms publish only to standard topics`,
            named
              ? 'name a standard topic, or add one for alarms under topics'
              : `make ${topic} a standard topic, or name another in alarms.topic`,
          ),
        ];
      }
      if (!named || declared || index.mayBeUnparsedWorkload(workloads.environment, workloads.account, ['topics'], topic)) return [];
      const topics = Object.keys(workloads.config.topics);
      return [
        problemAt(
          workloads.source,
          path,
          `names topic ${topic}, which is not a topic of this file`,
          `${topics.length > 0 ? `${chooseFrom(topics, topic, 'topic')}, add ${topic} under topics` : `add ${topic} under topics`}, or leave alarms.topic out for a topic ${DEFAULT_ALARM_TOPIC} of their own`,
        ),
      ];
    }),
};

export const alarmOverridesResolve: ConfigRule = {
  id: 'alarms/overrides-resolve',
  description: 'Every alarm override names an alarm of its file: a subject it defines and a signal of that kind.',
  check: (index) =>
    index.workloads.flatMap((workloads) => {
      const { environment, account } = workloads;
      if (index.unparsed.some((part) => part.kind === 'workloads' && part.environment === environment && part.account === account))
        return [];
      const keys = alarmKeys(workloads.config);
      return Object.keys(workloads.config.alarms?.overrides ?? {})
        .filter((key) => !keys.includes(key))
        .map((key) =>
          problemAt(
            workloads.source,
            ['alarms', 'overrides', key],
            `names ${key}, which is not an alarm of this file`,
            keys.length > 0 ? chooseFrom(keys, key, 'alarm key') : 'this file has nothing alarms watch; remove the override',
          ),
        );
    }),
};

export const alarmThresholdsInRange: ConfigRule = {
  id: 'alarms/thresholds-in-range',
  description: 'Every alarm threshold in config is within the range of its signal.',
  check: (index) =>
    tuningEntries(index)
      .filter(({ own, spec }) => own.threshold !== undefined && (own.threshold < spec.range.min || own.threshold > spec.range.max))
      .map(({ workloads, path, own, spec }) => {
        const { min, max, unit } = spec.range;
        return problemAt(
          workloads.source,
          [...path, 'threshold'],
          `is ${own.threshold} ${unit}; ${signalId(spec)} thresholds are ${min} to ${max} ${unit}`,
          `give a threshold from ${min} to ${max} ${unit} (default ${spec.threshold})`,
        );
      }),
};

export const alarmWindowsValid: ConfigRule = {
  id: 'alarms/windows-valid',
  description: 'An alarm period is a multiple of 60 s, needs at most its evaluation periods to alarm, and evaluates at most one day.',
  check: (index) => tuningEntries(index).flatMap(windowProblems),
};

function windowProblems({ workloads, path, own, effective }: TuningEntry): ConfigProblem[] {
  const { periodSeconds, evaluationPeriods, datapointsToAlarm } = effective;
  const problems: ConfigProblem[] = [];
  if (own.periodSeconds !== undefined && periodSeconds % 60 !== 0) {
    problems.push(
      problemAt(workloads.source, [...path, 'periodSeconds'], `is ${periodSeconds} s`, 'give a multiple of 60 s, e.g. 60 or 300'),
    );
  }
  if ((own.datapointsToAlarm !== undefined || own.evaluationPeriods !== undefined) && datapointsToAlarm > evaluationPeriods) {
    const field = own.datapointsToAlarm !== undefined ? 'datapointsToAlarm' : 'evaluationPeriods';
    problems.push(
      problemAt(
        workloads.source,
        [...path, field],
        `asks for ${datapointsToAlarm} breaching periods out of ${evaluationPeriods}`,
        'give datapointsToAlarm at most evaluationPeriods',
      ),
    );
  }
  if ((own.periodSeconds !== undefined || own.evaluationPeriods !== undefined) && periodSeconds * evaluationPeriods > 86400) {
    const field = own.evaluationPeriods !== undefined ? 'evaluationPeriods' : 'periodSeconds';
    problems.push(
      problemAt(
        workloads.source,
        [...path, field],
        `evaluates ${evaluationPeriods} periods of ${periodSeconds} s, more than a day`,
        'keep periodSeconds × evaluationPeriods at most 86400 (CloudWatch evaluates at most one day)',
      ),
    );
  }
  return problems;
}

/** The Terraform address glob of an alarm's resource (the construct `alarm-<key>` of the workloads stack). */
export function alarmAddressGlob(key: string): string {
  return `aws_cloudwatch_metric_alarm.alarm-${key.replace(/\//g, '--').replace(/[^A-Za-z0-9_-]/g, '')}_*`;
}

export const prodAlarmsStayOn: ConfigRule = {
  id: 'alarms/prod-disable-waived',
  description: `A prod-segment account disables an alarm only under an unexpired waiver of ${ALARM_ACTIONS_RULE} for its stack.`,
  check: (index) =>
    workloadsEntries(index).flatMap(({ workloads, environment, account }) => {
      if (!environment || !account || !isProdAccount(account, environment.config)) return [];
      const stack = workloadsStackName(workloads.environment, workloads.account);
      const { defaults = {}, overrides = {} } = workloads.config.alarms ?? {};
      const keys = alarmKeys(workloads.config);
      const problem = (path: Path, what: string, glob: string) =>
        problemAt(
          workloads.source,
          [...path, 'enabled'],
          `turns off ${what} in ${workloads.account}, a production account, without a waiver`,
          `tune the threshold instead, or add a policyWaivers entry to org.yaml { rule: ${ALARM_ACTIONS_RULE}, stack: ${stack}, resource: "${glob}", reason, expires } — the alarms stay, with their actions off`,
        );
      const bySignal = Object.entries(defaults)
        .filter(
          ([id, tuning]) =>
            tuning?.enabled === false &&
            keys.some((key) => signalIdOfKey(key) === id && !overridden(overrides, key) && !waived(index, stack, key)),
        )
        .map(([id]) => problem(['alarms', 'defaults', id], `every ${id} alarm`, signalAddressGlob(id)));
      const byAlarm = Object.entries(overrides)
        .filter(([key, override]) => override.enabled === false && !waived(index, stack, key))
        .map(([key]) => problem(['alarms', 'overrides', key], key, alarmAddressGlob(key)));
      return [...bySignal, ...byAlarm];
    }),
};

/** `<kind>/<signal>` of an alarm key. */
function signalIdOfKey(key: string): string {
  const [kind, , signal] = key.split('/');
  return `${kind}/${signal}`;
}

/** An override that turns the alarm back on (or tunes it while keeping the signal's default switch). */
function overridden(overrides: Readonly<Record<string, AlarmOverrideConfig>>, key: string): boolean {
  return overrides[key]?.enabled === true;
}

/** The address glob of every alarm of a signal: `aws_cloudwatch_metric_alarm.alarm-<kind>--*--<signal>_*`. */
function signalAddressGlob(id: string): string {
  const [kind, signal] = id.split('/');
  return `aws_cloudwatch_metric_alarm.alarm-${kind}--*--${signal}_*`;
}

function waived(index: ConfigIndex, stack: string, key: string): boolean {
  const address = alarmAddressGlob(key).replace(/\*$/, 'HASH');
  return (index.org?.config.policyWaivers ?? []).some(
    (waiver) =>
      waiver.rule === ALARM_ACTIONS_RULE &&
      waiver.expires >= index.today &&
      globMatches(waiver.stack, stack) &&
      globMatches(waiver.resource, address),
  );
}
