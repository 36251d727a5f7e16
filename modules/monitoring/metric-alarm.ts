import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmMetricQuery } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Token } from 'cdktf';
import { Construct } from 'constructs';

/** A CloudWatch metric: namespace, name, dimensions and the statistic an alarm reads. */
export interface AlarmMetricSpec {
  readonly namespace: string;
  readonly metricName: string;
  /** Values may be tokens of resources of the same stack (an API id, an Auto Scaling group name). @default {} */
  readonly dimensions?: Readonly<Record<string, string>>;
  /** `Sum`, `Average`, `Minimum`, `Maximum`, `SampleCount`, or a percentile `p0`–`p100` (an extended statistic). */
  readonly statistic: string;
}

/** A metric-math expression over named metrics; the expression's value is what the alarm compares. */
export interface AlarmExpressionSpec {
  /** E.g. `IF(requests > 0, 100 * errors / requests, 0)`, naming metrics by their keys in `metrics`. */
  readonly expression: string;
  readonly label: string;
  /** Metrics by id (a lowercase letter, then letters, digits or _). */
  readonly metrics: Readonly<Record<string, AlarmMetricSpec>>;
}

export type AlarmComparisonOperator =
  'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';

export interface MetricAlarmProps {
  /** At most 255 characters. CAUTION: changing it replaces the alarm, and its ARN (FIS stop conditions name it). */
  readonly name: string;
  /** @default - none */
  readonly description?: string;
  /** The metric compared with the threshold; exactly one of `metric` and `expression`. */
  readonly metric?: AlarmMetricSpec;
  /** A metric-math expression compared with the threshold; exactly one of `metric` and `expression`. */
  readonly expression?: AlarmExpressionSpec;
  /** Seconds per datapoint: 10, 20, 30 or a multiple of 60. */
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** Breaching datapoints among the evaluated ones that raise the alarm. @default evaluationPeriods */
  readonly datapointsToAlarm?: number;
  readonly threshold: number;
  readonly comparison: AlarmComparisonOperator;
  /** @default 'notBreaching' (a quiet service, without data, does not alarm) */
  readonly treatMissingData?: 'notBreaching' | 'breaching' | 'ignore' | 'missing';
  /** SNS topics told when the alarm fires and when it returns to OK; at least one. */
  readonly notificationTopicArns: readonly string[];
  /** False keeps the alarm and its state but notifies nobody (policy LZ-ALARM-001 reports it). @default true */
  readonly actionsEnabled?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const STATISTICS = ['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount'];
const PERCENTILE = /^p(\d{1,2}(\.\d+)?|100)$/;
const METRIC_ID = /^[a-z][a-zA-Z0-9_]*$/;

/**
 * A CloudWatch metric alarm that notifies: ALARM and OK go to the given topics. Compares one
 * metric, or a metric-math expression over several, with a threshold.
 */
export class MetricAlarm extends Construct {
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: MetricAlarmProps) {
    super(scope, id);
    validate(props);
    const topics = [...props.notificationTopicArns];
    this.alarm = new CloudwatchMetricAlarm(this, 'alarm', {
      alarmName: props.name,
      ...(props.description ? { alarmDescription: props.description } : {}),
      comparisonOperator: props.comparison,
      threshold: props.threshold,
      evaluationPeriods: props.evaluationPeriods,
      datapointsToAlarm: props.datapointsToAlarm ?? props.evaluationPeriods,
      treatMissingData: props.treatMissingData ?? 'notBreaching',
      actionsEnabled: props.actionsEnabled ?? true,
      alarmActions: topics,
      okActions: topics,
      ...(props.metric
        ? singleMetric(props.metric, props.periodSeconds)
        : { metricQuery: queries(props.expression!, props.periodSeconds) }),
      tags: { Name: props.name, ...props.tags },
    });
  }

  get alarmArn(): string {
    return this.alarm.arn;
  }
}

function singleMetric(metric: AlarmMetricSpec, period: number) {
  return {
    namespace: metric.namespace,
    metricName: metric.metricName,
    period,
    ...(PERCENTILE.test(metric.statistic) ? { extendedStatistic: metric.statistic } : { statistic: metric.statistic }),
    dimensions: { ...metric.dimensions },
  };
}

function queries(expression: AlarmExpressionSpec, period: number): CloudwatchMetricAlarmMetricQuery[] {
  return [
    { id: 'alarm', expression: expression.expression, label: expression.label, returnData: true },
    ...Object.entries(expression.metrics).map(([id, metric]) => ({
      id,
      returnData: false,
      metric: {
        namespace: metric.namespace,
        metricName: metric.metricName,
        period,
        stat: metric.statistic,
        dimensions: { ...metric.dimensions },
      },
    })),
  ];
}

function validate(props: MetricAlarmProps): void {
  const where = `MetricAlarm ${props.name}`;
  if (!Token.isUnresolved(props.name) && (props.name.length < 1 || props.name.length > 255)) {
    throw new Error(`${where}: name must be 1–255 characters; shorten it`);
  }
  if ((props.metric === undefined) === (props.expression === undefined)) {
    throw new Error(`${where}: give exactly one of metric and expression`);
  }
  const metrics = props.metric ? [props.metric] : Object.values(props.expression!.metrics);
  for (const metric of metrics) {
    if (!STATISTICS.includes(metric.statistic) && !PERCENTILE.test(metric.statistic)) {
      throw new Error(`${where}: statistic "${metric.statistic}" is none of ${STATISTICS.join(', ')} or a percentile p0–p100`);
    }
  }
  const badIds = Object.keys(props.expression?.metrics ?? {}).filter((id) => !METRIC_ID.test(id) || id === 'alarm');
  if (badIds.length > 0)
    throw new Error(`${where}: metric ids ${badIds.join(', ')} must start with a lowercase letter (and not be "alarm")`);
  if (props.expression && Object.keys(props.expression.metrics).length === 0) throw new Error(`${where}: the expression names no metric`);
  const period = props.periodSeconds;
  if (![10, 20, 30].includes(period) && (period < 60 || period % 60 !== 0)) {
    throw new Error(`${where}: periodSeconds is ${period}; use 10, 20, 30 or a multiple of 60`);
  }
  if (!Number.isInteger(props.evaluationPeriods) || props.evaluationPeriods < 1 || period * props.evaluationPeriods > 86400) {
    throw new Error(`${where}: evaluationPeriods × periodSeconds must be 1 period to one day (86400 s)`);
  }
  const datapoints = props.datapointsToAlarm ?? props.evaluationPeriods;
  if (datapoints < 1 || datapoints > props.evaluationPeriods) {
    throw new Error(`${where}: datapointsToAlarm is ${datapoints}; give 1 to evaluationPeriods (${props.evaluationPeriods})`);
  }
  if (props.notificationTopicArns.length === 0) {
    throw new Error(`${where}: notificationTopicArns is empty; an alarm that notifies nobody goes unseen — give the topic on-call reads`);
  }
}
