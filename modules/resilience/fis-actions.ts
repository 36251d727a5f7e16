import type { PolicyStatement } from '../shared/policy-document';

/*
 * The FIS actions the landing zone generates, with what hashicorp/aws 5.100.0 accepts for each. The
 * provider checks an action's target key against its own list, which lags AWS (Lambda's
 * `Functions` key, for instance, is rejected in 5.100.0): every entry here passes `terraform
 * validate` (test/modules/resilience/terraform-validate.test.ts).
 */

export type FisActionId =
  | 'aws:network:disrupt-connectivity'
  | 'aws:ecs:stop-task'
  | 'aws:eks:terminate-nodegroup-instances'
  | 'aws:ec2:stop-instances'
  | 'aws:ec2:send-spot-instance-interruptions';

export interface FisActionSpec {
  /** Key of the action's target (`target { key }`), one of the provider's list. */
  readonly targetKey: 'Subnets' | 'Tasks' | 'Nodegroups' | 'Instances' | 'SpotInstances';
  /** Resource type of the target it acts on. */
  readonly resourceType: 'aws:ec2:subnet' | 'aws:ecs:task' | 'aws:eks:nodegroup' | 'aws:ec2:instance' | 'aws:ec2:spot-instance';
  /** Parameters the action takes; any other is refused. */
  readonly parameters: readonly string[];
  readonly requiredParameters: readonly string[];
  /** AWS managed policy (under `policy/service-role/`) that covers the action, when one fits without granting more. */
  readonly managedPolicy?: string;
}

export const FIS_ACTIONS: Readonly<Record<FisActionId, FisActionSpec>> = {
  'aws:network:disrupt-connectivity': {
    targetKey: 'Subnets',
    resourceType: 'aws:ec2:subnet',
    parameters: ['duration', 'scope', 'prefixListIdentifier'],
    requiredParameters: ['duration'],
    // Creates, tags and deletes only NACLs tagged managedByFIS, and swaps subnet associations: as narrow as an own policy.
    managedPolicy: 'AWSFaultInjectionSimulatorNetworkAccess',
  },
  'aws:ecs:stop-task': { targetKey: 'Tasks', resourceType: 'aws:ecs:task', parameters: [], requiredParameters: [] },
  'aws:eks:terminate-nodegroup-instances': {
    targetKey: 'Nodegroups',
    resourceType: 'aws:eks:nodegroup',
    parameters: ['instanceTerminationPercentage'],
    requiredParameters: ['instanceTerminationPercentage'],
  },
  'aws:ec2:stop-instances': {
    targetKey: 'Instances',
    resourceType: 'aws:ec2:instance',
    parameters: ['startInstancesAfterDuration', 'completeIfInstancesTerminated'],
    requiredParameters: [],
  },
  'aws:ec2:send-spot-instance-interruptions': {
    targetKey: 'SpotInstances',
    resourceType: 'aws:ec2:spot-instance',
    parameters: ['durationBeforeInterruption'],
    requiredParameters: ['durationBeforeInterruption'],
  },
};

/** Parameters holding an ISO 8601 duration, with the range FIS allows (minutes). */
export const DURATION_PARAMETERS: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  duration: { min: 1, max: 720 },
  startInstancesAfterDuration: { min: 1, max: 720 },
  durationBeforeInterruption: { min: 2, max: 15 },
};

export interface PermissionScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Tags of the target: the role may change only resources that carry all of them. */
  readonly resourceTags: Readonly<Record<string, string>>;
}

function tagCondition(tags: Readonly<Record<string, string>>) {
  return Object.keys(tags).length === 0
    ? {}
    : { Condition: { StringEquals: Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:ResourceTag/${key}`, value])) } };
}

/**
 * The inline statements an action needs beyond its managed policy: reads to resolve the targets
 * (no resource-level permissions exist for them), and the one write, on resources of this account
 * that carry the target's tags.
 */
export function actionStatements(actionId: FisActionId, sid: string, scope: PermissionScope): PolicyStatement[] {
  const { partition, region, accountId } = scope;
  const instances = `arn:${partition}:ec2:${region}:${accountId}:instance/*`;
  const write = (action: string | string[], resource: string): PolicyStatement => ({
    Sid: sid,
    Effect: 'Allow',
    Action: action,
    Resource: resource,
    ...tagCondition(scope.resourceTags),
  });
  const read = (actions: string[]): PolicyStatement => ({ Sid: `${sid}Targets`, Effect: 'Allow', Action: actions, Resource: '*' });
  switch (actionId) {
    case 'aws:network:disrupt-connectivity':
      return [];
    case 'aws:ecs:stop-task':
      return [read(['ecs:ListTasks', 'ecs:DescribeTasks']), write('ecs:StopTask', `arn:${partition}:ecs:${region}:${accountId}:task/*`)];
    case 'aws:eks:terminate-nodegroup-instances':
      // The node group's instances carry the node group's tags (EksNodeGroup tags both alike).
      return [read(['eks:DescribeNodegroup', 'ec2:DescribeInstances']), write('ec2:TerminateInstances', instances)];
    case 'aws:ec2:stop-instances':
      return [read(['ec2:DescribeInstances']), write(['ec2:StopInstances', 'ec2:StartInstances'], instances)];
    case 'aws:ec2:send-spot-instance-interruptions':
      return [read(['ec2:DescribeInstances']), write('ec2:SendSpotInstanceInterruptions', instances)];
  }
}

/** What every experiment role needs: tag lookups to resolve targets, and FIS's log delivery to CloudWatch Logs. */
export function commonStatements(): PolicyStatement[] {
  return [
    { Sid: 'ResolveTargetsByTag', Effect: 'Allow', Action: 'tag:GetResources', Resource: '*' },
    {
      Sid: 'DeliverExperimentLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogDelivery', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'],
      Resource: '*',
    },
  ];
}
