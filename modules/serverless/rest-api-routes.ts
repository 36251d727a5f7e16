import { ApiGatewayAuthorizer } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import type { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { ServiceIntegration, type BusTarget, type QueueTarget } from './rest-service-integrations';

export type { BusTarget, QueueTarget } from './rest-service-integrations';

/** A Lambda function an API invokes. */
export interface LambdaTarget {
  readonly functionName: string;
  readonly invokeArn: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ANY';

/** Who may call a method: nobody unauthenticated unless `NONE` is said out loud (policy rule LZ-APIGW-002 flags it). */
export type RestAuthorization =
  | { readonly type: 'NONE' }
  | { readonly type: 'AWS_IAM' }
  | { readonly type: 'CUSTOM' | 'COGNITO_USER_POOLS'; readonly authorizer: string };

export interface RestRoute {
  /** Resource path, e.g. `/orders/{orderId}`. CAUTION: changing it replaces the method and integration. */
  readonly path: string;
  readonly method: HttpMethod;
  /** Key of `functions` that handles it (Lambda proxy integration). Exactly one of function, sendToQueue and putEvents. @default - none */
  readonly function?: string;
  /** Send the request body to this queue as one message, with the API's integration role. @default - none */
  readonly sendToQueue?: QueueTarget;
  /** Put the request body on this bus as one event's detail, with the API's integration role. @default - none */
  readonly putEvents?: BusTarget;
  readonly authorization: RestAuthorization;
  /** @default false */
  readonly apiKeyRequired?: boolean;
  /** Throttling of this method, overriding the stage's. @default - the stage's */
  readonly throttle?: Throttle;
}

export interface Throttle {
  /** Requests per second. */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface RestAuthorizer {
  readonly type: 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';
  /** Key of `functions` (TOKEN and REQUEST; required there). @default - none (COGNITO_USER_POOLS) */
  readonly function?: string;
  /** @default 'method.request.header.Authorization' */
  readonly identitySource?: string;
  /** Seconds API Gateway caches a decision (0–3,600). @default 300 */
  readonly resultTtlSeconds?: number;
  /** Cognito user pool ARNs (COGNITO_USER_POOLS; required there). @default [] */
  readonly userPoolArns?: readonly string[];
}

export interface RestRoutesProps {
  readonly api: ApiGatewayRestApi;
  readonly functions: Readonly<Record<string, LambdaTarget>>;
  readonly routes: Readonly<Record<string, RestRoute>>;
  readonly authorizers: Readonly<Record<string, RestAuthorizer>>;
  /** Role API Gateway sends to queues and buses with; required when a route has sendToQueue or putEvents. @default - none */
  readonly integrationRoleArn?: string;
}

/**
 * Path segments as resources (one per distinct path), methods with Lambda proxy integrations or
 * service integrations (SQS, EventBridge), authorizers and invoke permissions.
 */
export class RestRoutes extends Construct {
  readonly methods = new Map<string, ApiGatewayMethod>();
  readonly integrations = new Map<string, ApiGatewayIntegration>();
  readonly authorizers = new Map<string, ApiGatewayAuthorizer>();
  /** Integration responses of the service integrations: a deployment must come after them. */
  readonly integrationResponses: ApiGatewayIntegrationResponse[] = [];
  private readonly resources = new Map<string, ApiGatewayResource>();

  constructor(scope: Construct, id: string, props: RestRoutesProps) {
    super(scope, id);
    const { api } = props;
    for (const [name, authorizer] of Object.entries(props.authorizers)) {
      this.authorizers.set(name, this.authorizer(api, name, authorizer, props.functions));
    }
    for (const [name, route] of Object.entries(props.routes)) {
      const resourceId = this.resourceFor(api, route.path);
      const authorizer = 'authorizer' in route.authorization ? this.authorizers.get(route.authorization.authorizer) : undefined;
      const method = new ApiGatewayMethod(this, `method-${name}`, {
        restApiId: api.id,
        resourceId,
        httpMethod: route.method,
        authorization: route.authorization.type,
        authorizerId: authorizer?.id,
        apiKeyRequired: route.apiKeyRequired ?? false,
      });
      this.methods.set(name, method);
      this.integrations.set(name, this.integration(props, name, route, { resourceId, httpMethod: method.httpMethod }));
    }
    for (const key of new Set(Object.values(props.routes).flatMap((route) => (route.function ? [route.function] : [])))) {
      new LambdaPermission(this, `permission-${key}`, {
        statementId: 'api-gateway-invoke',
        action: 'lambda:InvokeFunction',
        functionName: props.functions[key].functionName,
        principal: 'apigateway.amazonaws.com',
        sourceArn: `${api.executionArn}/*/*`,
      });
    }
  }

  /** A Lambda proxy integration, or a service integration on the integration role. */
  private integration(
    props: RestRoutesProps,
    name: string,
    route: RestRoute,
    method: { readonly resourceId: string; readonly httpMethod: string },
  ): ApiGatewayIntegration {
    if (route.function) {
      return new ApiGatewayIntegration(this, `integration-${name}`, {
        restApiId: props.api.id,
        ...method,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: props.functions[route.function].invokeArn,
      });
    }
    const service = new ServiceIntegration(this, `service-${name}`, {
      restApiId: props.api.id,
      ...method,
      routeName: name,
      ...(route.sendToQueue ? { sendToQueue: route.sendToQueue } : {}),
      ...(route.putEvents ? { putEvents: route.putEvents } : {}),
      credentialsRoleArn: props.integrationRoleArn!,
    });
    this.integrationResponses.push(...service.responses);
    return service.integration;
  }

  /** The resource of a path, creating each missing segment once; `/` is the API's root. */
  private resourceFor(api: ApiGatewayRestApi, path: string): string {
    const segments = path.split('/').filter((segment) => segment !== '');
    let parentId = api.rootResourceId;
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = `/${segments.slice(0, depth).join('/')}`;
      let resource = this.resources.get(prefix);
      if (!resource) {
        resource = new ApiGatewayResource(this, `resource${pathKey(prefix)}`, {
          restApiId: api.id,
          parentId,
          pathPart: segments[depth - 1],
        });
        this.resources.set(prefix, resource);
      }
      parentId = resource.id;
    }
    return parentId;
  }

  private authorizer(
    api: ApiGatewayRestApi,
    name: string,
    authorizer: RestAuthorizer,
    functions: Readonly<Record<string, LambdaTarget>>,
  ): ApiGatewayAuthorizer {
    const target = authorizer.function ? functions[authorizer.function] : undefined;
    const created = new ApiGatewayAuthorizer(this, `authorizer-${name}`, {
      name,
      restApiId: api.id,
      type: authorizer.type,
      authorizerUri: target?.invokeArn,
      providerArns: authorizer.userPoolArns ? [...authorizer.userPoolArns] : undefined,
      identitySource: authorizer.identitySource ?? 'method.request.header.Authorization',
      authorizerResultTtlInSeconds: authorizer.resultTtlSeconds ?? 300,
    });
    if (target) {
      new LambdaPermission(this, `authorizer-permission-${name}`, {
        statementId: `api-gateway-authorizer-${name}`,
        action: 'lambda:InvokeFunction',
        functionName: target.functionName,
        principal: 'apigateway.amazonaws.com',
        sourceArn: `${api.executionArn}/authorizers/${created.id}`,
      });
    }
    return created;
  }
}

/** Construct-safe key of a resource path: `/orders/{orderId}` → `-orders-orderid`. */
export function pathKey(path: string): string {
  return path
    .toLowerCase()
    .replace(/[^a-z0-9/]/g, '')
    .replace(/\//g, '-');
}

/** The method path of method settings: `orders/{orderId}/GET` (no leading slash). */
export function methodPath(route: RestRoute): string {
  const path = route.path.replace(/^\//, '');
  return path === '' ? `~1/${route.method}` : `${path}/${route.method}`;
}
