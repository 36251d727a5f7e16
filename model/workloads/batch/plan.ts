import { batchResourceName, ecrRepositoryName } from '../../naming';
import { accountRef } from '../../plans/base';
import { zoneSuffix } from '../../regions';
import type { PlanContext } from '../context';
import { planPublishes } from '../messaging/publishes';
import { withCatchAllExit } from './retry';
import type { BatchConfig, ComputeEnvironmentConfig, JobDefinitionConfig, JobQueueConfig, PipelineConfig } from './schema';
import type { BatchComputeEnvironmentPlan, BatchJobDefinitionPlan, BatchJobQueuePlan, BatchPipelinePlan, BatchPlan } from './types';

/** Batch's upper bound of the minutes an infrastructure update waits for running jobs. */
const MAX_UPDATE_TIMEOUT_MINUTES = 360;
const SECURITY_GROUP_TIER = { public: 'web', app: 'app', data: 'data' } as const;

const byName = <T>(record: Readonly<Record<string, T>>): [string, T][] => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

/** The account's Batch resources in name order (queues keep their configured environment order). */
export function planBatch(context: PlanContext, batch: BatchConfig): BatchPlan {
  const name = (resource: string) => batchResourceName(context.organization, context.environment.name, context.account.name, resource);
  const longestJobSeconds = Math.max(0, ...Object.values(batch.jobDefinitions).map((job) => job.timeoutSeconds));
  const updateTimeoutMinutes = Math.min(MAX_UPDATE_TIMEOUT_MINUTES, Math.max(30, Math.ceil(longestJobSeconds / 60)));
  return {
    namePrefix: name('batch'),
    computeEnvironments: byName(batch.computeEnvironments).map(([key, environment]) =>
      planComputeEnvironment(context, key, name(key), environment, updateTimeoutMinutes),
    ),
    queues: byName(batch.queues).map(([key, queue]) => planQueue(key, name(key), queue)),
    jobDefinitions: byName(batch.jobDefinitions).map(([key, job]) => planJobDefinition(context, key, name(key), job)),
    pipelines: byName(batch.pipelines).map(([key, pipeline]) => planPipeline(key, pipeline, name)),
  };
}

function planComputeEnvironment(
  context: PlanContext,
  name: string,
  resourceName: string,
  environment: ComputeEnvironmentConfig,
  updateTimeoutMinutes: number,
): BatchComputeEnvironmentPlan {
  return {
    name,
    resourceName,
    capacity: environment.capacity,
    instanceTypes: environment.instanceTypes,
    minVcpus: environment.minVcpus,
    maxVcpus: environment.maxVcpus,
    ...(environment.bidPercentage !== undefined ? { bidPercentage: environment.bidPercentage } : {}),
    subnetKeys: context.spokeVpc.subnets
      .filter((subnet) => subnet.tier === environment.subnetTier)
      .map((subnet) => `${subnet.tier}-${zoneSuffix(subnet.zone)}`),
    securityGroupTier: SECURITY_GROUP_TIER[environment.subnetTier],
    updateTimeoutMinutes,
  };
}

function planQueue(name: string, queueName: string, queue: JobQueueConfig): BatchJobQueuePlan {
  return {
    name,
    queueName,
    computeEnvironments: queue.computeEnvironments,
    priority: queue.priority,
    cancelRunnableAfterSeconds: queue.cancelRunnableAfterSeconds,
    ...(queue.fairShare ? { fairShare: queue.fairShare } : {}),
  };
}

function planJobDefinition(context: PlanContext, name: string, definitionName: string, job: JobDefinitionConfig): BatchJobDefinitionPlan {
  const { zone, organization } = context;
  const imageAccount = job.image.from ? accountRef(zone, job.image.from) : context.account;
  const imageEnvironmentName = zone.accounts.find((candidate) => candidate.name === imageAccount.name)?.environment;
  const imageEnvironment = zone.environments.find((candidate) => candidate.name === imageEnvironmentName);
  const publishes = planPublishes(context, job.publishes);
  return {
    name,
    definitionName,
    image: {
      account: imageAccount,
      region: imageEnvironment?.region ?? context.environment.region,
      repository: ecrRepositoryName(organization, job.image.repository),
      tag: job.image.tag,
    },
    vcpus: job.vcpus,
    memoryMiB: job.memoryMiB,
    ...(job.command ? { command: job.command } : {}),
    environment: job.environment,
    readonlyRootFilesystem: job.readonlyRootFilesystem,
    retry: { attempts: job.retry.attempts, evaluateOnExit: withCatchAllExit(job.retry.evaluateOnExit) },
    timeoutSeconds: job.timeoutSeconds,
    logRetentionDays: job.logRetentionDays,
    ...(publishes ? { publishes } : {}),
  };
}

function planPipeline(name: string, pipeline: PipelineConfig, resourceName: (name: string) => string): BatchPipelinePlan {
  const stateMachineName = resourceName(name);
  return {
    name,
    stateMachineName,
    steps: pipeline.steps.map((step) => ({
      name: step.name,
      jobName: `${stateMachineName}-${step.name}`,
      jobDefinitionName: resourceName(step.job),
      queueName: resourceName(step.queue),
      ...(step.shareIdentifier ? { shareIdentifier: step.shareIdentifier } : {}),
    })),
    ...(pipeline.schedule ? { schedule: pipeline.schedule } : {}),
    scheduleTimezone: pipeline.scheduleTimezone,
    logLevel: pipeline.logLevel,
    includeExecutionData: pipeline.includeExecutionData,
    logRetentionDays: pipeline.logRetentionDays,
  };
}
