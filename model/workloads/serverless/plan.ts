import { apiGatewayCloudWatchRoleName, apiIntegrationRoleName, apiName, lambdaFunctionName, queueName } from '../../naming';
import { zoneSuffix } from '../../regions';
import type { PlanContext } from '../context';
import { ownEventBus, ownQueue, planPublishes } from '../messaging/publishes';
import type { HttpApiConfig, LambdaFunctionConfig, RestApiConfig, RestRouteConfig, ServerlessConfig } from './schema';
import type {
  ApiAuthorizationPlan,
  HttpApiPlan,
  LambdaFunctionPlan,
  QueueSourcePlan,
  RestApiPlan,
  RestAuthorizerPlan,
  RestTargetPlan,
  ServerlessPlan,
} from './types';

/** Entries of a config map in name order, so plans (and the stack built from them) never depend on file order. */
function byName<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

/** Functions, REST and HTTP APIs in name order; the API Gateway CloudWatch role when there is a REST API. */
export function planServerless(context: PlanContext, serverless: ServerlessConfig): ServerlessPlan {
  const { organization } = context;
  const restApis = byName(serverless.restApis).map(([name, api]) => planRestApi(context, name, api));
  return {
    functions: byName(serverless.functions).map(([name, fn]) => planFunction(context, name, fn)),
    restApis,
    httpApis: byName(serverless.httpApis).map(([name, api]) => planHttpApi(organization, name, api)),
    ...(restApis.length > 0 ? { cloudWatchRoleName: apiGatewayCloudWatchRoleName(organization) } : {}),
  };
}

/** True when a REST API is private: the stack then reads the hub for its execute-api endpoint. */
export function usesPrivateRestApi(serverless: ServerlessConfig | undefined): boolean {
  return Object.values(serverless?.restApis ?? {}).some((api) => api.endpointType === 'private');
}

function planFunction(context: PlanContext, name: string, fn: LambdaFunctionConfig): LambdaFunctionPlan {
  const { s3Bucket, s3Key, s3ObjectVersion, sourceCodeHash } = fn.code;
  return {
    name,
    functionName: lambdaFunctionName(context.organization, name),
    code: { s3Bucket, s3Key, ...(s3ObjectVersion ? { s3ObjectVersion } : {}), ...(sourceCodeHash ? { sourceCodeHash } : {}) },
    runtime: fn.runtime,
    handler: fn.handler,
    architecture: fn.architecture,
    memoryMb: fn.memoryMb,
    timeoutSeconds: fn.timeoutSeconds,
    ephemeralStorageMb: fn.ephemeralStorageMb,
    reservedConcurrency: fn.reservedConcurrency,
    environment: fn.environment,
    logRetentionDays: fn.logRetentionDays,
    logLevel: fn.logLevel,
    ...(fn.failureQueue ? { failureQueueName: queueName(context.organization, fn.failureQueue) } : {}),
    ...(fn.privateResources
      ? {
          subnetKeys: context.spokeVpc.subnets
            .filter((subnet) => subnet.tier === 'app')
            .map((subnet) => `${subnet.tier}-${zoneSuffix(subnet.zone)}`),
        }
      : {}),
    queueSources: byName(fn.consumes).map(([queue, source]): QueueSourcePlan => {
      const { queueName: name, encrypted } = ownQueue(context, queue);
      return {
        queue,
        queueName: name,
        batchSize: source.batchSize,
        ...(source.maximumBatchingWindowSeconds !== undefined ? { maximumBatchingWindowSeconds: source.maximumBatchingWindowSeconds } : {}),
        ...(source.maximumConcurrency !== undefined ? { maximumConcurrency: source.maximumConcurrency } : {}),
        encrypted,
      };
    }),
    ...withPublishes(context, fn.publishes),
  };
}

function withPublishes(context: PlanContext, publishes: LambdaFunctionConfig['publishes']) {
  const plan = planPublishes(context, publishes);
  return plan ? { publishes: plan } : {};
}

/** A REST method's target: exactly one of function, queue and bus (validation says so first). */
function restTarget(context: PlanContext, api: string, name: string, route: RestRouteConfig): RestTargetPlan {
  if (route.queue !== undefined) {
    const { arn, fifo, encrypted } = ownQueue(context, route.queue);
    return { kind: 'queue', queue: route.queue, arn, fifo, encrypted };
  }
  if (route.bus !== undefined) {
    const { arn, encrypted } = ownEventBus(context);
    const source = route.event?.source ?? `${context.organization}.${api}`;
    return { kind: 'bus', arn, source, detailType: route.event?.detailType ?? name, encrypted };
  }
  if (route.function === undefined) throw new Error(`internal: route ${name} of API ${api} has no target; validation should have said so`);
  return { kind: 'function', function: route.function };
}

const REST_AUTHORIZER_TYPES = { token: 'TOKEN', request: 'REQUEST', cognito: 'COGNITO_USER_POOLS' } as const;

function authorization<A extends string>(value: string, authorizerType: (name: string) => A | undefined): ApiAuthorizationPlan<A> {
  if (value === 'none') return { type: 'NONE' };
  if (value === 'iam') return { type: 'AWS_IAM' };
  const type = authorizerType(value);
  if (type === undefined) throw new Error(`internal: authorizer ${value} does not resolve; validation should have said so`);
  return { type, authorizer: value };
}

function planRestApi(context: PlanContext, name: string, api: RestApiConfig): RestApiPlan {
  const { organization } = context;
  const authorizers: RestAuthorizerPlan[] = byName(api.authorizers).map(([authorizerName, spec]) => ({
    name: authorizerName,
    type: REST_AUTHORIZER_TYPES[spec.type],
    ...('function' in spec ? { function: spec.function } : { userPoolArns: spec.userPoolArns }),
    identitySource: spec.identitySource,
    resultTtlSeconds: spec.resultTtlSeconds,
  }));
  const authorizerType = (authorizer: string) => {
    const found = authorizers.find((candidate) => candidate.name === authorizer);
    if (!found) return undefined;
    return found.type === 'COGNITO_USER_POOLS' ? ('COGNITO_USER_POOLS' as const) : ('CUSTOM' as const);
  };
  const { stage } = api;
  return {
    name,
    apiName: apiName(organization, name),
    endpointType: api.endpointType === 'private' ? 'PRIVATE' : 'REGIONAL',
    routes: byName(api.routes).map(([routeName, route]) => ({
      name: routeName,
      method: route.method,
      path: route.path,
      target: restTarget(context, name, routeName, route),
      authorization: authorization(route.authorization, authorizerType),
      apiKeyRequired: route.apiKeyRequired,
      ...(route.throttle ? { throttle: route.throttle } : {}),
    })),
    authorizers,
    stage: {
      name: stage.name,
      loggingLevel: stage.loggingLevel,
      throttle: stage.throttle,
      ...(stage.cache ? { cache: { sizeGb: stage.cache.sizeGb, ttlSeconds: stage.cache.ttlSeconds } } : {}),
    },
    usagePlans: byName(api.usagePlans).map(([planName, plan]) => ({
      name: planName,
      ...(plan.throttle ? { throttle: plan.throttle } : {}),
      ...(plan.quota ? { quota: plan.quota } : {}),
      apiKeys: plan.apiKeys,
    })),
    ...(Object.values(api.routes).some((route) => route.function === undefined)
      ? { integrationRoleName: apiIntegrationRoleName(organization, name) }
      : {}),
    ...(api.waf ? { webAclName: apiName(organization, name) } : {}),
    accessLogRetentionDays: api.accessLogRetentionDays,
  };
}

function planHttpApi(organization: string, name: string, api: HttpApiConfig): HttpApiPlan {
  const authorizerType = (authorizer: string) => {
    const spec = api.authorizers[authorizer];
    if (!spec) return undefined;
    return spec.type === 'jwt' ? ('JWT' as const) : ('CUSTOM' as const);
  };
  return {
    name,
    apiName: apiName(organization, name),
    routes: byName(api.routes).map(([routeName, route]) => ({
      name: routeName,
      method: route.method,
      path: route.path,
      function: route.function,
      authorization: authorization(route.authorization, authorizerType),
    })),
    authorizers: byName(api.authorizers).map(([authorizerName, spec]) =>
      spec.type === 'jwt'
        ? { name: authorizerName, type: 'JWT' as const, jwt: { issuer: spec.issuer, audience: spec.audience } }
        : { name: authorizerName, type: 'REQUEST' as const, function: spec.function },
    ),
    throttle: api.throttle,
    accessLogRetentionDays: api.accessLogRetentionDays,
  };
}
