import type { PolicyRule } from '../types';
import { blocks } from '../values';

export const lambdaDeadLetterQueue: PolicyRule = {
  id: 'LZ-LAMBDA-002',
  checkov: 'CKV_AWS_116',
  title: 'Every Lambda function has a dead-letter queue for failed asynchronous invocations',
  severity: 'error',
  resourceTypes: ['aws_lambda_function'],
  evaluate: (fn) =>
    // In a plan an ARN unknown until apply leaves the block without target_arn: the block itself is what counts.
    blocks(fn.values.dead_letter_config).some((config) => config.target_arn !== '') ? [] : [{ detail: 'has no dead_letter_config' }],
  fix: 'set dead_letter_config { target_arn } to an SQS queue or SNS topic; LambdaFunction creates a failure queue when none is given',
};
