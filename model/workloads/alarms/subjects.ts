import type { WorkloadsConfig } from '../schema';
import { signalsOf, type AlarmSignal, type AlarmSubjectKind } from './signals';

/** Something a workloads file runs that alarms watch, by config name. */
export interface AlarmSubject {
  readonly kind: AlarmSubjectKind;
  /** Config name; an EKS node group's is `<cluster>.<node group>`. */
  readonly name: string;
}

/** The key of a subject's alarm of one signal: `<kind>/<name>/<signal>`. */
export function alarmKey(subject: AlarmSubject, signal: AlarmSignal): string {
  return `${subject.kind}/${subject.name}/${signal}`;
}

const names = (record: Readonly<Record<string, unknown>> | undefined) => Object.keys(record ?? {}).sort((a, b) => a.localeCompare(b));

/** Every subject of a file, from config alone (validation has no plan): the keys overrides may name. */
export function alarmSubjects(config: WorkloadsConfig): AlarmSubject[] {
  const of = (kind: AlarmSubjectKind, list: readonly string[]) => list.map((name) => ({ kind, name }));
  const nodeGroups = names(config.kubernetes?.clusters).flatMap((cluster) =>
    names(config.kubernetes?.clusters[cluster]?.nodeGroups).map((group) => `${cluster}.${group}`),
  );
  return [
    ...of('rest-api', names(config.serverless?.restApis)),
    ...of('http-api', names(config.serverless?.httpApis)),
    ...of('function', names(config.serverless?.functions)),
    ...of('queue', names(config.queues)),
    ...of('batch-queue', names(config.batch?.queues)),
    ...of('ecs-service', names(config.containers?.services)),
    ...of('eks-node-group', nodeGroups),
  ];
}

/** Every alarm key a file has before `enabled: false`, in key order. */
export function alarmKeys(config: WorkloadsConfig): string[] {
  return alarmSubjects(config)
    .flatMap((subject) => signalsOf(subject.kind).map((spec) => alarmKey(subject, spec.signal)))
    .sort((a, b) => a.localeCompare(b));
}
