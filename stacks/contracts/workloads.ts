import { arn } from '../../model/naming';
import { defineContract, output, placeholderAccountId, placeholderHex } from './contract';

/** An `<env>-workloads-<account>` stack: what later stacks (its resilience stack, consumers) build on. */
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
  eksClusterNames: output.map('eks_cluster_names', 'EKS cluster names by cluster', (source, cluster) => `${source.stackName}-${cluster}`),
  eksOidcProviderArns: output.map(
    'eks_oidc_provider_arns',
    'IRSA OIDC provider ARNs by EKS cluster',
    (source, cluster) =>
      `arn:aws:iam::${placeholderAccountId(source.stackName)}:oidc-provider/oidc.eks.${source.region}.amazonaws.com/id/${placeholderHex(cluster).toUpperCase()}`,
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
  batchJobQueueArns: output.map('batch_job_queue_arns', 'AWS Batch job queue ARNs by queue', (source, queue) =>
    arn('batch', source.region, placeholderAccountId(source.stackName), `job-queue/${queue}`),
  ),
  stateMachineArns: output.map('batch_state_machine_arns', 'Step Functions state machine ARNs by Batch pipeline', (source, pipeline) =>
    arn('states', source.region, placeholderAccountId(source.stackName), `stateMachine:${pipeline}`),
  ),
  functionArns: output.map('lambda_function_arns', 'Lambda function ARNs by function', (source, fn) =>
    arn('lambda', source.region, placeholderAccountId(source.stackName), `function:${fn}`),
  ),
  restApiUrls: output.map(
    'rest_api_invoke_urls',
    'Invoke URLs of the REST API stages by API',
    (source, api) => `https://${placeholderHex(api).slice(0, 10)}.execute-api.${source.region}.amazonaws.com/live`,
  ),
  httpApiUrls: output.map(
    'http_api_endpoints',
    'Endpoints of the HTTP APIs by API',
    (source, api) => `https://${placeholderHex(api).slice(0, 10)}.execute-api.${source.region}.amazonaws.com`,
  ),
  alarmArns: output.map('alarm_arns', 'CloudWatch alarm ARNs by alarm key (<kind>/<name>/<signal>)', (source, key) =>
    arn('cloudwatch', source.region, placeholderAccountId(source.stackName), `alarm:${source.stackName}/${key}`),
  ),
});
