import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const fn = (values: Record<string, unknown>) => cdktfStack({ aws_lambda_function: { api: { function_name: 'api', ...values } } });
const compliantFunction = {
  vpc_config: { subnet_ids: ['subnet-a'], security_group_ids: ['${aws_security_group.fn.id}'] },
  dead_letter_config: { target_arn: '${aws_sqs_queue.failures.arn}' },
  reserved_concurrent_executions: 10,
  tracing_config: { mode: 'Active' },
};

describe('LZ-LAMBDA-001 (CKV_AWS_117): Lambda in a VPC', () => {
  it('passes a function in a VPC, and one declared to reach no private resources', () => {
    expect(findingsOf('LZ-LAMBDA-001', fn(compliantFunction))).toEqual([]);
    expect(findingsOf('LZ-LAMBDA-001', fn({ tags: { PrivateResources: 'none' } }))).toEqual([]);
  });

  it('fails a function outside any VPC that says nothing', () => {
    expect(summarize(findingsOf('LZ-LAMBDA-001', fn({})))).toEqual([
      'aws_lambda_function.api: has no vpc_config and no tag PrivateResources = "none"',
    ]);
  });
});

describe('LZ-LAMBDA-002 (CKV_AWS_116): dead-letter queue', () => {
  it('passes a function with a DLQ, also when its ARN is unknown in a plan', () => {
    expect(findingsOf('LZ-LAMBDA-002', fn(compliantFunction))).toEqual([]);
    const planned = planStack([{ type: 'aws_lambda_function', name: 'api', values: { function_name: 'api', dead_letter_config: [{}] } }]);
    expect(findingsOf('LZ-LAMBDA-002', planned)).toEqual([]);
  });

  it('fails a function without one', () => {
    expect(summarize(findingsOf('LZ-LAMBDA-002', fn({})))).toEqual(['aws_lambda_function.api: has no dead_letter_config']);
  });
});

describe('LZ-LAMBDA-003 (CKV_AWS_115): reserved concurrency', () => {
  it('passes a function with reserved concurrency', () => {
    expect(findingsOf('LZ-LAMBDA-003', fn(compliantFunction))).toEqual([]);
  });

  it('fails one without, and one set to -1 in a plan', () => {
    expect(summarize(findingsOf('LZ-LAMBDA-003', fn({})))).toEqual(['aws_lambda_function.api: has no reserved_concurrent_executions']);
    const planned = planStack([{ type: 'aws_lambda_function', name: 'api', values: { reserved_concurrent_executions: -1 } }]);
    expect(summarize(findingsOf('LZ-LAMBDA-003', planned))).toEqual([
      'aws_lambda_function.api: has reserved_concurrent_executions = -1 (unreserved)',
    ]);
  });
});

describe('LZ-LAMBDA-004 (CKV_AWS_50): X-Ray tracing', () => {
  it('passes active tracing', () => {
    expect(findingsOf('LZ-LAMBDA-004', fn(compliantFunction))).toEqual([]);
  });

  it('fails PassThrough and a missing block', () => {
    expect(summarize(findingsOf('LZ-LAMBDA-004', fn({ tracing_config: { mode: 'PassThrough' } })))).toEqual([
      'aws_lambda_function.api: has tracing_config mode = "PassThrough"',
    ]);
    expect(summarize(findingsOf('LZ-LAMBDA-004', fn({})))).toEqual(['aws_lambda_function.api: has no tracing_config']);
  });
});

describe('LZ-LAMBDA-005: SQS event source mappings report batch item failures', () => {
  it('passes a mapping of a queue of the same stack with partial batch responses, and a stream mapping without them', () => {
    const stack = cdktfStack({
      aws_lambda_event_source_mapping: {
        orders: {
          function_name: 'fn',
          event_source_arn: '${aws_sqs_queue.orders.arn}',
          function_response_types: ['ReportBatchItemFailures'],
        },
        stream: { function_name: 'fn', event_source_arn: 'arn:aws:kinesis:eu-west-1:111111111111:stream/clicks' },
      },
    });
    expect(findingsOf('LZ-LAMBDA-005', stack)).toEqual([]);
  });

  it('fails a plan mapping of a queue ARN, and one of a queue reference, that send whole batches back', () => {
    const plan = planStack([
      {
        type: 'aws_lambda_event_source_mapping',
        name: 'remote',
        values: { function_name: 'fn', event_source_arn: 'arn:aws:sqs:eu-west-1:111111111111:acme-orders' },
      },
      {
        type: 'aws_lambda_event_source_mapping',
        name: 'local',
        values: { function_name: 'fn', function_response_types: [] },
        references: { event_source_arn: ['aws_sqs_queue.orders.arn', 'aws_sqs_queue.orders'] },
      },
    ]);
    expect(summarize(findingsOf('LZ-LAMBDA-005', plan))).toEqual([
      'aws_lambda_event_source_mapping.remote: reads an SQS queue without function_response_types = ["ReportBatchItemFailures"]',
      'aws_lambda_event_source_mapping.local: reads an SQS queue without function_response_types = ["ReportBatchItemFailures"]',
    ]);
  });
});

describe('LZ-APIGW-001 (CKV_AWS_76): access logging', () => {
  const accessLogs = { destination_arn: '${aws_cloudwatch_log_group.access.arn}', format: '{"requestId":"$context.requestId"}' };

  it('passes REST and HTTP stages with access logs', () => {
    const stacks = cdktfStack({
      aws_api_gateway_stage: { live: { stage_name: 'live', access_log_settings: accessLogs } },
      aws_apigatewayv2_stage: { default: { name: '$default', access_log_settings: accessLogs } },
    });
    expect(findingsOf('LZ-APIGW-001', stacks)).toEqual([]);
  });

  it('fails stages without them', () => {
    const stacks = cdktfStack({
      aws_api_gateway_stage: { live: { stage_name: 'live' } },
      aws_apigatewayv2_stage: { default: { name: '$default' } },
    });
    expect(summarize(findingsOf('LZ-APIGW-001', stacks))).toEqual([
      'aws_api_gateway_stage.live: has no access_log_settings',
      'aws_apigatewayv2_stage.default: has no access_log_settings',
    ]);
  });
});

describe('LZ-APIGW-002 (CKV_AWS_59): authorization on every method', () => {
  it('passes authorized methods, API-key methods, OPTIONS and JWT routes', () => {
    const stacks = cdktfStack({
      aws_api_gateway_method: {
        get: { http_method: 'GET', authorization: 'CUSTOM' },
        keyed: { http_method: 'POST', authorization: 'NONE', api_key_required: true },
        preflight: { http_method: 'OPTIONS', authorization: 'NONE' },
      },
      aws_apigatewayv2_route: { items: { route_key: 'GET /items', authorization_type: 'JWT' } },
    });
    expect(findingsOf('LZ-APIGW-002', stacks)).toEqual([]);
  });

  it('fails an open method and an open route', () => {
    const stacks = cdktfStack({
      aws_api_gateway_method: { open: { http_method: 'GET', authorization: 'NONE' } },
      aws_apigatewayv2_route: { open: { route_key: 'POST /items' } },
    });
    expect(summarize(findingsOf('LZ-APIGW-002', stacks))).toEqual([
      'aws_api_gateway_method.open: method GET has authorization NONE and no API key',
      'aws_apigatewayv2_route.open: route POST /items has authorization NONE and no API key',
    ]);
  });
});

describe('LZ-APIGW-003 (CKV_AWS_73): stage X-Ray tracing', () => {
  it('passes a traced stage', () => {
    expect(findingsOf('LZ-APIGW-003', cdktfStack({ aws_api_gateway_stage: { live: { xray_tracing_enabled: true } } }))).toEqual([]);
  });

  it('fails an untraced one', () => {
    expect(summarize(findingsOf('LZ-APIGW-003', cdktfStack({ aws_api_gateway_stage: { live: {} } })))).toEqual([
      'aws_api_gateway_stage.live: has xray_tracing_enabled unset or false',
    ]);
  });
});

describe('LZ-APIGW-004 (CKV_AWS_308): encrypted caches', () => {
  const settings = (values: Record<string, unknown>) =>
    cdktfStack({ aws_api_gateway_method_settings: { all: { method_path: '*/*', settings: values } } });

  it('passes an encrypted cache and no cache', () => {
    expect(findingsOf('LZ-APIGW-004', settings({ caching_enabled: true, cache_data_encrypted: true }))).toEqual([]);
    expect(findingsOf('LZ-APIGW-004', settings({ caching_enabled: false }))).toEqual([]);
  });

  it('fails a cache without encryption', () => {
    expect(summarize(findingsOf('LZ-APIGW-004', settings({ caching_enabled: true })))).toEqual([
      'aws_api_gateway_method_settings.all: caches */* without cache_data_encrypted',
    ]);
  });
});
