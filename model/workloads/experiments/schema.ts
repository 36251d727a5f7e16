import { z } from 'zod';
import { ResourceName } from '../../schema-primitives';
import { LOG_RETENTION_DAYS } from '../batch/schema';

/*
 * The `experiments` section of a workloads file: AWS FIS experiment templates, generated from the
 * same config that names the subnets, services, node groups and compute environments they hit.
 * Every experiment stops on CloudWatch alarms of this file; one in a prod-segment account says why
 * it may run there. References, zones, durations and alarms are checked by the rules in
 * model/validate/rules/experiments.ts, so every problem is reported at its place.
 */

const Zone = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, 'is not an availability zone name — use names such as eu-west-1a')
  .describe("An availability zone of the account's spoke VPC, e.g. eu-west-1a.");

const Duration = z
  .union([z.int(), z.string()])
  .describe('Minutes (10) or an ISO 8601 duration (PT10M, PT1H30M), from 1 minute to 12 hours.');

const Percentage = z.int().min(1).max(100);

/** `<kind>/<subject>/<signal>`, e.g. `ecs-service/orders-api/running-tasks`. */
export const AlarmKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9-]*$/,
    'is not an alarm key — write <kind>/<subject>/<signal>, e.g. ecs-service/orders-api/running-tasks',
  );

const common = {
  description: z.string().min(1).max(512).optional().describe('What the experiment shows; default: derived from its target.'),
  stopConditions: z
    .array(AlarmKey)
    .min(1)
    .optional()
    .describe(
      'Alarms of this file (by key) that stop the experiment; default: the alarms of the targeted workload (every alarm of the account for az-loss).',
    ),
  emptyTargets: z
    .enum(['fail', 'skip'])
    .default('fail')
    .describe('When no resource matches at the start: fail the experiment, or skip the action (e.g. a Batch environment scaled to zero).'),
  allowInProd: z
    .strictObject({
      reason: z.string().min(10, 'is too short — say why this fault may be injected in production').max(512),
    })
    .optional()
    .describe('Required in a prod-segment account: the experiment may run in production, and why.'),
  logRetentionDays: z
    .literal(LOG_RETENTION_DAYS)
    .default(90)
    .describe("Days CloudWatch Logs keeps the experiment's log (a retention CloudWatch Logs offers)."),
};

const AzLoss = z
  .strictObject({
    kind: z.literal('az-loss'),
    zone: Zone,
    tier: z.enum(['public', 'app', 'data']).default('app').describe('Tier of the spoke whose subnets in `zone` lose their network.'),
    duration: Duration,
    scope: z
      .enum(['all', 'availability-zone'])
      .default('all')
      .describe('all: every packet in and out of the subnets; availability-zone: only traffic to the other zones of the VPC.'),
    ...common,
  })
  .describe(
    "aws:network:disrupt-connectivity on the tier's subnets of one zone. FIS swaps their network ACLs while it runs: do not apply the spoke stack then.",
  );

const EcsStopTask = z
  .strictObject({
    kind: z.literal('ecs-stop-task'),
    service: ResourceName.describe('A service of `containers.services`.'),
    percentage: Percentage.default(50).describe('Share of the running tasks stopped.'),
    zone: Zone.optional().describe('Only tasks in this zone; default: every zone.'),
    ...common,
  })
  .describe("aws:ecs:stop-task on a share of a service's running tasks (selected by the tag the service propagates to them).");

const EksNodeGroupTermination = z
  .strictObject({
    kind: z.literal('eks-terminate-nodegroup-instances'),
    cluster: ResourceName.describe('A cluster of `kubernetes.clusters`.'),
    nodeGroup: ResourceName.describe('A node group of that cluster.'),
    percentage: Percentage.default(50).describe('Share of the node group’s instances terminated.'),
    ...common,
  })
  .describe('aws:eks:terminate-nodegroup-instances: EKS and the autoscaler must bring the node group back.');

/** Instances of a Batch compute environment, or of an EKS node group: exactly one of the two. */
const instanceSource = {
  computeEnvironment: ResourceName.optional().describe('A compute environment of `batch.computeEnvironments`.'),
  cluster: ResourceName.optional().describe('With nodeGroup: a cluster of `kubernetes.clusters`.'),
  nodeGroup: ResourceName.optional().describe('With cluster: one of its node groups.'),
  percentage: Percentage.default(50).describe('Share of the running instances hit.'),
  zone: Zone.optional().describe('Only instances in this zone; default: every zone.'),
};

const SpotInterruption = z
  .strictObject({ kind: z.literal('spot-interrupt'), ...instanceSource, ...common })
  .describe('aws:ec2:send-spot-instance-interruptions: Spot instances get the 2-minute notice, then are interrupted.');

const InstanceStop = z
  .strictObject({
    kind: z.literal('ec2-stop'),
    ...instanceSource,
    duration: Duration.describe('How long the instances stay stopped before FIS starts them again (1 minute to 12 hours).'),
    ...common,
  })
  .describe('aws:ec2:stop-instances, started again after `duration`.');

export const ExperimentSchema = z.discriminatedUnion('kind', [
  AzLoss,
  EcsStopTask,
  EksNodeGroupTermination,
  SpotInterruption,
  InstanceStop,
]);

export const ExperimentsSchema = z
  .record(ResourceName, ExperimentSchema)
  .default({})
  .describe('AWS FIS experiment templates by name; `npm run runbook` writes the game-day runbook from them.');

export type ExperimentConfig = z.infer<typeof ExperimentSchema>;
export type ExperimentKind = ExperimentConfig['kind'];
export type InstanceExperimentConfig = Extract<ExperimentConfig, { kind: 'spot-interrupt' | 'ec2-stop' }>;
