import { Testing } from 'cdktf';
import { LambdaFunction, type LambdaFunctionProps } from '../../../modules/serverless/lambda-function';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { functionProps } from './fixtures';

const ORDERS = 'arn:aws:sqs:eu-west-1:111111111111:acme-orders';
const REFUNDS = 'arn:aws:sqs:eu-west-1:111111111111:acme-refunds.fifo';
const KEY = 'arn:aws:kms:eu-west-1:111111111111:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

function synth(overrides: Partial<LambdaFunctionProps> = {}): string {
  return Testing.synthScope((scope) => void new LambdaFunction(scope, 'fn', { ...functionProps, ...overrides }));
}

describe('lambda function with queue sources', () => {
  const synthesized = synth({
    queueSources: {
      orders: { queueArn: ORDERS, batchSize: 100, maximumBatchingWindowSeconds: 5, maximumConcurrency: 5 },
      refunds: { queueArn: REFUNDS, kmsKeyArn: KEY },
    },
  });
  const statements = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'fn_role_policy').policy).Statement;

  it('maps each queue to the function, keyed by its name, always with partial batch responses', () => {
    expect(Object.keys(resourcesOf(synthesized, 'aws_lambda_event_source_mapping')).sort()).toEqual([
      'fn_sources_queue-orders',
      'fn_sources_queue-refunds',
    ]);
    const orders = resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'fn_sources_queue-orders');
    expect(orders).toMatchObject({
      event_source_arn: ORDERS,
      function_name: `\${${referenceTo(synthesized, 'aws_lambda_function', 'fn_function')}.function_name}`,
      batch_size: 100,
      maximum_batching_window_in_seconds: 5,
      function_response_types: ['ReportBatchItemFailures'],
      scaling_config: { maximum_concurrency: 5 },
    });
    const refunds = resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'fn_sources_queue-refunds');
    expect(refunds).toMatchObject({ batch_size: 10, function_response_types: ['ReportBatchItemFailures'] });
    expect(refunds.scaling_config).toBeUndefined();
    expect(refunds.maximum_batching_window_in_seconds).toBeUndefined();
  });

  it('waits for the role policy: Lambda checks it may read the queue when the mapping is created', () => {
    const orders = resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'fn_sources_queue-orders');
    expect(orders.depends_on).toEqual([referenceTo(synthesized, 'aws_iam_role_policy', 'fn_role_policy')]);
  });

  it('lets the role read exactly those queues, and decrypt with the key of the encrypted one', () => {
    expect(statements.filter((statement: any) => !['Logs', 'Tracing', 'Failures'].includes(statement.Sid))).toEqual([
      {
        Sid: 'ConsumeQueues',
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
        Resource: [ORDERS, REFUNDS],
      },
      { Sid: 'DecryptQueues', Effect: 'Allow', Action: 'kms:Decrypt', Resource: [KEY] },
    ]);
  });

  it('creates no mapping and no queue grant without queue sources', () => {
    const plain = synth();
    expect(resourcesOf(plain, 'aws_lambda_event_source_mapping')).toEqual({});
    expect(plain).not.toContain('sqs:ReceiveMessage');
  });

  describe('with settings Lambda refuses', () => {
    it.each([
      [{ batchSize: 0 }, 'queueSources.orders.batchSize 0 is not 1–10,000'],
      [{ batchSize: 10001, maximumBatchingWindowSeconds: 1 }, 'queueSources.orders.batchSize 10001 is not 1–10,000'],
      [{ batchSize: 50 }, 'queueSources.orders.batchSize 50 is over 10 without a batching window'],
      [{ maximumBatchingWindowSeconds: 301 }, 'queueSources.orders.maximumBatchingWindowSeconds 301 is not 0–300'],
      [{ maximumConcurrency: 1 }, 'queueSources.orders.maximumConcurrency 1 is not 2–1,000'],
    ])('refuses %j', (settings, message) => {
      expect(() => synth({ queueSources: { orders: { queueArn: ORDERS, ...settings } } })).toThrow(message);
    });

    it('refuses a key that cannot be part of an address', () => {
      expect(() => synth({ queueSources: { Orders: { queueArn: ORDERS } } })).toThrow('queueSources key "Orders"');
    });
  });
});
