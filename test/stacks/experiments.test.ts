import type { ExperimentPlan, ResiliencePlan } from '../../model/workloads/types';
import { TIER_TAG } from '../../modules/shared/tiers';
import { sampleModel } from '../support/config';
import { synthesize, type StackJson } from '../support/synth';

/*
 * The FIS templates of the sample, read from the synthesized resilience stacks: each selects exactly
 * the resources its config entry means, by the tags the spoke and workloads stacks put on them.
 */

const model = sampleModel();
const offline = synthesize(model);
const resiliencePlans = model.stacks.filter((plan): plan is ResiliencePlan => plan.kind === 'resilience');
const resourcesOf = (stack: StackJson, type: string): [string, StackJson][] => Object.entries(stack.resource?.[type] ?? {});
const SPOKE_VPC_ID = '${data.terraform_remote_state.spoke-outputs.outputs.vpc_id}';

/** Every experiment of the sample with its plan, its synthesized template, its stack and the workloads stack it hits. */
const experiments = resiliencePlans.flatMap((plan) =>
  plan.experiments.map((experiment) => {
    const stack = offline.stacks[plan.name]!;
    const entry = resourcesOf(stack, 'aws_fis_experiment_template').find(([name]) => name.startsWith(`experiment-${experiment.name}_`));
    if (!entry) throw new Error(`no template for ${experiment.name} in ${plan.name}`);
    return { plan, experiment, stack, workloads: offline.stacks[plan.workloads.stackName]!, template: entry[1] };
  }),
);
const ofKind = (kind: ExperimentPlan['kind']) => experiments.filter(({ experiment }) => experiment.kind === kind);
const tagsOf = (template: StackJson) =>
  Object.fromEntries((template.target[0].resource_tag as { key: string; value: string }[]).map(({ key, value }) => [key, value]));
const filtersOf = (template: StackJson) =>
  Object.fromEntries((template.target[0].filter as { path: string; values: string[] }[]).map(({ path, values }) => [path, values]));
/** Tags a launch template gives its instances. */
const instanceTags = (launch: StackJson) =>
  (launch.tag_specifications as { resource_type: string; tags: Record<string, string> }[] | undefined)?.find(
    (specification) => specification.resource_type === 'instance',
  )?.tags;
/**
 * Whether a resource of a workloads stack carries the wanted tags. Its tags may interpolate an EKS
 * cluster's name (`${aws_eks_cluster.<name>.name}-general`), which the resilience stack writes out
 * from config: the interpolation reads as that cluster's `name`.
 */
const matcher = (stack: StackJson) => {
  const clusterNames = Object.fromEntries(resourcesOf(stack, 'aws_eks_cluster').map(([name, cluster]) => [name, cluster.name as string]));
  const resolve = (value: string) =>
    value.replace(/\$\{aws_eks_cluster\.([^.}]+)\.name\}/g, (_, name: string) => clusterNames[name] ?? '?');
  return (tags: Record<string, string> | undefined, wanted: Record<string, string>) =>
    Object.entries(wanted).every(([key, value]) => tags?.[key] !== undefined && resolve(tags[key]!) === value);
};

describe('FIS experiments of the sample', () => {
  it('covers every kind the sample uses: AZ loss, ECS stop-task, node group termination, Spot interruption and EC2 stop', () => {
    expect([...new Set(experiments.map(({ experiment }) => experiment.kind))].sort()).toEqual([
      'az-loss',
      'ec2-stop',
      'ecs-stop-task',
      'eks-terminate-nodegroup-instances',
      'spot-interrupt',
    ]);
  });

  it("stops every template on the workloads stack's alarms of its plan, read from its contract, and logs with an explicit empty-target mode", () => {
    for (const { plan, experiment, stack, workloads, template } of experiments) {
      expect(template.stop_condition).toEqual(
        experiment.stopConditions.map((alarm) => ({
          source: 'aws:cloudwatch:alarm',
          value: `\${data.terraform_remote_state.workloads-outputs.outputs.alarm_arns["${alarm.key}"]}`,
        })),
      );
      // The workloads stack publishes each of those keys as the ARN of its alarm of that name.
      const alarmNames = Object.fromEntries(
        resourcesOf(workloads, 'aws_cloudwatch_metric_alarm').map(([name, alarm]) => [name, alarm.alarm_name]),
      );
      for (const alarm of experiment.stopConditions) {
        const published = /^\$\{aws_cloudwatch_metric_alarm\.(.+)\.arn\}$/.exec(workloads.output.alarm_arns.value[alarm.key])?.[1];
        expect({ key: alarm.key, name: alarmNames[published ?? ''] }).toEqual({ key: alarm.key, name: alarm.alarmName });
      }
      expect(stack.data.terraform_remote_state['workloads-outputs'].config.path).toContain(`${plan.workloads.stackName}.tfstate`);
      expect(template.log_configuration.cloudwatch_logs_configuration.log_group_arn).toMatch(
        /^\$\{aws_cloudwatch_log_group\..*\.arn\}:\*$/,
      );
      expect(template.experiment_options.empty_target_resolution_mode).toBe(experiment.emptyTargetResolutionMode);
      expect(template.target[0].resource_arns ?? []).toEqual([]);
    }
  });

  describe('an AZ loss', () => {
    it("selects exactly the spoke's subnets of that tier and zone: tier tag, zone filter and the spoke's VPC", () => {
      expect(ofKind('az-loss').length).toBeGreaterThan(0);
      for (const { plan, experiment, template } of ofKind('az-loss')) {
        if (experiment.target.kind !== 'subnets') throw new Error('an AZ loss targets subnets');
        const { tier, zone, subnetKey } = experiment.target;
        expect(template.target[0].resource_type).toBe('aws:ec2:subnet');
        expect(filtersOf(template)).toEqual({ AvailabilityZone: [zone], VpcId: [SPOKE_VPC_ID] });
        const spoke = offline.stacks[plan.spoke.stackName]!;
        const matches = matcher(spoke);
        const selected = resourcesOf(spoke, 'aws_subnet').filter(
          ([, subnet]) => matches(subnet.tags, tagsOf(template)) && subnet.availability_zone === zone,
        );
        expect(tagsOf(template)).toEqual({ [TIER_TAG]: tier });
        expect(selected.map(([name]) => name.replace(/_[0-9A-F]{8}$/, ''))).toEqual([`vpc_${subnetKey}`]);
        // The one VPC of the spoke, whose id the contract publishes, holds the selected subnet.
        expect(resourcesOf(spoke, 'aws_vpc')).toHaveLength(1);
        const [vpcName] = resourcesOf(spoke, 'aws_vpc')[0]!;
        expect(spoke.output.vpc_id.value).toBe(`\${aws_vpc.${vpcName}.id}`);
        expect(selected[0]![1].vpc_id).toBe(`\${aws_vpc.${vpcName}.id}`);
        expect(spoke.output.subnet_ids.value[subnetKey]).toBe(`\${aws_subnet.${selected[0]![0]}.id}`);
      }
    });

    it('disrupts all of their traffic for the configured duration', () => {
      const [{ template }] = ofKind('az-loss').filter(({ plan }) => plan.name === 'staging-resilience-orders-staging');
      expect(template.action[0]).toMatchObject({
        action_id: 'aws:network:disrupt-connectivity',
        parameter: [
          { key: 'duration', value: 'PT15M' },
          { key: 'scope', value: 'all' },
        ],
        target: { key: 'Subnets' },
      });
    });
  });

  it("stops a share of the running tasks carrying the service's tag, which the service propagates to its tasks", () => {
    expect(ofKind('ecs-stop-task').length).toBeGreaterThan(0);
    for (const { experiment, workloads, template } of ofKind('ecs-stop-task')) {
      if (experiment.target.kind !== 'ecs-tasks') throw new Error('an ECS stop-task targets tasks');
      const matches = matcher(workloads);
      const services = resourcesOf(workloads, 'aws_ecs_service').filter(([, service]) => matches(service.tags, tagsOf(template)));
      expect(services.map(([, service]) => service.name)).toEqual([experiment.target.family]);
      expect(services[0]![1].propagate_tags).toBe('SERVICE');
      expect(template.target[0]).toMatchObject({
        resource_type: 'aws:ecs:task',
        selection_mode: `PERCENT(${experiment.target.percentage})`,
      });
      expect(filtersOf(template)).toMatchObject({ LastStatus: ['RUNNING'] });
    }
  });

  it('terminates instances of exactly the node group it names, by the tag the group and its instances carry', () => {
    expect(ofKind('eks-terminate-nodegroup-instances').length).toBeGreaterThan(0);
    for (const { experiment, workloads, template } of ofKind('eks-terminate-nodegroup-instances')) {
      if (experiment.target.kind !== 'node-group') throw new Error('a node group termination targets a node group');
      const matches = matcher(workloads);
      const groups = resourcesOf(workloads, 'aws_eks_node_group').filter(([, group]) => matches(group.tags, tagsOf(template)));
      expect(groups.map(([name]) => name)).toEqual([expect.stringContaining(`-${experiment.target.nodeGroup}_node-group`)]);
      const templates = resourcesOf(workloads, 'aws_launch_template').filter(([, launch]) =>
        matches(instanceTags(launch), tagsOf(template)),
      );
      expect(templates).toHaveLength(1);
      expect(template.action[0].parameter).toEqual([{ key: 'instanceTerminationPercentage', value: String(experiment.target.percentage) }]);
    }
  });

  it('interrupts or stops instances of exactly the compute environment or node group it names', () => {
    const instanceExperiments = [...ofKind('spot-interrupt'), ...ofKind('ec2-stop')];
    expect(instanceExperiments.length).toBeGreaterThan(0);
    for (const { experiment, workloads, template } of instanceExperiments) {
      if (experiment.target.kind !== 'instances') throw new Error('targets instances');
      const matches = matcher(workloads);
      const wanted = tagsOf(template);
      const carriers = [
        ...resourcesOf(workloads, 'aws_batch_compute_environment').filter(([, environment]) =>
          matches(environment.compute_resources.tags, wanted),
        ),
        ...resourcesOf(workloads, 'aws_launch_template').filter(([, launch]) => matches(instanceTags(launch), wanted)),
      ];
      expect({ experiment: experiment.name, carriers: carriers.length }).toEqual({ experiment: experiment.name, carriers: 1 });
      expect(template.target[0].resource_type).toBe(experiment.kind === 'spot-interrupt' ? 'aws:ec2:spot-instance' : 'aws:ec2:instance');
      expect(filtersOf(template)).toMatchObject({ 'State.Name': ['running'] });
    }
  });

  it('lets each role change only resources carrying its target tags (or the AWS managed network policy for an AZ loss)', () => {
    for (const { experiment, stack, template } of experiments) {
      const policies = resourcesOf(stack, 'aws_iam_role_policy').filter(([name]) => name.startsWith(`experiment-${experiment.name}_`));
      // Terraform interpolations (an account id from the org stack, a cluster name) stand for values known at apply.
      const policy = (policies[0]![1].policy as string).replace(/\$\{[^}]*\}/g, 'known-at-apply');
      const statements: { Sid: string; Condition?: unknown }[] = JSON.parse(policy).Statement;
      const writes = statements.filter(
        (statement) => !['ResolveTargetsByTag', 'DeliverExperimentLogs'].includes(statement.Sid) && !statement.Sid.endsWith('Targets'),
      );
      const conditions = Object.fromEntries(
        Object.entries(tagsOf(template)).map(([key, value]) => [`aws:ResourceTag/${key}`, value.replace(/\$\{[^}]*\}/g, 'known-at-apply')]),
      );
      for (const write of writes) expect(write.Condition).toEqual({ StringEquals: conditions });
      const attachments = resourcesOf(stack, 'aws_iam_role_policy_attachment').filter(([name]) =>
        name.startsWith(`experiment-${experiment.name}_`),
      );
      expect(attachments.map(([, attachment]) => attachment.policy_arn)).toEqual(
        experiment.kind === 'az-loss' ? ['arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorNetworkAccess'] : [],
      );
    }
  });

  it("publishes each template's id in the resilience stack's contract, keyed by experiment", () => {
    for (const plan of resiliencePlans) {
      const output = offline.stacks[plan.name]!.output.fis_experiment_template_ids.value;
      expect(Object.keys(output)).toEqual(plan.experiments.map((experiment) => experiment.name));
    }
  });

  it('leaves the workloads stacks without FIS resources: each resilience stack holds its templates, roles, log groups and log key', () => {
    for (const plan of resiliencePlans) {
      expect(resourcesOf(offline.stacks[plan.workloads.stackName]!, 'aws_fis_experiment_template')).toEqual([]);
      expect(Object.keys(offline.stacks[plan.name]!.resource).sort()).toEqual(
        [
          'aws_cloudwatch_log_group',
          'aws_fis_experiment_template',
          'aws_iam_role',
          'aws_iam_role_policy',
          'aws_kms_alias',
          'aws_kms_key',
          ...(plan.experiments.some((experiment) => experiment.kind === 'az-loss') ? ['aws_iam_role_policy_attachment'] : []),
        ].sort(),
      );
    }
  });
});
