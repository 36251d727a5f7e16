import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkloadsPlan } from '../../model/workloads/types';
import { buildApp } from '../../stacks/app';
import { WorkloadsStack } from '../../stacks/workloads/workloads-stack';
import { sampleModel } from '../support/config';
import { synthesize, type StackJson } from '../support/synth';

const model = sampleModel();
const offline = synthesize(model);
const WORKLOADS = Object.keys(offline.stacks).filter((name) => name.includes('-workloads-'));
const resources = (stack: StackJson, type: string): [string, Record<string, any>][] => Object.entries(stack.resource?.[type] ?? {});
const alarmsOf = (name: string) => resources(offline.stacks[name], 'aws_cloudwatch_metric_alarm').map(([, alarm]) => alarm);
const planOf = (name: string) => model.stacks.find((plan) => plan.name === name) as WorkloadsPlan;
/** Every dimension of an alarm, of its single metric or of the metrics of its expression. */
const dimensionsOf = (alarm: Record<string, any>): Record<string, string>[] =>
  alarm.metric_query
    ? alarm.metric_query.filter((query: any) => query.metric).map((query: any) => query.metric.dimensions)
    : [alarm.dimensions];
const values = (name: string, dimension: string) =>
  alarmsOf(name).flatMap((alarm) => dimensionsOf(alarm).flatMap((dimensions) => (dimensions[dimension] ? [dimensions[dimension]] : [])));

describe('alarms in the workload stacks of the sample organization', () => {
  it("gives every workload stack the alarms of its plan, each notifying the plan's topic on ALARM and on OK", () => {
    for (const name of WORKLOADS) {
      const plan = planOf(name);
      const [topicName] = resources(offline.stacks[name], 'aws_sns_topic').find(
        ([, topic]) => topic.name === `acme-${plan.alarms.notificationTopic}`,
      )!;
      const alarms = alarmsOf(name);
      expect({ name, names: alarms.map((alarm) => alarm.alarm_name).sort() }).toEqual({
        name,
        names: plan.alarms.alarms.map((alarm) => alarm.alarmName).sort(),
      });
      for (const alarm of alarms) {
        expect(alarm.alarm_actions).toEqual([`\${aws_sns_topic.${topicName}.arn}`]);
        expect(alarm.ok_actions).toEqual(alarm.alarm_actions);
      }
    }
  });

  it('watches queues, functions, services and APIs by the names the stack gives them', () => {
    for (const name of WORKLOADS) {
      const stack = offline.stacks[name];
      const named = (type: string, attribute = 'name') => resources(stack, type).map(([, resource]) => resource[attribute]);
      expect(values(name, 'QueueName').filter((queue) => !named('aws_sqs_queue').includes(queue))).toEqual([]);
      expect(values(name, 'FunctionName').filter((fn) => !named('aws_lambda_function', 'function_name').includes(fn))).toEqual([]);
      expect(values(name, 'ServiceName').filter((service) => !named('aws_ecs_service').includes(service))).toEqual([]);
      expect(values(name, 'ClusterName').filter((cluster) => !named('aws_ecs_cluster').includes(cluster))).toEqual([]);
      expect(values(name, 'ApiName').filter((api) => !named('aws_api_gateway_rest_api').includes(api))).toEqual([]);
      expect(values(name, 'RuleName').filter((rule) => !named('aws_cloudwatch_event_rule').includes(rule))).toEqual([]);
    }
    expect(values('dev-workloads-payments-dev', 'QueueName')).toContain('acme-settlements-dlq');
  });

  it('reads the values known only after apply from the resources of the same stack, never from a data source', () => {
    const ids = values('prod-workloads-orders-prod', 'ApiId');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\$\{aws_apigatewayv2_api\.http-api-order-status_api_[0-9A-F]{8}\.id\}$/);
    const groups = values('prod-workloads-analytics-prod', 'AutoScalingGroupName');
    expect(groups).toHaveLength(2);
    for (const group of groups)
      expect(group).toMatch(
        /^\$\{aws_eks_node_group\.eks-platform_node-group-[a-z-]+_node-group_[0-9A-F]{8}\.resources\[0\]\.autoscaling_groups\[0\]\.name\}$/,
      );
    const [[, rule]] = resources(offline.stacks['prod-workloads-analytics-prod'], 'aws_cloudwatch_event_rule').filter(([key]) =>
      key.startsWith('counting-rule-'),
    );
    expect(JSON.parse(rule.event_pattern)).toEqual({
      source: ['aws.batch'],
      'detail-type': ['Batch Job State Change'],
      detail: {
        status: ['FAILED'],
        jobQueue: [expect.stringMatching(/^\$\{aws_batch_job_queue\.batch-queue-nightly_job-queue_[0-9A-F]{8}\.arn\}$/)],
      },
    });
    for (const name of WORKLOADS) {
      const lookups = Object.keys(offline.stacks[name].data ?? {}).filter(
        (type) => !['terraform_remote_state', 'aws_iam_policy_document'].includes(type),
      );
      expect({ name, lookups }).toEqual({ name, lookups: [] });
    }
  });

  it('publishes every alarm ARN by key in the workloads contract', () => {
    const output = offline.stacks['prod-workloads-orders-prod'].output.alarm_arns;
    expect(Object.keys(output.value).sort()).toEqual(
      planOf('prod-workloads-orders-prod')
        .alarms.alarms.map((alarm) => alarm.key)
        .sort(),
    );
    expect(output.value['function/order-status/errors']).toMatch(
      /^\$\{aws_cloudwatch_metric_alarm\.alarm-function--order-status--errors_alarm_[0-9A-F]{8}\.arn\}$/,
    );
  });

  it('hands the stack its alarms by key, for FIS stop conditions', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-alarms-'));
    const app = buildApp(model, { mode: 'offline', outdir, stateDir: path.join(outdir, 'state') });
    const stack = app.node.findChild('prod-workloads-analytics-prod');
    expect(stack).toBeInstanceOf(WorkloadsStack);
    expect([...(stack as WorkloadsStack).alarms.keys()]).toEqual([
      'batch-queue/nightly/failed-jobs',
      'eks-node-group/platform.batch-spot/status-check-failed',
      'eks-node-group/platform.general/status-check-failed',
    ]);
  });
});
