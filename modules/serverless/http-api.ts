import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import type { HttpMethod, LambdaTarget, Throttle } from './rest-api-routes';

/** Access log line of an HTTP API: one JSON object per request. */
export const HTTP_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  authorizerError: '$context.authorizer.error',
});

export type HttpAuthorization =
  { readonly type: 'NONE' } | { readonly type: 'AWS_IAM' } | { readonly type: 'JWT' | 'CUSTOM'; readonly authorizer: string };

export interface HttpRoute {
  readonly method: HttpMethod;
  /** e.g. `/orders/{orderId}`. CAUTION: changing it replaces the route. */
  readonly path: string;
  /** Key of `functions`. */
  readonly function: string;
  readonly authorization: HttpAuthorization;
}

export interface HttpAuthorizer {
  readonly type: 'JWT' | 'REQUEST';
  /** JWT (required there): the token issuer URL and audiences. @default - none */
  readonly jwt?: { readonly issuer: string; readonly audience: readonly string[] };
  /** REQUEST (required there): key of `functions`. @default - none */
  readonly function?: string;
  /** @default ['$request.header.Authorization'] */
  readonly identitySources?: readonly string[];
}

export interface HttpApiProps {
  /** CAUTION: changing it replaces the API (and its URL). */
  readonly name: string;
  readonly functions: Readonly<Record<string, LambdaTarget>>;
  /** Routes by a stable name. */
  readonly routes: Readonly<Record<string, HttpRoute>>;
  /** @default {} */
  readonly authorizers?: Readonly<Record<string, HttpAuthorizer>>;
  /** Throttling of the `$default` stage. */
  readonly throttle: Throttle;
  /** @default 30 */
  readonly accessLogRetentionDays?: number;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An HTTP API (API Gateway v2), the light option: Lambda routes (payload 2.0), JWT or Lambda
 * authorizers, and an auto-deployed `$default` stage with throttling and access logs. HTTP APIs
 * cannot be private, cached, WAF-protected or metered with usage plans: use RestApi for those.
 */
export class HttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly stage: Apigatewayv2Stage;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    validate(props);
    const tags = { Name: props.name, ...props.tags };
    this.api = new Apigatewayv2Api(this, 'api', { name: props.name, protocolType: 'HTTP', tags });
    const authorizers = new Map(
      Object.entries(props.authorizers ?? {}).map(([name, authorizer]) => [name, this.authorizer(name, authorizer, props.functions)]),
    );
    const integrations = new Map<string, Apigatewayv2Integration>();
    for (const key of new Set(Object.values(props.routes).map((route) => route.function))) {
      integrations.set(
        key,
        new Apigatewayv2Integration(this, `integration-${key}`, {
          apiId: this.api.id,
          integrationType: 'AWS_PROXY',
          integrationUri: props.functions[key].invokeArn,
          payloadFormatVersion: '2.0',
        }),
      );
      this.permission(`permission-${key}`, props.functions[key], `${this.api.executionArn}/*/*`);
    }
    for (const [name, route] of Object.entries(props.routes)) {
      const authorizer = 'authorizer' in route.authorization ? authorizers.get(route.authorization.authorizer) : undefined;
      new Apigatewayv2Route(this, `route-${name}`, {
        apiId: this.api.id,
        routeKey: `${route.method} ${route.path}`,
        target: `integrations/${integrations.get(route.function)!.id}`,
        authorizationType: route.authorization.type,
        authorizerId: authorizer?.id,
      });
    }
    const accessLogs = new CloudwatchLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${props.name}/access`,
      retentionInDays: props.accessLogRetentionDays ?? 30,
      tags,
    });
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: HTTP_ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingRateLimit: props.throttle.rateLimit,
        throttlingBurstLimit: props.throttle.burstLimit,
        detailedMetricsEnabled: true,
      },
      tags,
    });
  }

  get endpoint(): string {
    return this.api.apiEndpoint;
  }

  private authorizer(name: string, authorizer: HttpAuthorizer, functions: Readonly<Record<string, LambdaTarget>>): Apigatewayv2Authorizer {
    const target = authorizer.function ? functions[authorizer.function] : undefined;
    const created = new Apigatewayv2Authorizer(this, `authorizer-${name}`, {
      apiId: this.api.id,
      name,
      authorizerType: authorizer.type,
      identitySources: [...(authorizer.identitySources ?? ['$request.header.Authorization'])],
      ...(authorizer.jwt ? { jwtConfiguration: { issuer: authorizer.jwt.issuer, audience: [...authorizer.jwt.audience] } } : {}),
      ...(target ? { authorizerUri: target.invokeArn, authorizerPayloadFormatVersion: '2.0', enableSimpleResponses: true } : {}),
    });
    if (target) this.permission(`authorizer-permission-${name}`, target, `${this.api.executionArn}/authorizers/${created.id}`);
    return created;
  }

  private permission(id: string, target: LambdaTarget, sourceArn: string): void {
    new LambdaPermission(this, id, {
      statementId: `http-api-${id}`,
      action: 'lambda:InvokeFunction',
      functionName: target.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn,
    });
  }
}

function validate(props: HttpApiProps): void {
  const where = `HttpApi ${props.name}`;
  validateConstructNames(where, 'routes key', Object.keys(props.routes));
  validateConstructNames(where, 'authorizers key', Object.keys(props.authorizers ?? {}));
  validateConstructNames(where, 'functions key', Object.keys(props.functions));
  for (const [name, route] of Object.entries(props.routes)) {
    if (!props.functions[route.function])
      throw new Error(`${where}: routes.${name}.function "${route.function}" is not a key of functions`);
    const { authorization } = route;
    if ('authorizer' in authorization && !props.authorizers?.[authorization.authorizer]) {
      throw new Error(`${where}: routes.${name} names authorizer "${authorization.authorizer}", which is not a key of authorizers`);
    }
  }
  for (const [name, authorizer] of Object.entries(props.authorizers ?? {})) {
    if (authorizer.type === 'JWT' && !authorizer.jwt)
      throw new Error(`${where}: authorizers.${name} (JWT) needs jwt.issuer and jwt.audience`);
    if (authorizer.type === 'REQUEST' && !(authorizer.function && props.functions[authorizer.function])) {
      throw new Error(`${where}: authorizers.${name} (REQUEST) needs a function that is a key of functions`);
    }
  }
}
