import type { PolicyRule } from '../types';
import { asBoolean, blocks } from '../values';

export const apiGatewayCacheEncrypted: PolicyRule = {
  id: 'LZ-APIGW-004',
  checkov: 'CKV_AWS_308',
  title: 'API Gateway response caches are encrypted',
  severity: 'error',
  resourceTypes: ['aws_api_gateway_method_settings'],
  evaluate: (methodSettings) =>
    blocks(methodSettings.values.settings).some(
      (settings) => asBoolean(settings.caching_enabled) === true && asBoolean(settings.cache_data_encrypted) !== true,
    )
      ? [{ detail: `caches ${String(methodSettings.values.method_path)} without cache_data_encrypted` }]
      : [],
  fix: 'set settings { cache_data_encrypted = true } wherever caching_enabled is true; RestApi does this',
};
