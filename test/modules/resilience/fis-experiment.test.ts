import { Testing } from 'cdktf';
import { FisExperiment, isoDurationMinutes, type FisExperimentProps } from '../../../modules/resilience/fis-experiment';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, ALARM, AZ_LOSS, STOP_TASKS } from './fixtures';

function synth(props: FisExperimentProps): string {
  return Testing.synthScope((scope) => void new FisExperiment(scope, 'experiment', props));
}

function build(props: FisExperimentProps): () => void {
  return () => synth(props);
}

describe('FIS experiment', () => {
  describe('an AZ loss of a tier', () => {
    const synthesized = synth(AZ_LOSS);
    const template = resourceAt(synthesized, 'aws_fis_experiment_template', 'experiment_template');

    it('disrupts the connectivity of the subnets selected by tier tag, zone and VPC', () => {
      expect(template.action).toEqual([
        {
          name: 'disrupt-app-a',
          action_id: 'aws:network:disrupt-connectivity',
          description: 'aws:network:disrupt-connectivity',
          parameter: [
            { key: 'duration', value: 'PT10M' },
            { key: 'scope', value: 'all' },
          ],
          target: { key: 'Subnets', value: 'disrupt-app-a' },
        },
      ]);
      expect(template.target).toEqual([
        {
          name: 'disrupt-app-a',
          resource_type: 'aws:ec2:subnet',
          selection_mode: 'ALL',
          resource_tag: [{ key: 'Tier', value: 'app' }],
          filter: [
            { path: 'AvailabilityZone', values: ['eu-west-1a'] },
            { path: 'VpcId', values: ['vpc-0123456789abcdef0'] },
          ],
        },
      ]);
    });

    it('stops on the given alarms and fails when no target is found', () => {
      expect(template.stop_condition).toEqual([{ source: 'aws:cloudwatch:alarm', value: ALARM }]);
      expect(template.experiment_options).toEqual({ account_targeting: 'single-account', empty_target_resolution_mode: 'fail' });
    });

    it('logs to its own log group with retention', () => {
      const logs = resourceAt(synthesized, 'aws_cloudwatch_log_group', 'experiment_logs');
      expect(logs).toMatchObject({ name: '/aws/vendedlogs/fis/acme-az-loss', retention_in_days: 90 });
      expect(template.log_configuration).toEqual({
        log_schema_version: 2,
        cloudwatch_logs_configuration: {
          log_group_arn: `\${${referenceTo(synthesized, 'aws_cloudwatch_log_group', 'experiment_logs')}.arn}:*`,
        },
      });
    });

    it('runs as a role only FIS of this account may assume, with the AWS managed network policy', () => {
      const role = resourceAt(synthesized, 'aws_iam_role', 'experiment_role');
      expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'fis.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': `arn:aws:fis:eu-west-1:${ACCOUNT}:experiment/*` },
          },
        },
      ]);
      expect(Object.values(resourcesOf(synthesized, 'aws_iam_role_policy_attachment')).map((a) => a.policy_arn)).toEqual([
        'arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorNetworkAccess',
      ]);
      const policy = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'experiment_role_policy').policy);
      expect(policy.Statement.map((statement: { Sid: string }) => statement.Sid)).toEqual(['ResolveTargetsByTag', 'DeliverExperimentLogs']);
    });
  });

  describe('an ECS stop-task', () => {
    const synthesized = synth(STOP_TASKS);
    const template = resourceAt(synthesized, 'aws_fis_experiment_template', 'experiment_template');

    it('stops a percentage of the running tasks carrying the service tag', () => {
      expect(template.target[0]).toMatchObject({
        resource_type: 'aws:ecs:task',
        selection_mode: 'PERCENT(50)',
        resource_tag: [{ key: 'Service', value: 'acme-orders-api' }],
        filter: [{ path: 'LastStatus', values: ['RUNNING'] }],
      });
      expect(template.action[0]).toMatchObject({ action_id: 'aws:ecs:stop-task', target: { key: 'Tasks', value: 'stop-tasks' } });
      expect(template.experiment_options.empty_target_resolution_mode).toBe('skip');
    });

    it('may stop only tasks of this account that carry the service tag, and attaches no managed policy', () => {
      const policy = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'experiment_role_policy').policy);
      expect(policy.Statement).toContainEqual({
        Sid: 'StopTasks',
        Effect: 'Allow',
        Action: 'ecs:StopTask',
        Resource: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task/*`,
        Condition: { StringEquals: { 'aws:ResourceTag/Service': 'acme-orders-api' } },
      });
      expect(resourcesOf(synthesized, 'aws_iam_role_policy_attachment')).toEqual({});
    });
  });

  describe('refuses', () => {
    const azLossAction = AZ_LOSS.actions['disrupt-app-a']!;
    const withAction = (action: Partial<typeof azLossAction>): FisExperimentProps => ({
      ...AZ_LOSS,
      actions: { 'disrupt-app-a': { ...azLossAction, ...action } },
    });

    it('an experiment without a stop condition', () => {
      expect(build({ ...AZ_LOSS, stopConditionAlarmArns: {} })).toThrow(
        'FisExperiment acme-az-loss: stopConditionAlarmArns is empty; every experiment stops on at least one CloudWatch alarm',
      );
    });

    it('a duration outside 1 minute – 12 hours', () => {
      expect(build(withAction({ parameters: { duration: 'PT13H' } }))).toThrow(
        'actions.disrupt-app-a: duration PT13H is not an ISO 8601 duration from 1 to 720 minutes',
      );
      expect(build(withAction({ parameters: { duration: '10m' } }))).toThrow('duration 10m is not an ISO 8601 duration');
    });

    it('a parameter the action does not take, and a missing required one', () => {
      expect(build(withAction({ parameters: { duration: 'PT5M', percent: '5' } }))).toThrow(
        'parameter percent is not one of aws:network:disrupt-connectivity (duration, scope, prefixListIdentifier)',
      );
      expect(build(withAction({ parameters: {} }))).toThrow('aws:network:disrupt-connectivity needs parameter duration');
    });

    it('more than 5 resource ARNs, and a target with neither tags nor ARNs', () => {
      const arns = [1, 2, 3, 4, 5, 6].map((n) => `arn:aws:ec2:eu-west-1:${ACCOUNT}:subnet/subnet-${n}`);
      expect(build(withAction({ target: { resourceArns: arns } }))).toThrow('target has 6 resourceArns; FIS takes at most 5');
      expect(build(withAction({ target: { filters: { AvailabilityZone: ['eu-west-1a'] } } }))).toThrow(
        'target has no resourceTags and no resourceArns',
      );
    });

    it('a selection mode FIS does not know', () => {
      expect(build(withAction({ target: { resourceTags: { Tier: 'app' }, selectionMode: 'PERCENT(0)' } }))).toThrow(
        'selectionMode PERCENT(0) is not ALL, COUNT(n ≥ 1) or PERCENT(1–100)',
      );
    });
  });

  describe('ISO 8601 durations', () => {
    it('reads hours, minutes and seconds', () => {
      expect(isoDurationMinutes('PT10M')).toBe(10);
      expect(isoDurationMinutes('PT1H30M')).toBe(90);
      expect(isoDurationMinutes('PT90S')).toBe(1.5);
      expect(isoDurationMinutes('PT')).toBeUndefined();
      expect(isoDurationMinutes('P1D')).toBeUndefined();
    });
  });
});
