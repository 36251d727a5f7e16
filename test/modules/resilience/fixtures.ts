import type { FisExperimentProps } from '../../../modules/resilience/fis-experiment';

export const ACCOUNT = '530000000002';
export const ALARM = `arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:acme-orders-api-running-tasks`;

/** An AZ loss of the app tier in eu-west-1a, stopped by one alarm. */
export const AZ_LOSS: FisExperimentProps = {
  name: 'acme-az-loss',
  description: 'App tier of eu-west-1a loses its network for 10 minutes',
  accountId: ACCOUNT,
  region: 'eu-west-1',
  actions: {
    'disrupt-app-a': {
      actionId: 'aws:network:disrupt-connectivity',
      parameters: { duration: 'PT10M', scope: 'all' },
      target: {
        resourceTags: { Tier: 'app' },
        filters: { AvailabilityZone: ['eu-west-1a'], VpcId: ['vpc-0123456789abcdef0'] },
      },
    },
  },
  stopConditionAlarmArns: { 'orders-api': ALARM },
};

/** Stops half of a service's running tasks. */
export const STOP_TASKS: FisExperimentProps = {
  name: 'acme-orders-api-tasks',
  description: 'Half of the running tasks of orders-api stop',
  accountId: ACCOUNT,
  region: 'eu-west-1',
  actions: {
    'stop-tasks': {
      actionId: 'aws:ecs:stop-task',
      target: { resourceTags: { Service: 'acme-orders-api' }, filters: { LastStatus: ['RUNNING'] }, selectionMode: 'PERCENT(50)' },
    },
  },
  stopConditionAlarmArns: { 'orders-api': ALARM },
  emptyTargetResolutionMode: 'skip',
};
