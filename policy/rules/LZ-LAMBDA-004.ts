import type { PolicyRule } from '../types';
import { blocks } from '../values';

export const lambdaTracing: PolicyRule = {
  id: 'LZ-LAMBDA-004',
  checkov: 'CKV_AWS_50',
  title: 'Every Lambda function has active X-Ray tracing',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  evaluate: (fn) => {
    const mode = blocks(fn.values.tracing_config)[0]?.mode;
    return mode === 'Active'
      ? []
      : [{ detail: mode === undefined ? 'has no tracing_config' : `has tracing_config mode = "${String(mode)}"` }];
  },
  fix: 'set tracing_config { mode = "Active" }; LambdaFunction does this',
};
