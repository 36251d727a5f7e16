import { createHash } from 'node:crypto';
import { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Fn, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import type { PolicyDocument } from '../shared/policy-document';
import { ServiceRole, serviceTrustPolicy } from '../shared/service-role';
import { methodPath, pathKey, RestRoutes, type LambdaTarget, type RestAuthorizer, type RestRoute, type Throttle } from './rest-api-routes';
import { integrationRoleStatements } from './rest-service-integrations';

export type {
  BusTarget,
  HttpMethod,
  LambdaTarget,
  QueueTarget,
  RestAuthorization,
  RestAuthorizer,
  RestRoute,
  Throttle,
} from './rest-api-routes';

/** API Gateway's cache limits: TTL up to 3,600 s (300 by default), cluster sizes in GB. */
export const CACHE_LIMITS = {
  defaultTtlSeconds: 300,
  maxTtlSeconds: 3600,
  sizesGb: ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'],
};

/** Access log line, one JSON object per request (documented in the README's Workloads section). */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  user: '$context.identity.user',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  authorizerError: '$context.authorizer.error',
  wafResponse: '$context.wafResponseCode',
  xrayTraceId: '$context.xrayTraceId',
});

export interface RestStage {
  /** CAUTION: changing it replaces the stage (and its URL). */
  readonly name: string;
  /** Execution logging. `INFO` logs each request's flow; full request data is never logged. @default 'ERROR' */
  readonly loggingLevel?: 'OFF' | 'ERROR' | 'INFO';
  /** Stage-wide throttling (every method without its own). */
  readonly throttle: Throttle;
  /** Response cache, encrypted. @default - no cache */
  readonly cache?: { readonly sizeGb: string; readonly ttlSeconds?: number };
}

export interface UsagePlan {
  /** @default - the stage's throttling */
  readonly throttle?: Throttle;
  /** @default - no quota */
  readonly quota?: { readonly limit: number; readonly period: 'DAY' | 'WEEK' | 'MONTH' };
  /** Names of API keys created for the plan's clients. @default [] */
  readonly apiKeys?: readonly string[];
}

export interface RestApiProps {
  /** CAUTION: changing it replaces the API (and its URL). */
  readonly name: string;
  /** CAUTION: changing it replaces the API. */
  readonly endpointType: 'REGIONAL' | 'PRIVATE';
  /** PRIVATE (required there): the `execute-api` interface endpoints allowed to invoke it; all others are denied. @default [] */
  readonly vpcEndpointIds?: readonly string[];
  /** Functions the routes and authorizers name, by key. */
  readonly functions: Readonly<Record<string, LambdaTarget>>;
  /** Methods by a stable name. */
  readonly routes: Readonly<Record<string, RestRoute>>;
  /** @default {} */
  readonly authorizers?: Readonly<Record<string, RestAuthorizer>>;
  readonly stage: RestStage;
  /** @default 30 */
  readonly accessLogRetentionDays?: number;
  /** @default {} */
  readonly usagePlans?: Readonly<Record<string, UsagePlan>>;
  /**
   * The role API Gateway sends to queues and puts events with (routes with `sendToQueue` or
   * `putEvents`; required there): allowed exactly those targets, and `kmsKeyArn` when one is
   * encrypted with it. CAUTION: changing the name replaces the role. @default - none
   */
  readonly integrationRole?: { readonly name: string; readonly accountId: string; readonly kmsKeyArn?: string };
  /** A regional WAFv2 web ACL to associate with the stage. @default - none */
  readonly webAclArn?: string;
  /** The account's API Gateway CloudWatch role; the stage waits for it (execution logs need it). @default - none */
  readonly accountSettings?: ITerraformDependable;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A REST API (API Gateway v1) of Lambda proxy routes, with a deployment that is replaced whenever
 * a method, integration, authorizer or the resource policy changes (provider#162: a deployment
 * does not follow changes by itself), and a separate stage with access logs, execution logs,
 * X-Ray, throttling and an optional encrypted cache. A PRIVATE API is invocable only through the
 * given `execute-api` interface endpoints.
 */
export class RestApi extends Construct {
  readonly api: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  readonly deployment: ApiGatewayDeployment;
  readonly routes: RestRoutes;
  readonly integrationRole?: ServiceRole;
  readonly apiKeys = new Map<string, ApiGatewayApiKey>();

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id);
    validate(props);
    const tags = { Name: props.name, ...props.tags };
    const isPrivate = props.endpointType === 'PRIVATE';
    this.api = new ApiGatewayRestApi(this, 'api', {
      name: props.name,
      endpointConfiguration: { types: [props.endpointType], vpcEndpointIds: isPrivate ? [...(props.vpcEndpointIds ?? [])] : undefined },
      apiKeySource: 'HEADER',
      tags,
    });
    const policy = isPrivate ? this.privatePolicy(props.vpcEndpointIds ?? []) : undefined;
    this.integrationRole = this.serviceIntegrationRole(props, tags);
    this.routes = new RestRoutes(this, 'routes', {
      api: this.api,
      functions: props.functions,
      routes: props.routes,
      authorizers: props.authorizers ?? {},
      ...(this.integrationRole ? { integrationRoleArn: this.integrationRole.roleArn } : {}),
    });
    this.deployment = new ApiGatewayDeployment(this, 'deployment', {
      restApiId: this.api.id,
      description: `${props.name}: ${Object.keys(props.routes).length} methods`,
      triggers: { configuration: configurationHash(props), resources: this.resourcesHash(policy) },
      lifecycle: { createBeforeDestroy: true },
    });
    const accessLogs = new CloudwatchLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${props.name}/${props.stage.name}/access`,
      retentionInDays: props.accessLogRetentionDays ?? 30,
      tags,
    });
    this.stage = new ApiGatewayStage(this, 'stage', {
      restApiId: this.api.id,
      stageName: props.stage.name,
      deploymentId: this.deployment.id,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
      ...(props.stage.cache ? { cacheClusterEnabled: true, cacheClusterSize: props.stage.cache.sizeGb } : {}),
      tags,
      dependsOn: props.accountSettings ? [props.accountSettings] : undefined,
    });
    this.methodSettings(props);
    this.usagePlans(props, tags);
    if (props.webAclArn) new Wafv2WebAclAssociation(this, 'web-acl', { resourceArn: this.stage.arn, webAclArn: props.webAclArn });
  }

  get invokeUrl(): string {
    return this.stage.invokeUrl;
  }

  /** The role of the service integrations, when a route sends to a queue or puts events. */
  private serviceIntegrationRole(props: RestApiProps, tags: Record<string, string>): ServiceRole | undefined {
    const targets = Object.values(props.routes).filter((route) => route.sendToQueue || route.putEvents);
    if (targets.length === 0 || !props.integrationRole) return undefined;
    const { name, accountId, kmsKeyArn } = props.integrationRole;
    return new ServiceRole(this, 'integration-role', {
      name,
      description: `API Gateway sends requests of ${props.name} to queues and event buses`,
      trustPolicy: serviceTrustPolicy('apigateway.amazonaws.com', accountId),
      statements: integrationRoleStatements(targets, kmsKeyArn),
      tags,
    });
  }

  private privatePolicy(vpcEndpointIds: readonly string[]): ApiGatewayRestApiPolicy {
    const resource = `${this.api.executionArn}/*`;
    const condition = { 'aws:SourceVpce': [...vpcEndpointIds] };
    const document: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OnlyThroughEndpoint',
          Effect: 'Deny',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: resource,
          Condition: { StringNotEquals: condition },
        },
        {
          Sid: 'InvokeThroughEndpoint',
          Effect: 'Allow',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: resource,
          Condition: { StringEquals: condition },
        },
      ],
    };
    return new ApiGatewayRestApiPolicy(this, 'policy', { restApiId: this.api.id, policy: JSON.stringify(document) });
  }

  /**
   * What the methods, integrations, authorizers and policy are in Terraform's eyes, hashed at plan
   * time: a replaced function, a new policy or a method changed outside config also redeploys.
   */
  private resourcesHash(policy: ApiGatewayRestApiPolicy | undefined): string {
    const parts = [
      ...[...this.routes.methods.values()].flatMap((method) => [
        method.id,
        method.authorization,
        method.authorizerId,
        method.apiKeyRequired,
      ]),
      ...[...this.routes.integrations.values()].flatMap((integration) => [integration.id, integration.uri]),
      ...this.routes.integrationResponses.map((response) => response.id),
      ...[...this.routes.authorizers.values()].flatMap((authorizer) => [authorizer.id, authorizer.authorizerUri]),
      ...(policy ? [policy.policy] : []),
    ];
    return Fn.sha1(Fn.jsonencode(parts));
  }

  private methodSettings(props: RestApiProps): void {
    const { stage } = props;
    const cache = stage.cache;
    new ApiGatewayMethodSettings(this, 'method-settings', {
      restApiId: this.api.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: {
        loggingLevel: stage.loggingLevel ?? 'ERROR',
        metricsEnabled: true,
        dataTraceEnabled: false,
        throttlingRateLimit: stage.throttle.rateLimit,
        throttlingBurstLimit: stage.throttle.burstLimit,
        cachingEnabled: cache !== undefined,
        ...(cache ? { cacheTtlInSeconds: cache.ttlSeconds ?? CACHE_LIMITS.defaultTtlSeconds, cacheDataEncrypted: true } : {}),
      },
    });
    for (const [name, route] of Object.entries(props.routes)) {
      if (!route.throttle) continue;
      new ApiGatewayMethodSettings(this, `method-settings-${name}`, {
        restApiId: this.api.id,
        stageName: this.stage.stageName,
        methodPath: methodPath(route),
        settings: {
          loggingLevel: stage.loggingLevel ?? 'ERROR',
          metricsEnabled: true,
          dataTraceEnabled: false,
          throttlingRateLimit: route.throttle.rateLimit,
          throttlingBurstLimit: route.throttle.burstLimit,
        },
      });
    }
  }

  private usagePlans(props: RestApiProps, tags: Record<string, string>): void {
    for (const [name, plan] of Object.entries(props.usagePlans ?? {})) {
      const usagePlan = new ApiGatewayUsagePlan(this, `usage-plan-${name}`, {
        name: `${props.name}-${name}`,
        apiStages: [{ apiId: this.api.id, stage: this.stage.stageName }],
        throttleSettings: plan.throttle ? { rateLimit: plan.throttle.rateLimit, burstLimit: plan.throttle.burstLimit } : undefined,
        quotaSettings: plan.quota ? { limit: plan.quota.limit, period: plan.quota.period } : undefined,
        tags,
      });
      for (const keyName of plan.apiKeys ?? []) {
        const key = new ApiGatewayApiKey(this, `api-key-${keyName}`, { name: `${props.name}-${keyName}`, tags });
        this.apiKeys.set(keyName, key);
        new ApiGatewayUsagePlanKey(this, `usage-plan-${name}-key-${keyName}`, {
          keyId: key.id,
          keyType: 'API_KEY',
          usagePlanId: usagePlan.id,
        });
      }
    }
  }
}

/** Everything about the routes that config decides, hashed at synth: any change replaces the deployment. */
function configurationHash(props: RestApiProps): string {
  const routes = Object.entries(props.routes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, route]) => ({
      name,
      path: route.path,
      method: route.method,
      // Lambda routes hash as they always have, so existing deployments stay; service routes by target names.
      ...(route.function !== undefined ? { function: route.function } : { target: serviceTarget(route) }),
      authorization: route.authorization,
      apiKeyRequired: route.apiKeyRequired ?? false,
    }));
  const authorizers = Object.entries(props.authorizers ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const text = JSON.stringify({ endpointType: props.endpointType, routes, authorizers });
  return createHash('sha1').update(text).digest('hex');
}

/** What a service route does, in names only (a token's text changes with unrelated constructs). */
function serviceTarget(route: RestRoute): string {
  if (route.sendToQueue) return `sqs:${route.sendToQueue.queueName}${route.sendToQueue.fifo ? ':fifo' : ''}`;
  return `events:${route.putEvents?.source}/${route.putEvents?.detailType}`;
}

function validate(props: RestApiProps): void {
  const where = `RestApi ${props.name}`;
  validateConstructNames(where, 'routes key', Object.keys(props.routes));
  validateConstructNames(where, 'authorizers key', Object.keys(props.authorizers ?? {}));
  validateConstructNames(where, 'usagePlans key', Object.keys(props.usagePlans ?? {}));
  validateConstructNames(where, 'functions key', Object.keys(props.functions));
  if (Object.keys(props.routes).length === 0) throw new Error(`${where}: routes is empty; a deployment needs at least one method`);
  if (props.endpointType === 'PRIVATE' && (props.vpcEndpointIds ?? []).length === 0) {
    throw new Error(`${where}: a PRIVATE API needs vpcEndpointIds; give the hub's execute-api endpoint id`);
  }
  const paths = new Map<string, string>();
  for (const [name, route] of Object.entries(props.routes)) {
    if (!route.path.startsWith('/')) throw new Error(`${where}: routes.${name}.path "${route.path}" must start with /`);
    const other = paths.get(pathKey(route.path));
    if (other !== undefined && other !== route.path)
      throw new Error(`${where}: routes.${name}.path "${route.path}" and "${other}" map to one construct id; rename one`);
    paths.set(pathKey(route.path), route.path);
    const targets = [route.function, route.sendToQueue, route.putEvents].filter((target) => target !== undefined);
    if (targets.length !== 1) throw new Error(`${where}: routes.${name} needs exactly one of function, sendToQueue and putEvents`);
    if (route.function !== undefined && !props.functions[route.function])
      throw new Error(`${where}: routes.${name}.function "${route.function}" is not a key of functions`);
    if (route.function === undefined && !props.integrationRole)
      throw new Error(`${where}: routes.${name} sends to a service; give integrationRole (its name and account)`);
    const { authorization } = route;
    if ('authorizer' in authorization && !props.authorizers?.[authorization.authorizer]) {
      throw new Error(`${where}: routes.${name} names authorizer "${authorization.authorizer}", which is not a key of authorizers`);
    }
  }
  for (const [name, authorizer] of Object.entries(props.authorizers ?? {})) {
    const needsFunction = authorizer.type !== 'COGNITO_USER_POOLS';
    if (needsFunction && !(authorizer.function && props.functions[authorizer.function])) {
      throw new Error(`${where}: authorizers.${name} (${authorizer.type}) needs a function that is a key of functions`);
    }
    if (!needsFunction && (authorizer.userPoolArns ?? []).length === 0) throw new Error(`${where}: authorizers.${name} needs userPoolArns`);
  }
  const ttl = props.stage.cache?.ttlSeconds;
  if (ttl !== undefined && (ttl < 0 || ttl > CACHE_LIMITS.maxTtlSeconds)) {
    throw new Error(`${where}: stage.cache.ttlSeconds ${ttl} is not 0–3,600; API Gateway caches at most an hour`);
  }
  if (props.stage.cache && !CACHE_LIMITS.sizesGb.includes(props.stage.cache.sizeGb)) {
    throw new Error(`${where}: stage.cache.sizeGb ${props.stage.cache.sizeGb} is not one of ${CACHE_LIMITS.sizesGb.join(', ')}`);
  }
}
