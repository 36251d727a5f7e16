import { BatchComputeEnvironment } from '../../../modules/batch/compute-environment';
import { BatchInstanceRole } from '../../../modules/batch/instance-role';
import { BatchJobDefinition } from '../../../modules/batch/job-definition';
import { BatchJobQueue } from '../../../modules/batch/job-queue';
import { BatchJobStateMachine } from '../../../modules/batch/job-state-machine';
import { LogGroupKey } from '../../../modules/logging/log-group-key';
import type { ValidateCase } from '../../support/terraform-validate-cases';
import { ACCOUNT, IMAGE, REGION } from './fixtures';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const batchCase: ValidateCase = {
  name: 'batch',
  title: 'batch modules: accept Spot and On-Demand environments, a fair-share queue, a job definition and a scheduled pipeline',
  build: (stack) => {
    const key = new LogGroupKey(stack, 'log-key', {
      name: 'acme',
      purpose: 'log groups of Batch jobs and pipelines of acme',
      aliasPrefix: 'batch',
      accountId: ACCOUNT,
      region: REGION,
    });
    const instances = new BatchInstanceRole(stack, 'instances', { name: 'acme-batch-instances' });
    const network = {
      subnetIds: ['subnet-a', 'subnet-b'],
      securityGroupIds: ['sg-app'],
      instanceProfileArn: instances.instanceProfileArn,
    };
    const spot = new BatchComputeEnvironment(stack, 'spot', { ...network, name: 'acme-spot', capacity: 'spot', bidPercentage: 80 });
    const onDemand = new BatchComputeEnvironment(stack, 'on-demand', {
      ...network,
      name: 'acme-on-demand',
      capacity: 'on-demand',
      maxVcpus: 64,
    });
    new BatchJobQueue(stack, 'queue', {
      name: 'acme-nightly',
      computeEnvironmentArns: [spot.computeEnvironmentArn, onDemand.computeEnvironmentArn],
      fairShare: { weightFactors: { reports: 1 } },
    });
    new BatchJobDefinition(stack, 'etl', {
      name: 'acme-etl',
      accountId: ACCOUNT,
      region: REGION,
      image: IMAGE,
      command: ['python', 'etl.py'],
      environment: { STAGE: 'nightly' },
      logKmsKeyArn: key.keyArn,
      retryStrategy: {
        attempts: 3,
        evaluateOnExit: [
          { action: 'RETRY', onStatusReason: 'Host EC2*' },
          { action: 'RETRY', onExitCode: '137' },
          { action: 'EXIT', onReason: '*' },
        ],
      },
    });
    new BatchJobStateMachine(stack, 'pipeline', {
      name: 'acme-nightly',
      accountId: ACCOUNT,
      region: REGION,
      logKmsKeyArn: key.keyArn,
      schedule: 'cron(0 2 * * ? *)',
      steps: [
        {
          name: 'etl',
          jobName: 'acme-nightly-etl',
          jobDefinitionArn: `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/acme-etl`,
          jobQueueArn: `arn:aws:batch:${REGION}:${ACCOUNT}:job-queue/acme-nightly`,
          shareIdentifier: 'reports',
        },
      ],
    });
  },
};
