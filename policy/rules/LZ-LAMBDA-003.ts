import type { PolicyRule } from '../types';
import { asNumber } from '../values';

export const lambdaReservedConcurrency: PolicyRule = {
  id: 'LZ-LAMBDA-003',
  checkov: 'CKV_AWS_115',
  title: 'Every Lambda function has reserved concurrency, so one function cannot starve the others',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  evaluate: (fn) => {
    const reserved = fn.values.reserved_concurrent_executions;
    if (reserved === undefined) return [{ detail: 'has no reserved_concurrent_executions' }];
    return asNumber(reserved) === -1 ? [{ detail: 'has reserved_concurrent_executions = -1 (unreserved)' }] : [];
  },
  fix: 'set reservedConcurrency on the function in the workloads file (validated against the account limit)',
};
