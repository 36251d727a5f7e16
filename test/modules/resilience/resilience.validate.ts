import { FisExperimentTemplate } from '@cdktf/provider-aws/lib/fis-experiment-template';
import type { TerraformStack } from 'cdktf';
import { LogGroupKey } from '../../../modules/logging/log-group-key';
import { FisExperiment } from '../../../modules/resilience/fis-experiment';
import type { ValidateCase } from '../../support/terraform-validate-cases';
import { ACCOUNT, ALARM, AZ_LOSS, STOP_TASKS } from './fixtures';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const resilienceCase: ValidateCase = {
  name: 'resilience',
  title: 'FIS experiment module: accepts every action the landing zone generates, with its target key, resource type and parameters',
  build: (stack) => {
    const key = new LogGroupKey(stack, 'key', {
      name: 'acme-orders-prod',
      purpose: 'logs of the FIS experiments of acme-orders-prod',
      aliasPrefix: 'fis',
      accountId: ACCOUNT,
      region: 'eu-west-1',
    });
    new FisExperiment(stack, 'az-loss', { ...AZ_LOSS, logKmsKeyArn: key.keyArn });
    new FisExperiment(stack, 'stop-tasks', STOP_TASKS);
    new FisExperiment(stack, 'nodes', {
      ...AZ_LOSS,
      name: 'acme-sandbox-spot-nodes',
      actions: {
        'terminate-nodes': {
          actionId: 'aws:eks:terminate-nodegroup-instances',
          parameters: { instanceTerminationPercentage: '50' },
          target: { resourceTags: { Name: 'acme-sandbox-spot' } },
        },
      },
    });
    new FisExperiment(stack, 'spot', {
      ...AZ_LOSS,
      name: 'acme-batch-spot',
      actions: {
        'interrupt-spot': {
          actionId: 'aws:ec2:send-spot-instance-interruptions',
          parameters: { durationBeforeInterruption: 'PT2M' },
          target: {
            resourceTags: { Name: 'acme-spot' },
            filters: { 'State.Name': ['running'], 'Placement.AvailabilityZone': ['eu-west-1b'] },
            selectionMode: 'COUNT(1)',
          },
        },
      },
      emptyTargetResolutionMode: 'skip',
    });
    new FisExperiment(stack, 'stop', {
      ...AZ_LOSS,
      name: 'acme-batch-on-demand',
      actions: {
        'stop-instances': {
          actionId: 'aws:ec2:stop-instances',
          parameters: { startInstancesAfterDuration: 'PT5M', completeIfInstancesTerminated: 'true' },
          target: { resourceTags: { Name: 'acme-on-demand' }, filters: { 'State.Name': ['running'] }, selectionMode: 'PERCENT(25)' },
        },
      },
      stopConditionAlarmArns: { first: ALARM, second: `${ALARM}-2` },
    });
  },
};

/**
 * A Lambda invocation fault (target key `Functions`), which hashicorp/aws 5.100.0 refuses, so config
 * does not offer it: test/terraform/validate-cases.test.ts expects this case to fail, and will say
 * so once a provider upgrade accepts it.
 */
export function buildLambdaFault(stack: TerraformStack): void {
  new FisExperimentTemplate(stack, 'lambda', {
    description: 'Lambda invocations fail',
    roleArn: `arn:aws:iam::${ACCOUNT}:role/acme-fis`,
    stopCondition: [{ source: 'aws:cloudwatch:alarm', value: ALARM }],
    action: [{ name: 'errors', actionId: 'aws:lambda:invocation-error', target: { key: 'Functions', value: 'functions' } }],
    target: [{ name: 'functions', resourceType: 'aws:lambda:function', selectionMode: 'ALL', resourceTag: [{ key: 'a', value: 'b' }] }],
  });
}
