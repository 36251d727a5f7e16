import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

export const apiGatewayStageTracing: PolicyRule = {
  id: 'LZ-APIGW-003',
  checkov: 'CKV_AWS_73',
  title: 'Every API Gateway REST stage has X-Ray tracing on',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_stage'],
  evaluate: (stage) =>
    asBoolean(stage.values.xray_tracing_enabled) === true ? [] : [{ detail: 'has xray_tracing_enabled unset or false' }],
  fix: 'set xray_tracing_enabled = true; RestApi does this',
};
