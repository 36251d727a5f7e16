import type { PolicyRule } from '../types';
import { blocks } from '../values';

/** Tag a function carries when its config says it reaches no private resources (LambdaFunction sets it without `vpc`). */
export const NO_PRIVATE_RESOURCES_TAG = { key: 'PrivateResources', value: 'none' } as const;

export const lambdaInVpc: PolicyRule = {
  id: 'LZ-LAMBDA-001',
  checkov: 'CKV_AWS_117',
  title: 'Every Lambda function runs in a VPC, unless its config says it reaches no private resources',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  evaluate: (fn) => {
    if (blocks(fn.values.vpc_config).some((config) => config.subnet_ids !== undefined || config.security_group_ids !== undefined))
      return [];
    if (blocks(fn.values.vpc_config).length > 0) return [];
    const tags = fn.values.tags as Record<string, unknown> | undefined;
    if (tags?.[NO_PRIVATE_RESOURCES_TAG.key] === NO_PRIVATE_RESOURCES_TAG.value) return [];
    return [{ detail: `has no vpc_config and no tag ${NO_PRIVATE_RESOURCES_TAG.key} = "${NO_PRIVATE_RESOURCES_TAG.value}"` }];
  },
  fix: 'set privateResources: true on the function in the workloads file (it then runs in the app tier), or declare it reaches none',
};
