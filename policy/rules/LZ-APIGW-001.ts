import type { PolicyRule } from '../types';
import { blocks } from '../values';

export const apiGatewayAccessLogging: PolicyRule = {
  id: 'LZ-APIGW-001',
  checkov: 'CKV_AWS_76',
  title: 'Every API Gateway stage (REST and HTTP) writes access logs',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
  evaluate: (stage) => {
    const settings = blocks(stage.values.access_log_settings);
    if (settings.length === 0) return [{ detail: 'has no access_log_settings' }];
    return settings.some((setting) => setting.format === '') ? [{ detail: 'has access_log_settings with an empty format' }] : [];
  },
  fix: 'set access_log_settings { destination_arn, format } to a log group with retention; RestApi and HttpApi do this',
};
