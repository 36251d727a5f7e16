import { BatchComputeEnvironment } from '../../modules/batch/compute-environment';
import { BatchInstanceRole } from '../../modules/batch/instance-role';
import { BatchJobDefinition } from '../../modules/batch/job-definition';
import { BatchJobQueue } from '../../modules/batch/job-queue';
import { BatchJobStateMachine } from '../../modules/batch/job-state-machine';
import { LogGroupKey } from '../../modules/logging/log-group-key';
import { batchJobDefinitionArn, batchJobQueueArn, ecrImageUri } from '../../model/naming';
import type { BatchPlan, WorkloadsPlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import type { ContractReader } from '../contracts/contract';
import type { spokeContract } from '../contracts/spoke';
import { publisherStatements } from './messaging';

type SpokeNetwork = ContractReader<typeof spokeContract.outputs>;

export interface PlacedBatch {
  readonly queues: ReadonlyMap<string, BatchJobQueue>;
  readonly pipelines: ReadonlyMap<string, BatchJobStateMachine>;
}

/**
 * The account's Batch: compute environments in the spoke's subnets with its tier security group,
 * queues in their configured order, job definitions, and one Step Functions pipeline per entry,
 * whose role is written from ARNs the model names (nothing is looked up).
 */
export function placeBatch(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  batch: BatchPlan,
  network: SpokeNetwork,
  messagingKeyArn?: string,
): PlacedBatch {
  const accountId = stack.accountId(plan.account);
  const logKeyArn = new LogGroupKey(stack, 'batch-log-key', {
    name: batch.namePrefix,
    purpose: `log groups of Batch jobs and pipelines of ${batch.namePrefix}`,
    aliasPrefix: 'batch',
    accountId,
    region: plan.region,
  }).keyArn;
  const environments = placeComputeEnvironments(stack, batch, network);
  const queues = new Map(
    batch.queues.map((queue) => [
      queue.name,
      new BatchJobQueue(stack, `batch-queue-${queue.name}`, {
        name: queue.queueName,
        computeEnvironmentArns: queue.computeEnvironments.map((name) => {
          const environment = environments.get(name);
          if (!environment)
            throw new Error(`internal: queue ${queue.name} orders unknown compute environment ${name}; validation should have said so`);
          return environment.computeEnvironmentArn;
        }),
        priority: queue.priority,
        cancelRunnableAfterSeconds: queue.cancelRunnableAfterSeconds,
        ...(queue.fairShare ? { fairShare: queue.fairShare } : {}),
      }),
    ]),
  );
  const definitions = new Map<string, BatchJobDefinition>();
  for (const job of batch.jobDefinitions) {
    const definition = new BatchJobDefinition(stack, `batch-job-${job.name}`, {
      name: job.definitionName,
      accountId,
      region: plan.region,
      image: ecrImageUri(job.image.region, stack.accountId(job.image.account), job.image.repository, job.image.tag),
      vcpus: job.vcpus,
      memoryMiB: job.memoryMiB,
      ...(job.command ? { command: job.command } : {}),
      environment: job.environment,
      readonlyRootFilesystem: job.readonlyRootFilesystem,
      retryStrategy: job.retry,
      timeoutSeconds: job.timeoutSeconds,
      logRetentionDays: job.logRetentionDays,
      logKmsKeyArn: logKeyArn,
      jobRoleStatements: publisherStatements(stack, job.publishes, messagingKeyArn),
    });
    definitions.set(job.definitionName, definition);
  }
  const queuesByName = new Map(batch.queues.map((queue) => [queue.queueName, queues.get(queue.name)!]));
  return { queues, pipelines: placePipelines(stack, plan, batch, { logKeyArn, queues: queuesByName, definitions }) };
}

/** The instance role (once) and the compute environments, by config name. */
function placeComputeEnvironments(stack: LandingZoneStack, batch: BatchPlan, network: SpokeNetwork): Map<string, BatchComputeEnvironment> {
  if (batch.computeEnvironments.length === 0) return new Map();
  const instances = new BatchInstanceRole(stack, 'batch-instances', { name: `${batch.namePrefix}-instances` });
  return new Map(
    batch.computeEnvironments.map((environment) => [
      environment.name,
      new BatchComputeEnvironment(stack, `batch-environment-${environment.name}`, {
        name: environment.resourceName,
        capacity: environment.capacity,
        instanceTypes: environment.instanceTypes,
        minVcpus: environment.minVcpus,
        maxVcpus: environment.maxVcpus,
        ...(environment.bidPercentage !== undefined ? { bidPercentage: environment.bidPercentage } : {}),
        subnetIds: Object.values(network.entries('subnetIds', environment.subnetKeys)),
        securityGroupIds: [network.entry('securityGroupIds', environment.securityGroupTier)],
        instanceProfileArn: instances.instanceProfileArn,
        updateTimeoutMinutes: environment.updateTimeoutMinutes,
      }),
    ]),
  );
}

interface PipelineInputs {
  readonly logKeyArn: string;
  /** By queue name and job definition name. */
  readonly queues: ReadonlyMap<string, BatchJobQueue>;
  readonly definitions: ReadonlyMap<string, BatchJobDefinition>;
}

/*
 * The role is written from the ARNs the model names; the definition refers to the queue and job
 * definition resources, so the state machine is created after them and, while they do not exist
 * yet, its definition is unknown at plan time: the provider then skips its plan-time
 * ValidateStateMachineDefinition call, which needs AWS and would break offline plans.
 */
function placePipelines(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  batch: BatchPlan,
  inputs: PipelineInputs,
): Map<string, BatchJobStateMachine> {
  const accountId = stack.accountId(plan.account);
  return new Map(
    batch.pipelines.map((pipeline) => [
      pipeline.name,
      new BatchJobStateMachine(stack, `batch-pipeline-${pipeline.name}`, {
        name: pipeline.stateMachineName,
        accountId,
        region: plan.region,
        steps: pipeline.steps.map((step) => ({
          name: step.name,
          jobName: step.jobName,
          jobDefinitionArn: batchJobDefinitionArn(plan.region, accountId, step.jobDefinitionName),
          jobQueueArn: batchJobQueueArn(plan.region, accountId, step.queueName),
          submitJobDefinition: inputs.definitions.get(step.jobDefinitionName)?.jobDefinition.arnPrefix,
          submitJobQueue: inputs.queues.get(step.queueName)?.queueArn,
          ...(step.shareIdentifier ? { shareIdentifier: step.shareIdentifier } : {}),
        })),
        ...(pipeline.schedule ? { schedule: pipeline.schedule, scheduleTimezone: pipeline.scheduleTimezone } : {}),
        logLevel: pipeline.logLevel,
        includeExecutionData: pipeline.includeExecutionData,
        logRetentionDays: pipeline.logRetentionDays,
        logKmsKeyArn: inputs.logKeyArn,
      }),
    ]),
  );
}
