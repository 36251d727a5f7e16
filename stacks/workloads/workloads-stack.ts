import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { WorkloadsPlan } from '../../model/workloads/types';
import { LandingZoneStack } from '../base/landing-zone-stack';
import { spokeContract } from '../contracts/spoke';
import { workloadsContract } from '../contracts/workloads';
import type { SynthSettings } from '../settings';
import { placeAlarms } from './alarms';
import { placeBatch } from './batch';
import { placeContainers } from './containers';
import { placeMessaging } from './messaging';
import { placeKubernetes } from './kubernetes';
import { placeServerless } from './serverless';

/**
 * A workload account's workloads in one environment: its queues, its containers (ECS cluster,
 * services, ECR), its functions and APIs, and the alarms on all of them. Deployed with the account's role after its spoke, whose
 * contract gives it the subnets and security groups; the hub's gives it the Lattice service network
 * and the execute-api endpoint.
 */
export class WorkloadsStack extends LandingZoneStack {
  /** The stack's CloudWatch alarms by key (`<kind>/<name>/<signal>`): what FIS experiments stop on. */
  readonly alarms: ReadonlyMap<string, CloudwatchMetricAlarm>;

  constructor(scope: Construct, plan: WorkloadsPlan, settings: SynthSettings) {
    super(scope, plan, settings);
    const network = this.read(spokeContract, 'spoke-outputs', plan.spoke);
    const messaging = placeMessaging(this, plan);
    const queues = messaging.queues;
    const messagingKeyArn = messaging.key?.keyArn;
    const containers = plan.containers ? placeContainers(this, plan, plan.containers, { network, queues, messagingKeyArn }) : undefined;
    const clusters = plan.kubernetes ? placeKubernetes(this, plan, plan.kubernetes, { network }) : new Map();
    const batch = plan.batch ? placeBatch(this, plan, plan.batch, network, messagingKeyArn) : undefined;
    const serverless = plan.serverless ? placeServerless(this, plan, plan.serverless, { network, queues, messagingKeyArn }) : undefined;
    this.alarms = placeAlarms(this, plan, {
      topics: messaging.topics,
      httpApis: serverless?.httpApis,
      clusters,
      batchQueues: batch?.queues,
    });
    const byName = (entries: Iterable<[string, string]>) => Object.fromEntries(entries);
    workloadsContract.publish(this, {
      clusterName: containers?.cluster.clusterName ?? '',
      clusterArn: containers?.cluster.clusterArn ?? '',
      serviceNames: byName([...(containers?.services ?? [])].map(([name, service]) => [name, service.serviceName])),
      repositoryUrls: byName(
        [...(containers?.repositories ?? [])].map(([name, repository]) => [name, repository.repository.repositoryUrl]),
      ),
      eksClusterNames: byName([...clusters].map(([name, cluster]) => [name, cluster.clusterName])),
      eksOidcProviderArns: byName([...clusters].map(([name, cluster]) => [name, cluster.cluster.oidcProviderArn])),
      queueArns: byName(plan.queues.map((queue) => [queue.name, queues.get(queue.queueName)?.queueArn ?? ''])),
      queueUrls: byName(plan.queues.map((queue) => [queue.name, queues.get(queue.queueName)?.queueUrl ?? ''])),
      topicArns: byName([...messaging.topics].map(([name, topic]) => [name, topic.topicArn])),
      eventBusArn: messaging.eventBus?.busArn ?? '',
      batchJobQueueArns: byName([...(batch?.queues ?? [])].map(([name, queue]) => [name, queue.queueArn])),
      stateMachineArns: byName([...(batch?.pipelines ?? [])].map(([name, pipeline]) => [name, pipeline.stateMachineArn])),
      functionArns: byName([...(serverless?.functions ?? [])].map(([name, fn]) => [name, fn.functionArn])),
      restApiUrls: byName([...(serverless?.restApis ?? [])].map(([name, api]) => [name, api.invokeUrl])),
      httpApiUrls: byName([...(serverless?.httpApis ?? [])].map(([name, api]) => [name, api.endpoint])),
      alarmArns: byName([...this.alarms].map(([key, alarm]) => [key, alarm.arn])),
    });
  }
}
