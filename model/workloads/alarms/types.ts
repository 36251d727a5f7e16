/* The alarms part of a workloads plan: every CloudWatch alarm of the stack, ready for the module. */

import type { AlarmSignal, AlarmSubjectKind } from './signals';

export type { AlarmSignal, AlarmSubjectKind } from './signals';

/**
 * A value known only once the stack applies (an HTTP API's id, a node group's Auto Scaling group,
 * a Batch job queue's ARN): the stack resolves it from the construct it placed for that config
 * name. Never a data source.
 */
export type DeployedRef =
  | { readonly ref: 'http-api-id'; readonly api: string }
  | { readonly ref: 'node-group-autoscaling-group'; readonly cluster: string; readonly nodeGroup: string }
  | { readonly ref: 'batch-job-queue-arn'; readonly queue: string };

/** A dimension's value: from config and the model's naming, or deployed. */
export type DimensionValue = string | DeployedRef;

export interface AlarmMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, DimensionValue>>;
  /** `Sum`, `Average`, `Maximum`, `Minimum`, `SampleCount`, or a percentile such as `p99` (an extended statistic). */
  readonly statistic: string;
}

/** One metric, or a metric-math expression over named metrics (ids: lowercase letter first). */
export type AlarmQuery =
  | { readonly kind: 'metric'; readonly metric: AlarmMetric }
  | {
      readonly kind: 'expression';
      readonly expression: string;
      readonly label: string;
      readonly metrics: Readonly<Record<string, AlarmMetric>>;
    };

export type AlarmComparison = 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';

export type TreatMissingData = 'notBreaching' | 'breaching' | 'ignore' | 'missing';

/** The EventBridge rule (default bus, no target) whose matches a failed-jobs alarm counts (AWS/Events TriggeredRules). */
export interface CountingRulePlan {
  /** `<namePrefix>-<queue>-failed-jobs`, at most 64 characters. */
  readonly ruleName: string;
  readonly description: string;
  /** Batch Job State Change to FAILED of the queue (whose ARN the stack resolves). */
  readonly jobQueue: DeployedRef & { readonly ref: 'batch-job-queue-arn' };
}

export interface AlarmPlan {
  /**
   * `<kind>/<subject>/<signal>`, e.g. `function/order-status/errors`, `queue/order-events/dlq-depth`,
   * `eks-node-group/sandbox.spot/status-check-failed`. From config names, never positions: the
   * construct id, the key of overrides, and what FIS stop conditions name.
   */
  readonly key: string;
  readonly subject: { readonly kind: AlarmSubjectKind; readonly name: string };
  readonly signal: AlarmSignal;
  /** `<namePrefix>/<key>` (at most 255 characters). */
  readonly alarmName: string;
  readonly description: string;
  readonly query: AlarmQuery;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /** In the metric's own unit (a fraction for a REST API's 5XXError average). */
  readonly threshold: number;
  readonly comparison: AlarmComparison;
  readonly treatMissingData: TreatMissingData;
  /**
   * False only for a prod alarm that config disables (`enabled: false`, under a waiver of
   * LZ-ALARM-001): it keeps its state and its place as a stop condition, but notifies nobody.
   */
  readonly actionsEnabled: boolean;
  /** Created before the alarm: the rule whose matches it counts. */
  readonly countingRule?: CountingRulePlan;
}

export interface AlarmsPlan {
  /** In key order. */
  readonly alarms: readonly AlarmPlan[];
  /**
   * The topic of the stack (config name, a key of the messaging plan's topics) that receives ALARM
   * and OK notifications; undefined only when there is no alarm.
   */
  readonly notificationTopic?: string;
}
