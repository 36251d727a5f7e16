import { Testing } from 'cdktf';
import { HttpApi, type HttpApiProps } from '../../../modules/serverless/http-api';
import { RegionalWebAcl } from '../../../modules/serverless/web-acl';
import { ApiGatewayCloudWatchRole } from '../../../modules/serverless/api-gateway-account';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, restProps } from './fixtures';

const props: HttpApiProps = {
  name: 'catalog',
  functions: { search: restProps.functions.list, auth: restProps.functions.auth },
  routes: {
    search: { method: 'GET', path: '/items', function: 'search', authorization: { type: 'JWT', authorizer: 'cognito' } },
    'search-post': { method: 'POST', path: '/items/search', function: 'search', authorization: { type: 'CUSTOM', authorizer: 'lambda' } },
  },
  authorizers: {
    cognito: { type: 'JWT', jwt: { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc', audience: ['catalog'] } },
    lambda: { type: 'REQUEST', function: 'auth' },
  },
  throttle: { rateLimit: 50, burstLimit: 25 },
};

describe('http api', () => {
  const synthesized = Testing.synthScope((scope) => void new HttpApi(scope, 'http', props));

  it('auto-deploys a $default stage with throttling, detailed metrics and JSON access logs', () => {
    expect(resourceAt(synthesized, 'aws_apigatewayv2_stage', 'http_stage')).toMatchObject({
      name: '$default',
      auto_deploy: true,
      default_route_settings: { throttling_rate_limit: 50, throttling_burst_limit: 25, detailed_metrics_enabled: true },
      access_log_settings: { destination_arn: `\${${referenceTo(synthesized, 'aws_cloudwatch_log_group', 'http_access-logs')}.arn}` },
    });
  });

  it('routes to one payload 2.0 integration per function, through JWT and Lambda authorizers', () => {
    expect(Object.keys(resourcesOf(synthesized, 'aws_apigatewayv2_integration'))).toEqual(['http_integration-search']);
    expect(resourceAt(synthesized, 'aws_apigatewayv2_route', 'http_route-search')).toMatchObject({
      route_key: 'GET /items',
      authorization_type: 'JWT',
    });
    expect(resourceAt(synthesized, 'aws_apigatewayv2_route', 'http_route-search-post')).toMatchObject({ authorization_type: 'CUSTOM' });
    expect(resourceAt(synthesized, 'aws_apigatewayv2_authorizer', 'http_authorizer-cognito').jwt_configuration).toEqual({
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
      audience: ['catalog'],
    });
  });

  it('refuses a JWT authorizer without an issuer', () => {
    const bad = { ...props, authorizers: { ...props.authorizers, cognito: { type: 'JWT' as const } } };
    expect(() => Testing.synthScope((scope) => void new HttpApi(scope, 'http', bad))).toThrow(
      'authorizers.cognito (JWT) needs jwt.issuer and jwt.audience',
    );
  });
});

describe('regional web acl', () => {
  it('allows by default and applies the AWS managed common and known-bad-inputs rule groups', () => {
    const synthesized = Testing.synthScope((scope) => void new RegionalWebAcl(scope, 'waf', { name: 'orders' }));
    const acl = resourceAt(synthesized, 'aws_wafv2_web_acl', 'waf_web-acl');
    expect(acl).toMatchObject({ scope: 'REGIONAL', default_action: { allow: {} } });
    expect(JSON.parse(acl.rule_json).map((rule: any) => rule.Statement.ManagedRuleGroupStatement.Name)).toEqual([
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
  });
});

describe('api gateway cloudwatch role', () => {
  it('sets the account’s role for execution logs, trusted by API Gateway of this account', () => {
    const synthesized = Testing.synthScope(
      (scope) => void new ApiGatewayCloudWatchRole(scope, 'apigw', { name: 'acme-apigateway-logs', accountId: ACCOUNT }),
    );
    expect(resourceAt(synthesized, 'aws_api_gateway_account', 'apigw_account').cloudwatch_role_arn).toMatch(/aws_iam_role\..*\.arn/);
    expect(resourceAt(synthesized, 'aws_iam_role_policy_attachment', 'apigw_role_attachment-push-to-cloudwatch').policy_arn).toContain(
      'AmazonAPIGatewayPushToCloudWatchLogs',
    );
  });
});
