import { arn } from '../../model/naming';
import { defineContract, output, placeholderAccountId, placeholderHex } from './contract';

/** An `<env>-workloads-<account>` stack: what later stacks (alarms, experiments, consumers) build on. */
export const workloadsContract = defineContract('workloads', {
  clusterName: output.string('ecs_cluster_name', 'Name of the ECS cluster; empty without containers', (source) => source.stackName),
  clusterArn: output.string('ecs_cluster_arn', 'ARN of the ECS cluster; empty without containers', (source) =>
    arn('ecs', source.region, placeholderAccountId(source.stackName), `cluster/${source.stackName}`),
  ),
  serviceNames: output.map('ecs_service_names', 'ECS service names by service', (_source, service) => service),
  repositoryUrls: output.map(
    'ecr_repository_urls',
    'ECR repository URLs by repository',
    (source, repository) => `${placeholderAccountId(source.stackName)}.dkr.ecr.${source.region}.amazonaws.com/${repository}`,
  ),
  queueArns: output.map('queue_arns', 'SQS queue ARNs by queue', (source, queue) =>
    arn('sqs', source.region, placeholderAccountId(source.stackName), queue),
  ),
  queueUrls: output.map(
    'queue_urls',
    'SQS queue URLs by queue',
    (source, queue) =>
      `https://sqs.${source.region}.amazonaws.com/${placeholderAccountId(source.stackName)}/${queue}-${placeholderHex(queue).slice(0, 4)}`,
  ),
  topicArns: output.map('topic_arns', 'SNS topic ARNs by topic', (source, topic) =>
    arn('sns', source.region, placeholderAccountId(source.stackName), topic),
  ),
  eventBusArn: output.string('event_bus_arn', "ARN of the account's event bus; empty without one", (source) =>
    arn('events', source.region, placeholderAccountId(source.stackName), `event-bus/${source.stackName}`),
  ),
});
