import type { ExperimentPlan, ResiliencePlan, WorkloadsPlan } from '../../../model/workloads/types';
import { durationMinutes, isoDuration } from '../../../model/workloads/experiments/duration';
import { stopAlarms } from '../../../model/workloads/experiments/plan';
import { sampleModel } from '../../support/config';

const model = sampleModel();
const workloadsPlans = (zone = model) => zone.stacks.filter((plan): plan is WorkloadsPlan => plan.kind === 'workloads');
const workloads = (name: string, zone = model) => {
  const plan = workloadsPlans(zone).find((candidate) => candidate.name === name);
  if (!plan) throw new Error(`no workloads plan ${name}`);
  return plan;
};
const resiliencePlans = (zone = model) => zone.stacks.filter((plan): plan is ResiliencePlan => plan.kind === 'resilience');
const resilience = (account: string) => {
  const plan = resiliencePlans().find((candidate) => candidate.accountName === account);
  if (!plan) throw new Error(`no resilience plan of ${account}`);
  return plan;
};
const experiment = (plan: ResiliencePlan, name: string): ExperimentPlan => {
  const found = plan.experiments.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no experiment ${name} in ${plan.name}`);
  return found;
};
const stopKeys = (planned: ExperimentPlan) => planned.stopConditions.map((alarm) => alarm.key);

describe('experiments plan', () => {
  const ordersDev = resilience('orders-dev');
  const paymentsDev = resilience('payments-dev');
  const analytics = resilience('analytics-prod');
  const ordersProd = resilience('orders-prod');

  it('gives every workload account of the sample a resilience stack with at least one experiment, each with a stop condition', () => {
    expect(
      resiliencePlans()
        .map((plan) => plan.accountName)
        .sort(),
    ).toEqual(
      workloadsPlans()
        .map((plan) => plan.accountName)
        .sort(),
    );
    for (const plan of resiliencePlans()) {
      expect(plan.experiments.length).toBeGreaterThan(0);
      for (const planned of plan.experiments) expect(planned.stopConditions.length).toBeGreaterThan(0);
    }
  });

  it('places the experiments in <env>-resilience-<account>, after the workloads stack whose alarms they stop on, in its account and region', () => {
    const stack = workloads('dev-workloads-orders-dev');
    expect(ordersDev).toMatchObject({
      name: 'dev-resilience-orders-dev',
      environment: 'dev',
      region: stack.region,
      account: stack.account,
      dependsOn: ['dev-workloads-orders-dev'],
      providers: [{ id: 'resilience', account: stack.account, region: stack.region }],
      spoke: stack.spoke,
      workloads: { stackName: 'dev-workloads-orders-dev', environment: 'dev', region: stack.region },
      logKeyName: 'acme-dev-orders-dev',
    });
    const names = model.stacks.map((plan) => plan.name);
    expect(names.indexOf('dev-resilience-orders-dev')).toBe(names.indexOf('dev-workloads-orders-dev') + 1);
  });

  it('plans an AZ loss as the subnets of one tier and zone, with an ISO 8601 duration', () => {
    expect(experiment(ordersDev, 'app-zone-a')).toMatchObject({
      experimentName: 'acme-app-zone-a',
      kind: 'az-loss',
      action: { actionId: 'aws:network:disrupt-connectivity', parameters: { duration: 'PT10M', scope: 'all' } },
      target: { kind: 'subnets', tier: 'app', zone: 'eu-west-1a', subnetKey: 'app-a' },
      durationMinutes: 10,
      emptyTargetResolutionMode: 'fail',
      description: 'The app subnets of eu-west-1a lose their network for 10 minutes',
    });
  });

  it('stops an experiment by default on the alarms of what it hits', () => {
    expect(stopKeys(experiment(ordersDev, 'orders-api-tasks'))).toEqual(['ecs-service/orders-api/running-tasks']);
    expect(stopKeys(experiment(paymentsDev, 'sandbox-spot-nodes'))).toEqual(['eks-node-group/sandbox.spot/status-check-failed']);
    expect(stopKeys(experiment(paymentsDev, 'nightly-spot'))).toEqual(['batch-queue/nightly/failed-jobs']);
    expect(stopKeys(experiment(analytics, 'general-nodes'))).toEqual(['eks-node-group/platform.general/status-check-failed']);
  });

  it('stops an AZ loss by default on every alarm of the account, and on the ones named when given', () => {
    const config = model.environments
      .flatMap((environment) => environment.workloads)
      .find((file) => file.accountName === 'analytics-prod')!.config;
    const azLoss = { kind: 'az-loss', zone: 'eu-west-1a', tier: 'app', duration: 5 } as const;
    const defaults = { scope: 'all', emptyTargets: 'fail', logRetentionDays: 90 } as const;
    const alarms = workloads('prod-workloads-analytics-prod').alarms.alarms;
    expect(stopAlarms({ ...azLoss, ...defaults }, alarms, config).map((alarm) => alarm.key)).toEqual(alarms.map((alarm) => alarm.key));
    expect(stopKeys(experiment(ordersDev, 'app-zone-a'))).toEqual([
      'ecs-service/orders-api/running-tasks',
      'ecs-service/orders-worker/running-tasks',
    ]);
  });

  it('names each stop condition by the planned alarm, so the stack can find its ARN', () => {
    const [alarm] = experiment(ordersProd, 'orders-api-tasks').stopConditions;
    const planned = workloads('prod-workloads-orders-prod').alarms.alarms.find((candidate) => candidate.key === alarm!.key)!;
    expect(alarm).toEqual({ key: planned.key, alarmName: planned.alarmName, subject: planned.subject, description: planned.description });
    expect(alarm!.alarmName).toBe('acme-prod-orders-prod/ecs-service/orders-api/running-tasks');
  });

  it('plans ECS, node group and instance targets with the names the platforms gave them', () => {
    expect(experiment(ordersProd, 'orders-api-tasks')).toMatchObject({
      action: { actionId: 'aws:ecs:stop-task', parameters: {} },
      target: { kind: 'ecs-tasks', service: 'orders-api', family: 'acme-prod-orders-prod-orders-api', percentage: 34 },
      allowInProd: { reason: 'Quarterly game day; three tasks over three zones must absorb the loss of one' },
    });
    expect(experiment(analytics, 'general-nodes')).toMatchObject({
      action: { actionId: 'aws:eks:terminate-nodegroup-instances', parameters: { instanceTerminationPercentage: '25' } },
      target: { kind: 'node-group', cluster: 'platform', nodeGroup: 'general', clusterName: 'acme-prod-analytics-prod-platform' },
    });
    expect(experiment(analytics, 'nightly-on-demand')).toMatchObject({
      action: {
        actionId: 'aws:ec2:stop-instances',
        parameters: { startInstancesAfterDuration: 'PT10M', completeIfInstancesTerminated: 'true' },
      },
      target: { kind: 'instances', capacity: 'on-demand', source: { kind: 'batch', computeEnvironment: 'on-demand' } },
      emptyTargetResolutionMode: 'skip',
    });
    expect(experiment(paymentsDev, 'sandbox-spot-nodes')).toMatchObject({
      action: { actionId: 'aws:ec2:send-spot-instance-interruptions', parameters: { durationBeforeInterruption: 'PT2M' } },
      target: { kind: 'instances', capacity: 'spot', source: { kind: 'node-group', cluster: 'sandbox', nodeGroup: 'spot' } },
    });
  });

  it('plans experiments in name order, whatever their order in the file', () => {
    expect(paymentsDev.experiments.map((planned) => planned.name)).toEqual(['nightly-spot', 'sandbox-spot-nodes']);
  });

  it('reads durations as minutes or ISO 8601', () => {
    expect(durationMinutes(10)).toBe(10);
    expect(durationMinutes('PT1H30M')).toBe(90);
    expect(durationMinutes('PT30S')).toBe(0.5);
    expect(durationMinutes('10m')).toBeUndefined();
    expect(durationMinutes(1.5)).toBeUndefined();
    expect(isoDuration(15)).toBe('PT15M');
    expect(isoDuration('PT1H')).toBe('PT1H');
  });
});
