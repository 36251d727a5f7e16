import type { Queue } from '../../modules/messaging/queue';
import { ApiGatewayCloudWatchRole } from '../../modules/serverless/api-gateway-account';
import { HttpApi } from '../../modules/serverless/http-api';
import { LambdaFunction } from '../../modules/serverless/lambda-function';
import { RestApi, type LambdaTarget, type RestRoute } from '../../modules/serverless/rest-api';
import { RegionalWebAcl } from '../../modules/serverless/web-acl';
import type { RestRoutePlan } from '../../model/workloads/serverless/types';
import type { HttpApiPlan, LambdaFunctionPlan, RestApiPlan, ServerlessPlan, WorkloadsPlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import type { ContractReader } from '../contracts/contract';
import { hubContract } from '../contracts/hub';
import type { spokeContract } from '../contracts/spoke';
import { arnOfRef, publisherStatements } from './messaging';

export interface ServerlessInputs {
  readonly network: ContractReader<typeof spokeContract.outputs>;
  /** Queues of the stack by SQS queue name. */
  readonly queues: ReadonlyMap<string, Queue>;
  /** The account's messaging key, for functions and methods that use a KMS-encrypted topic, queue or bus. @default - none */
  readonly messagingKeyArn?: string;
}

export interface PlacedServerless {
  readonly functions: ReadonlyMap<string, LambdaFunction>;
  readonly restApis: ReadonlyMap<string, RestApi>;
  readonly httpApis: ReadonlyMap<string, HttpApi>;
}

/**
 * The account's functions and APIs. The API Gateway CloudWatch role is an account/region
 * singleton: this stack (one per account) is its only owner. A private REST API is invocable only
 * through the hub's execute-api endpoint, read from the hub contract.
 */
export function placeServerless(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  serverless: ServerlessPlan,
  inputs: ServerlessInputs,
): PlacedServerless {
  const accountId = stack.accountId(plan.account);
  const functions = new Map(
    serverless.functions.map((fn) => [fn.name, new LambdaFunction(stack, `function-${fn.name}`, functionProps(stack, fn, plan, inputs))]),
  );
  const targets: Record<string, LambdaTarget> = Object.fromEntries(functions);
  const cloudWatchRole = serverless.cloudWatchRoleName
    ? new ApiGatewayCloudWatchRole(stack, 'api-gateway-account', { name: serverless.cloudWatchRoleName, accountId })
    : undefined;
  const privateApis = serverless.restApis.some((api) => api.endpointType === 'PRIVATE');
  // Its own read of the hub: containers read the hub separately, only for Lattice.
  const hub = privateApis && plan.hub ? stack.read(hubContract, 'hub-outputs-serverless', plan.hub) : undefined;
  const restApis = new Map(
    serverless.restApis.map((api) => [
      api.name,
      new RestApi(stack, `rest-api-${api.name}`, {
        ...restApiProps(stack, api, targets, { accountId, messagingKeyArn: inputs.messagingKeyArn }),
        ...(api.endpointType === 'PRIVATE' && hub ? { vpcEndpointIds: [hub.entry('interfaceEndpointIds', 'execute-api')] } : {}),
        accountSettings: cloudWatchRole?.account,
      }),
    ]),
  );
  const httpApis = new Map(
    serverless.httpApis.map((api) => [api.name, new HttpApi(stack, `http-api-${api.name}`, httpApiProps(api, targets))]),
  );
  return { functions, restApis, httpApis };
}

function functionProps(stack: LandingZoneStack, fn: LambdaFunctionPlan, plan: WorkloadsPlan, inputs: ServerlessInputs) {
  const failureQueue = fn.failureQueueName ? inputs.queues.get(fn.failureQueueName) : undefined;
  return {
    name: fn.functionName,
    accountId: stack.accountId(plan.account),
    region: plan.region,
    code: fn.code,
    runtime: fn.runtime,
    handler: fn.handler,
    architecture: fn.architecture,
    memorySizeMb: fn.memoryMb,
    timeoutSeconds: fn.timeoutSeconds,
    ephemeralStorageMb: fn.ephemeralStorageMb,
    reservedConcurrency: fn.reservedConcurrency,
    environment: fn.environment,
    logRetentionDays: fn.logRetentionDays,
    applicationLogLevel: fn.logLevel,
    ...(failureQueue ? { failureQueueArn: failureQueue.queueArn } : {}),
    ...(fn.subnetKeys
      ? { vpc: { vpcId: inputs.network.string('vpcId'), subnetIds: Object.values(inputs.network.entries('subnetIds', fn.subnetKeys)) } }
      : {}),
    queueSources: queueSources(fn, inputs),
    statements: publisherStatements(stack, fn.publishes, inputs.messagingKeyArn),
  };
}

/** The function's queue sources, on the queues of this stack (the mapping waits for its queue). */
function queueSources(fn: LambdaFunctionPlan, inputs: ServerlessInputs) {
  return Object.fromEntries(
    fn.queueSources.map((source) => {
      const queue = inputs.queues.get(source.queueName);
      if (!queue) throw new Error(`internal: function ${fn.name} consumes ${source.queueName}, which this stack has no queue of`);
      return [
        source.queue,
        {
          queueArn: queue.queueArn,
          batchSize: source.batchSize,
          maximumBatchingWindowSeconds: source.maximumBatchingWindowSeconds,
          maximumConcurrency: source.maximumConcurrency,
          ...(source.encrypted && inputs.messagingKeyArn ? { kmsKeyArn: inputs.messagingKeyArn } : {}),
        },
      ];
    }),
  );
}

function restApiProps(
  stack: LandingZoneStack,
  api: RestApiPlan,
  functions: Record<string, LambdaTarget>,
  account: { readonly accountId: string; readonly messagingKeyArn?: string },
) {
  const webAcl = api.webAclName ? new RegionalWebAcl(stack, `web-acl-${api.name}`, { name: api.webAclName }) : undefined;
  const encrypted = api.routes.some((route) => route.target.kind !== 'function' && route.target.encrypted);
  return {
    name: api.apiName,
    endpointType: api.endpointType,
    functions,
    routes: Object.fromEntries(api.routes.map((route) => [route.name, restRoute(stack, route)])),
    authorizers: Object.fromEntries(api.authorizers.map(({ name, ...authorizer }) => [name, authorizer])),
    stage: api.stage,
    usagePlans: Object.fromEntries(api.usagePlans.map(({ name, ...usagePlan }) => [name, usagePlan])),
    accessLogRetentionDays: api.accessLogRetentionDays,
    ...(api.integrationRoleName
      ? {
          integrationRole: {
            name: api.integrationRoleName,
            accountId: account.accountId,
            ...(encrypted && account.messagingKeyArn ? { kmsKeyArn: account.messagingKeyArn } : {}),
          },
        }
      : {}),
    ...(webAcl ? { webAclArn: webAcl.webAclArn } : {}),
  };
}

/** A method of the plan as the module takes it: a function's key, or a queue or bus of this account. */
function restRoute(stack: LandingZoneStack, route: RestRoutePlan): RestRoute {
  const { target } = route;
  const method = {
    path: route.path,
    method: route.method,
    authorization: route.authorization,
    apiKeyRequired: route.apiKeyRequired,
    ...(route.throttle ? { throttle: route.throttle } : {}),
  };
  if (target.kind === 'function') return { ...method, function: target.function };
  if (target.kind === 'queue') {
    const { region, account, resource } = target.arn;
    return { ...method, sendToQueue: { region, accountId: stack.accountId(account), queueName: resource, fifo: target.fifo } };
  }
  return {
    ...method,
    putEvents: { region: target.arn.region, busArn: arnOfRef(stack, target.arn), source: target.source, detailType: target.detailType },
  };
}

function httpApiProps(api: HttpApiPlan, functions: Record<string, LambdaTarget>) {
  return {
    name: api.apiName,
    functions,
    routes: Object.fromEntries(api.routes.map((route) => [route.name, route])),
    authorizers: Object.fromEntries(api.authorizers.map(({ name, ...authorizer }) => [name, authorizer])),
    throttle: api.throttle,
    accessLogRetentionDays: api.accessLogRetentionDays,
  };
}
