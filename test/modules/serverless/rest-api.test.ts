import { Testing } from 'cdktf';
import { RestApi, type RestApiProps } from '../../../modules/serverless/rest-api';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ENDPOINT_ID, restProps } from './fixtures';

function synth(overrides: Partial<RestApiProps> = {}): string {
  return Testing.synthScope((scope) => void new RestApi(scope, 'api', { ...restProps, ...overrides }));
}

describe('rest api', () => {
  const synthesized = synth();
  const ref = (type: string, path: string, attribute: string) => `\${${referenceTo(synthesized, type, path)}.${attribute}}`;

  describe('when private', () => {
    it('is reachable only through the given execute-api endpoint', () => {
      const api = resourceAt(synthesized, 'aws_api_gateway_rest_api', 'api');
      expect(api.endpoint_configuration).toEqual({ types: ['PRIVATE'], vpc_endpoint_ids: [ENDPOINT_ID] });
      const policy = JSON.parse(resourceAt(synthesized, 'aws_api_gateway_rest_api_policy', 'api_policy').policy);
      expect(policy.Statement.map((statement: any) => [statement.Effect, statement.Condition])).toEqual([
        ['Deny', { StringNotEquals: { 'aws:SourceVpce': [ENDPOINT_ID] } }],
        ['Allow', { StringEquals: { 'aws:SourceVpce': [ENDPOINT_ID] } }],
      ]);
    });

    it('refuses to be built without an endpoint', () => {
      expect(() => synth({ vpcEndpointIds: [] })).toThrow("a PRIVATE API needs vpcEndpointIds; give the hub's execute-api endpoint id");
    });
  });

  describe('when regional', () => {
    it('has no resource policy', () => {
      expect(resourcesOf(synth({ endpointType: 'REGIONAL', vpcEndpointIds: undefined }), 'aws_api_gateway_rest_api_policy')).toEqual({});
    });
  });

  it('creates each path segment once, keyed by path', () => {
    expect(Object.keys(resourcesOf(synthesized, 'aws_api_gateway_resource')).sort()).toEqual([
      'api_routes_resource-orders',
      'api_routes_resource-orders-orderid',
    ]);
    expect(resourceAt(synthesized, 'aws_api_gateway_resource', 'api_routes_resource-orders-orderid')).toMatchObject({
      path_part: '{orderId}',
      parent_id: ref('aws_api_gateway_resource', 'api_routes_resource-orders', 'id'),
    });
  });

  it('authorizes every method with the token authorizer and proxies it to its function', () => {
    const method = resourceAt(synthesized, 'aws_api_gateway_method', 'api_routes_method-list-orders');
    expect(method).toMatchObject({
      authorization: 'CUSTOM',
      authorizer_id: ref('aws_api_gateway_authorizer', 'api_routes_authorizer-token', 'id'),
      api_key_required: true,
    });
    expect(resourceAt(synthesized, 'aws_api_gateway_integration', 'api_routes_integration-list-orders')).toMatchObject({
      type: 'AWS_PROXY',
      integration_http_method: 'POST',
      uri: restProps.functions.list.invokeArn,
    });
    expect(resourceAt(synthesized, 'aws_api_gateway_authorizer', 'api_routes_authorizer-token')).toMatchObject({
      type: 'TOKEN',
      identity_source: 'method.request.header.Authorization',
      authorizer_result_ttl_in_seconds: 300,
    });
  });

  it('lets API Gateway invoke each function once, and the authorizer function for its authorizer only', () => {
    expect(Object.keys(resourcesOf(synthesized, 'aws_lambda_permission')).sort()).toEqual([
      'api_routes_authorizer-permission-token',
      'api_routes_permission-get',
      'api_routes_permission-list',
    ]);
  });

  describe('deployment', () => {
    const triggers = (props: Partial<RestApiProps>) => resourceAt(synth(props), 'aws_api_gateway_deployment', 'api_deployment').triggers;

    it('is created before the old one is destroyed, and the stage follows it', () => {
      expect(resourceAt(synthesized, 'aws_api_gateway_deployment', 'api_deployment').lifecycle).toEqual({ create_before_destroy: true });
      expect(resourceAt(synthesized, 'aws_api_gateway_stage', 'api_stage').deployment_id).toEqual(
        ref('aws_api_gateway_deployment', 'api_deployment', 'id'),
      );
    });

    it('hashes the ids and targets of methods, integrations, authorizers and the policy', () => {
      const resources: string = triggers({}).resources;
      expect(resources).toMatch(/^\$\{sha1\(jsonencode\(\[/);
      expect(resources).toContain(`${referenceTo(synthesized, 'aws_api_gateway_integration', 'api_routes_integration-get-order')}.uri`);
      expect(resources).toContain(`${referenceTo(synthesized, 'aws_api_gateway_rest_api_policy', 'api_policy')}.policy`);
    });

    it('changes its trigger when one method changes, so Terraform replaces it', () => {
      const before = triggers({});
      const changedRoute = { ...restProps.routes['get-order'], authorization: { type: 'AWS_IAM' as const } };
      const after = triggers({ routes: { ...restProps.routes, 'get-order': changedRoute } });
      expect(after.configuration).not.toEqual(before.configuration);
      expect(triggers({}).configuration).toEqual(before.configuration);
    });
  });

  it('logs access as JSON, traces with X-Ray and logs executions at ERROR without request data', () => {
    expect(resourceAt(synthesized, 'aws_api_gateway_stage', 'api_stage')).toMatchObject({
      stage_name: 'live',
      xray_tracing_enabled: true,
      access_log_settings: { destination_arn: ref('aws_cloudwatch_log_group', 'api_access-logs', 'arn') },
    });
    expect(resourceAt(synthesized, 'aws_api_gateway_method_settings', 'api_method-settings')).toMatchObject({
      method_path: '*/*',
      settings: {
        logging_level: 'ERROR',
        metrics_enabled: true,
        data_trace_enabled: false,
        throttling_rate_limit: 100,
        throttling_burst_limit: 50,
        caching_enabled: false,
      },
    });
  });

  it('throttles a method with its own limits', () => {
    expect(resourceAt(synthesized, 'aws_api_gateway_method_settings', 'api_method-settings-get-order')).toMatchObject({
      method_path: 'orders/{orderId}/GET',
      settings: { throttling_rate_limit: 20, throttling_burst_limit: 10 },
    });
  });

  describe('with a cache', () => {
    const cached = synth({ stage: { ...restProps.stage, cache: { sizeGb: '0.5' } } });

    it('encrypts it and keeps entries 300 s by default', () => {
      expect(resourceAt(cached, 'aws_api_gateway_stage', 'api_stage')).toMatchObject({
        cache_cluster_enabled: true,
        cache_cluster_size: '0.5',
      });
      expect(resourceAt(cached, 'aws_api_gateway_method_settings', 'api_method-settings').settings).toMatchObject({
        caching_enabled: true,
        cache_ttl_in_seconds: 300,
        cache_data_encrypted: true,
      });
    });

    it('refuses a TTL over an hour', () => {
      expect(() => synth({ stage: { ...restProps.stage, cache: { sizeGb: '0.5', ttlSeconds: 3601 } } })).toThrow(
        'stage.cache.ttlSeconds 3601 is not 0–3,600',
      );
    });
  });

  it('meters clients with a usage plan, a quota and their API keys', () => {
    expect(resourceAt(synthesized, 'aws_api_gateway_usage_plan', 'api_usage-plan-partners')).toMatchObject({
      name: 'orders-partners',
      quota_settings: { limit: 10000, period: 'DAY' },
    });
    expect(resourceAt(synthesized, 'aws_api_gateway_usage_plan_key', 'api_usage-plan-partners-key-billing')).toMatchObject({
      key_id: ref('aws_api_gateway_api_key', 'api_api-key-billing', 'id'),
      key_type: 'API_KEY',
    });
  });

  it('associates a web ACL with the stage when given one', () => {
    const protectedApi = synth({ webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/orders/abc' });
    expect(resourceAt(protectedApi, 'aws_wafv2_web_acl_association', 'api_web-acl').resource_arn).toMatch(/aws_api_gateway_stage\..*\.arn/);
  });

  it('refuses a route whose authorizer does not exist', () => {
    const route = { ...restProps.routes['get-order'], authorization: { type: 'CUSTOM' as const, authorizer: 'missing' } };
    expect(() => synth({ routes: { 'get-order': route } })).toThrow(
      'routes.get-order names authorizer "missing", which is not a key of authorizers',
    );
  });
});
