import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

/** Methods and routes open to anyone: no authorization and no API key (OPTIONS, for CORS preflight, excepted). */
export const apiGatewayAuthorization: PolicyRule = {
  id: 'LZ-APIGW-002',
  checkov: 'CKV_AWS_59',
  title: 'Every API Gateway method and route is authorized (IAM, an authorizer or an API key)',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_method', 'aws_apigatewayv2_route'],
  evaluate: (resource) => {
    const isRest = resource.type === 'aws_api_gateway_method';
    const authorization = isRest ? resource.values.authorization : (resource.values.authorization_type ?? 'NONE');
    const method = isRest ? resource.values.http_method : String(resource.values.route_key ?? '').split(' ')[0];
    if (authorization !== 'NONE' || method === 'OPTIONS' || asBoolean(resource.values.api_key_required) === true) return [];
    return [
      {
        detail: `${isRest ? `method ${String(method)}` : `route ${String(resource.values.route_key)}`} has authorization NONE and no API key`,
      },
    ];
  },
  fix: 'give the route an authorizer (Lambda, Cognito or JWT), AWS_IAM, or apiKeyRequired: true',
};
