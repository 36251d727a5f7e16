/*
 * Every name the landing zone gives a stack, a state file, a resource or an ARN, derived from
 * config names only (never from positions). Workload stacks address each other's queues, topics
 * and buses through the ARNs computed here, so they never read each other's state.
 */

export const ORG_STACK = 'org';
/** Organization-wide stack in the log-archive account: the central flow-log bucket. */
export const LOG_ARCHIVE_STACK = 'log-archive';
/** Organization-wide stack in the network account: VPC IPAM and its pools. */
export const IPAM_STACK = 'network-ipam';

export function hubStackName(environment: string): string {
  return `${environment}-network-hub`;
}

export function spokeStackName(environment: string, account: string): string {
  return `${environment}-spoke-${account}`;
}

/** A workload account's FIS experiments: `<env>-resilience-<account>`, deployed after its workloads stack. */
export function resilienceStackName(environment: string, account: string): string {
  return `${environment}-resilience-${account}`;
}

export function workloadsStackName(environment: string, account: string): string {
  return `${environment}-workloads-${account}`;
}

/** State key of a stack: `<env>/<stack>.tfstate`; organization-wide stacks live under `global/`. */
export function stateKey(stackName: string, environment: string | undefined): string {
  return `${environment ?? 'global'}/${stackName}.tfstate`;
}

export function deployRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** Prefix of every resource name of an environment: `<org>-<env>`. */
export function environmentPrefix(organization: string, environment: string): string {
  return `${organization}-${environment}`;
}

/** Name of a spoke's resources: `<org>-<env>-<account>`. */
export function spokeResourceName(organization: string, environment: string, account: string): string {
  return `${environmentPrefix(organization, environment)}-${account}`;
}

/** Name of a hub VPC's resources: `<org>-<env>-<vpc>`. */
export function hubVpcResourceName(organization: string, environment: string, vpc: string): string {
  return `${environmentPrefix(organization, environment)}-${vpc}`;
}

export function latticeServiceNetworkName(organization: string, environment: string): string {
  return environmentPrefix(organization, environment);
}

export function ipamName(organization: string): string {
  return `${organization}-ipam`;
}

export function guardrailNamePrefix(organization: string): string {
  return `${organization}-guardrail`;
}

/** The central flow-log bucket's name ends in the log-archive account's id (known or read from the org stack). */
export function flowLogBucketNamePrefix(organization: string): string {
  return `${organization}-vpc-flow-logs-`;
}

/** Construct-safe key of a TGW route: `<route table>-<destination with / : . as ->`. */
export function transitRouteKey(routeTable: string, destination: string): string {
  return `${routeTable}-${destination.replace(/[/:.]/g, '-')}`;
}

/** Name of an IPAM reservation of a fixed VPC block: `<env>-<vpc>`. */
export function ipamReservationKey(environment: string, vpc: string): string {
  return `${environment}-${vpc}`;
}

/** Deterministic ARN of a resource in another account, from names in config. */
export function arn(service: string, region: string, accountId: string, resource: string): string {
  return `arn:aws:${service}:${region}:${accountId}:${resource}`;
}

/** ECS cluster of a workload account: `<org>-<env>-<account>`. */
export function clusterName(organization: string, environment: string, account: string): string {
  return spokeResourceName(organization, environment, account);
}

/** ECR repository name: `<org>/<repository>` (one namespace per organization in every account). */
export function ecrRepositoryName(organization: string, repository: string): string {
  return `${organization}/${repository}`;
}

export function ecrRepositoryArn(region: string, accountId: string, repositoryName: string): string {
  return arn('ecr', region, accountId, `repository/${repositoryName}`);
}

export function ecrImageUri(region: string, accountId: string, repositoryName: string, tag: string): string {
  return `${accountId}.dkr.ecr.${region}.amazonaws.com/${repositoryName}:${tag}`;
}

/** SQS queue name: `<org>-<queue>`; its dead-letter queue adds `-dlq`. */
export function queueName(organization: string, queue: string): string {
  return `${organization}-${queue}`;
}

export function deadLetterQueueName(organization: string, queue: string): string {
  return `${queueName(organization, queue)}-dlq`;
}

export function queueArn(region: string, accountId: string, name: string): string {
  return arn('sqs', region, accountId, name);
}

/** `.fifo` ends the name of every FIFO queue and topic. */
function withFifo(name: string, fifo: boolean): string {
  return fifo ? `${name}.fifo` : name;
}

/** FIFO queue name: `<org>-<queue>.fifo`; its dead-letter queue `<org>-<queue>-dlq.fifo`. */
export function fifoAwareQueueName(organization: string, queue: string, fifo: boolean): string {
  return withFifo(queueName(organization, queue), fifo);
}

export function fifoAwareDeadLetterQueueName(organization: string, queue: string, fifo: boolean): string {
  return withFifo(deadLetterQueueName(organization, queue), fifo);
}

/** SNS topic name: `<org>-<topic>` (`.fifo` for FIFO). */
export function topicName(organization: string, topic: string, fifo: boolean): string {
  return withFifo(`${organization}-${topic}`, fifo);
}

/** An account's custom EventBridge bus: `<org>-<env>-<account>`. */
export function eventBusName(organization: string, environment: string, account: string): string {
  return spokeResourceName(organization, environment, account);
}

export function eventBusResource(busName: string): string {
  return `event-bus/${busName}`;
}

export function eventRuleResource(busName: string, rule: string): string {
  return `rule/${busName}/${rule}`;
}

/** Role with which a bus rule delivers to other accounts' buses: `<bus>-<rule>`, at most 64 characters. */
export function eventDeliveryRoleName(busName: string, rule: string): string {
  return `${busName}-${rule}`.slice(0, 64);
}

/** Alias of a workload account's messaging KMS key: `<org>-<env>-<account>-messaging`. */
export function messagingKeyAlias(organization: string, environment: string, account: string): string {
  return `${spokeResourceName(organization, environment, account)}-messaging`;
}

/** EKS cluster of a workload account: `<org>-<env>-<account>-<cluster>`. */
export function eksClusterName(organization: string, environment: string, account: string, cluster: string): string {
  return `${spokeResourceName(organization, environment, account)}-${cluster}`;
}

/** ARN of an IAM role of an account, by name (access entries and key policies name roles from config). */
export function iamRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** Name of a Batch resource of a workload account (environment, queue, job definition, pipeline): `<org>-<env>-<account>-<name>`. */
export function batchResourceName(organization: string, environment: string, account: string, name: string): string {
  return `${spokeResourceName(organization, environment, account)}-${name}`;
}

export function batchJobQueueArn(region: string, accountId: string, name: string): string {
  return arn('batch', region, accountId, `job-queue/${name}`);
}

/** A job definition's ARN without revision: what a pipeline submits (the latest active revision). */
export function batchJobDefinitionArn(region: string, accountId: string, name: string): string {
  return arn('batch', region, accountId, `job-definition/${name}`);
}

export function stateMachineArn(region: string, accountId: string, name: string): string {
  return arn('states', region, accountId, `stateMachine:${name}`);
}

/** Lambda function name: `<org>-<function>` (unique per account and region). */
export function lambdaFunctionName(organization: string, fn: string): string {
  return `${organization}-${fn}`;
}

export function lambdaFunctionArn(region: string, accountId: string, name: string): string {
  return arn('lambda', region, accountId, `function:${name}`);
}

/** REST or HTTP API name, and its web ACL's: `<org>-<api>`. */
export function apiName(organization: string, api: string): string {
  return `${organization}-${api}`;
}

/** Role a REST API sends to queues and buses with: `<org>-<api>-integrations`, at most 64 characters. */
export function apiIntegrationRoleName(organization: string, api: string): string {
  return `${apiName(organization, api)}-integrations`.slice(0, 64);
}

/** The account's API Gateway CloudWatch role (one per account: the account/region singleton's). */
export function apiGatewayCloudWatchRoleName(organization: string): string {
  return `${organization}-apigateway-cloudwatch`;
}

/** Name of an FIS experiment's resources in its account: `<org>-<experiment>` (role `<name>-fis`, log group `/aws/vendedlogs/fis/<name>`). */
export function experimentName(organization: string, experiment: string): string {
  return `${organization}-${experiment}`;
}

/** Alias name of an account's key for experiment logs: `alias/fis/<org>-<env>-<account>`. */
export function experimentLogKeyName(organization: string, environment: string, account: string): string {
  return spokeResourceName(organization, environment, account);
}
