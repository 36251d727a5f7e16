import { z } from 'zod';
import { ResourceName } from '../../schema-primitives';
import { SIGNALS, signalId, type SignalSpec } from './signals';

/*
 * The `alarms` section of a workloads file. Alarms exist for every workload without it: each API,
 * function, queue, Batch queue, ECS service and EKS node group gets the alarms of its kind with the
 * built-in defaults. The section only says where notifications go and tunes thresholds.
 */

const Tuning = {
  threshold: z.number().min(0).optional().describe('Threshold in the unit of the signal (see its description).'),
  periodSeconds: z.int().min(60).max(86400).optional().describe('Seconds per datapoint: a multiple of 60.'),
  evaluationPeriods: z.int().min(1).max(1440).optional().describe('Periods evaluated; periods × period at most one day.'),
  datapointsToAlarm: z
    .int()
    .min(1)
    .max(1440)
    .optional()
    .describe('Breaching periods among them that raise the alarm; at most evaluationPeriods.'),
};

function describeDefault(spec: SignalSpec): string {
  const { periodSeconds, evaluationPeriods, datapointsToAlarm } = spec.window;
  const summary = spec.summary.charAt(0).toUpperCase() + spec.summary.slice(1);
  return (
    `${summary}. Default threshold ${spec.threshold} ${spec.range.unit}, period ${periodSeconds} s, ` +
    `${datapointsToAlarm} of ${evaluationPeriods} periods; thresholds ${spec.range.min}–${spec.range.max} ${spec.range.unit}.`
  );
}

const Enabled = z
  .boolean()
  .optional()
  .describe(
    'false: no such alarm. In a prod-segment account the alarm stays, with its actions disabled, and needs a waiver of LZ-ALARM-001 in org.yaml.',
  );

const SignalTuning = z.strictObject({
  ...Tuning,
  enabled: Enabled.describe(
    'false: no alarm of this signal in this file. In a prod-segment account they stay, with their actions disabled, and need a waiver of LZ-ALARM-001 in org.yaml.',
  ),
});

const Defaults = z
  .strictObject(Object.fromEntries(SIGNALS.map((spec) => [signalId(spec), SignalTuning.optional().describe(describeDefault(spec))])))
  .describe('Tuning of every alarm of a signal in this file, by `<kind>/<signal>`; what is left out keeps the built-in default.');

const Override = z
  .strictObject({
    ...Tuning,
    enabled: Enabled,
  })
  .describe('Tuning of one alarm; wins over `defaults`.');

const KINDS = [...new Set(SIGNALS.map((spec) => spec.kind))].join('|');
const SIGNAL_NAMES = [...new Set(SIGNALS.map((spec) => spec.signal))].join('|');

/** `<kind>/<subject>/<signal>`; an EKS node group's subject is `<cluster>.<node group>`. */
export const AlarmKey = z
  .string()
  .regex(
    new RegExp(`^(${KINDS})/[a-z][a-z0-9-]{1,30}(\\.[a-z][a-z0-9-]{1,30})?/(${SIGNAL_NAMES})$`),
    'is not an alarm key — write <kind>/<name>/<signal>, e.g. function/order-status/errors or eks-node-group/sandbox.spot/status-check-failed',
  );

export const AlarmsSchema = z
  .strictObject({
    topic: ResourceName.optional().describe(
      "A topic of this file's `topics` that receives ALARM and OK notifications (CloudWatch may publish to it and use its key). Default: a topic `alarms` of the account, created for them.",
    ),
    defaults: Defaults.default({}),
    overrides: z.record(AlarmKey, Override).default({}).describe('Tuning of single alarms by key `<kind>/<name>/<signal>`.'),
  })
  .describe('Alarms of every workload of this file: where they notify, and thresholds other than the built-in defaults.');

export type AlarmsConfig = z.infer<typeof AlarmsSchema>;
export type AlarmTuningConfig = z.infer<typeof SignalTuning>;
export type AlarmOverrideConfig = z.infer<typeof Override>;
