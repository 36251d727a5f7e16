/*
 * The signals an alarm watches, one per kind of subject and what goes wrong with it, with the
 * built-in defaults and the thresholds config may give. One table, read by the schema (which
 * describes each default), the planner and the validation rules.
 */

export type AlarmSubjectKind = 'rest-api' | 'http-api' | 'function' | 'queue' | 'batch-queue' | 'ecs-service' | 'eks-node-group';

export type AlarmSignal =
  '5xx-rate' | 'p99-latency' | 'errors' | 'throttles' | 'dlq-depth' | 'failed-jobs' | 'running-tasks' | 'status-check-failed';

/** How long and how often a signal must breach: CloudWatch's period, evaluation periods and datapoints to alarm. */
export interface AlarmWindow {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
}

export interface SignalSpec {
  readonly kind: AlarmSubjectKind;
  readonly signal: AlarmSignal;
  /** Default threshold, in the unit config uses (percent, milliseconds, a count). */
  readonly threshold: number;
  readonly window: AlarmWindow;
  /** Thresholds config may give, inclusive. */
  readonly range: { readonly min: number; readonly max: number; readonly unit: string };
  /** What the alarm means, for the schema and README (the threshold is appended). */
  readonly summary: string;
}

/** 1 min periods; alarms after one bad minute in five, and returns to OK after five quiet minutes (no flapping). */
const MINUTE_ONE_IN_FIVE: AlarmWindow = { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 1 };
const FIVE_MINUTES: AlarmWindow = { periodSeconds: 300, evaluationPeriods: 1, datapointsToAlarm: 1 };

/**
 * Built-in defaults. Every one treats missing data as not breaching: a service without traffic, a
 * queue nobody wrote to, a node group scaled to zero publish no data and must stay quiet.
 *
 * No alarm watches a function's own failure queue: it receives only failed asynchronous
 * invocations, and the functions here are invoked synchronously (API routes, authorizers) or by
 * event source mappings, whose failures go to the source queue's dead-letter queue — which
 * `queue/<name>/dlq-depth` watches.
 */
export const SIGNALS: readonly SignalSpec[] = [
  {
    kind: 'rest-api',
    signal: '5xx-rate',
    threshold: 1,
    window: FIVE_MINUTES,
    range: { min: 0.01, max: 100, unit: '%' },
    summary: 'share of requests answered 5xx (5XXError, Average) over 5 minutes ≥ threshold %',
  },
  {
    kind: 'rest-api',
    signal: 'p99-latency',
    threshold: 5000,
    window: { periodSeconds: 300, evaluationPeriods: 2, datapointsToAlarm: 2 },
    range: { min: 1, max: 60000, unit: 'ms' },
    summary: 'p99 Latency ≥ threshold ms for two 5-minute periods in a row',
  },
  {
    kind: 'http-api',
    signal: '5xx-rate',
    threshold: 1,
    window: FIVE_MINUTES,
    range: { min: 0.01, max: 100, unit: '%' },
    summary: '100 × 5xx / Count (metric math) over 5 minutes ≥ threshold %',
  },
  {
    kind: 'http-api',
    signal: 'p99-latency',
    threshold: 5000,
    window: { periodSeconds: 300, evaluationPeriods: 2, datapointsToAlarm: 2 },
    range: { min: 1, max: 60000, unit: 'ms' },
    summary: 'p99 Latency ≥ threshold ms for two 5-minute periods in a row',
  },
  {
    kind: 'function',
    signal: 'errors',
    threshold: 1,
    window: MINUTE_ONE_IN_FIVE,
    range: { min: 1, max: 1000000, unit: 'errors per minute' },
    summary: 'Errors (Sum per minute) ≥ threshold in any minute of the last five',
  },
  {
    kind: 'function',
    signal: 'throttles',
    threshold: 1,
    window: MINUTE_ONE_IN_FIVE,
    range: { min: 1, max: 1000000, unit: 'throttles per minute' },
    summary: 'Throttles (Sum per minute) ≥ threshold in any minute of the last five',
  },
  {
    kind: 'queue',
    signal: 'dlq-depth',
    threshold: 0,
    window: FIVE_MINUTES,
    range: { min: 0, max: 1000000, unit: 'messages' },
    summary: "messages in the queue's dead-letter queue (ApproximateNumberOfMessagesVisible, Maximum) > threshold",
  },
  {
    kind: 'batch-queue',
    signal: 'failed-jobs',
    threshold: 1,
    window: FIVE_MINUTES,
    range: { min: 1, max: 1000000, unit: 'jobs' },
    summary: 'jobs of the queue that reached FAILED in 5 minutes (an EventBridge rule counting Batch Job State Change events) ≥ threshold',
  },
  {
    kind: 'ecs-service',
    signal: 'running-tasks',
    threshold: 1,
    window: { periodSeconds: 60, evaluationPeriods: 5, datapointsToAlarm: 5 },
    range: { min: 1, max: 1000, unit: 'tasks' },
    summary: 'DesiredTaskCount − RunningTaskCount (Container Insights) ≥ threshold for five minutes in a row',
  },
  {
    kind: 'eks-node-group',
    signal: 'status-check-failed',
    threshold: 1,
    window: { periodSeconds: 300, evaluationPeriods: 2, datapointsToAlarm: 2 },
    range: { min: 1, max: 1, unit: 'failed status check' },
    summary: "StatusCheckFailed (Maximum) of the node group's instances ≥ 1 for two 5-minute periods",
  },
];

/** `<kind>/<signal>`: the key of `alarms.defaults`. */
export type SignalId = `${AlarmSubjectKind}/${AlarmSignal}`;

export function signalId(spec: Pick<SignalSpec, 'kind' | 'signal'>): SignalId {
  return `${spec.kind}/${spec.signal}`;
}

export function signalSpec(kind: AlarmSubjectKind, signal: AlarmSignal): SignalSpec {
  const spec = SIGNALS.find((candidate) => candidate.kind === kind && candidate.signal === signal);
  if (!spec) throw new Error(`internal: no alarm signal ${kind}/${signal}`);
  return spec;
}

export function signalsOf(kind: AlarmSubjectKind): readonly SignalSpec[] {
  return SIGNALS.filter((spec) => spec.kind === kind);
}

/** CloudWatch accepts 10, 20, 30 s (high resolution) or a multiple of 60 s; AWS metrics of these signals come per minute at best. */
export function validPeriod(seconds: number): boolean {
  return seconds >= 60 && seconds % 60 === 0 && seconds <= 86400;
}
