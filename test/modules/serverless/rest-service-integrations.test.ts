import { Testing } from 'cdktf';
import { RestApi, type RestApiProps } from '../../../modules/serverless/rest-api';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, REGION, restProps } from './fixtures';

const BUS = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/acme-dev-orders-dev`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`;
const auth = { type: 'AWS_IAM' } as const;

const withServiceRoutes: Partial<RestApiProps> = {
  routes: {
    ...restProps.routes,
    'submit-order': {
      path: '/orders',
      method: 'POST',
      authorization: auth,
      sendToQueue: { region: REGION, accountId: ACCOUNT, queueName: 'acme-orders' },
    },
    'submit-refund': {
      path: '/refunds',
      method: 'POST',
      authorization: auth,
      sendToQueue: { region: REGION, accountId: ACCOUNT, queueName: 'acme-refunds.fifo', fifo: true },
    },
    'order-shipped': {
      path: '/shipments',
      method: 'POST',
      authorization: auth,
      putEvents: { region: REGION, busArn: BUS, source: 'acme.orders', detailType: 'OrderShipped' },
    },
  },
  integrationRole: { name: 'acme-orders-integrations', accountId: ACCOUNT, kmsKeyArn: KEY },
};

function synth(overrides: Partial<RestApiProps> = {}): string {
  return Testing.synthScope((scope) => void new RestApi(scope, 'api', { ...restProps, ...overrides }));
}

describe('rest api methods that send to a queue or put events', () => {
  const synthesized = synth(withServiceRoutes);
  const roleArn = `\${${referenceTo(synthesized, 'aws_iam_role', 'api_integration-role')}.arn}`;
  const integration = (route: string) => resourceAt(synthesized, 'aws_api_gateway_integration', `api_routes_service-${route}_integration`);

  it('sends the request body to the queue with SQS SendMessage, on the integration role', () => {
    expect(integration('submit-order')).toMatchObject({
      type: 'AWS',
      integration_http_method: 'POST',
      uri: `arn:aws:apigateway:${REGION}:sqs:path/${ACCOUNT}/acme-orders`,
      credentials: roleArn,
      passthrough_behavior: 'NEVER',
      request_parameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      request_templates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
    });
  });

  it('groups a FIFO queue’s messages by route and deduplicates them by request id', () => {
    expect(integration('submit-refund').request_templates['application/json']).toBe(
      'Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageGroupId=submit-refund&MessageDeduplicationId=$context.requestId',
    );
  });

  it('puts the body on the bus as one event with EventBridge PutEvents', () => {
    const putEvents = integration('order-shipped');
    expect(putEvents).toMatchObject({
      uri: `arn:aws:apigateway:${REGION}:events:action/PutEvents`,
      request_parameters: { 'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'" },
    });
    const template = putEvents.request_templates['application/json'];
    expect(template).toContain(`"EventBusName":"${BUS}","Source":"acme.orders","DetailType":"OrderShipped"`);
    expect(template).toContain(`"Detail":"$util.escapeJavaScript($input.json('$'))`);
  });

  it('answers 200 with the message id, and 500 when the service refuses', () => {
    const responses = Object.entries(resourcesOf(synthesized, 'aws_api_gateway_integration_response'))
      .filter(([path]) => path.includes('submit-order'))
      .map(([, response]) => [response.selection_pattern, response.response_templates['application/json']]);
    expect(responses).toEqual([
      [undefined, `{"messageId":"$input.path('$.SendMessageResponse.SendMessageResult.MessageId')"}`],
      ['[45]\\d{2}', '{"message":"not accepted"}'],
    ]);
  });

  it('lets the integration role send to exactly those queues and that bus, and use the messaging key', () => {
    const statements = JSON.parse(resourceAt(synthesized, 'aws_iam_role_policy', 'api_integration-role_policy').policy).Statement;
    expect(statements).toEqual([
      {
        Sid: 'SendToQueues',
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: [`arn:aws:sqs:${REGION}:${ACCOUNT}:acme-orders`, `arn:aws:sqs:${REGION}:${ACCOUNT}:acme-refunds.fifo`],
      },
      { Sid: 'PutEventsOnBus', Effect: 'Allow', Action: 'events:PutEvents', Resource: [BUS] },
      { Sid: 'EncryptMessages', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: KEY },
    ]);
    const trust = JSON.parse(resourceAt(synthesized, 'aws_iam_role', 'api_integration-role').assume_role_policy).Statement[0];
    expect(trust).toMatchObject({
      Principal: { Service: 'apigateway.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    });
  });

  it('redeploys after the integration responses exist, and grants Lambda invoke only for function routes', () => {
    const triggers = resourceAt(synthesized, 'aws_api_gateway_deployment', 'api_deployment').triggers.resources;
    expect(triggers).toContain(
      referenceTo(synthesized, 'aws_api_gateway_integration_response', 'api_routes_service-submit-order_integration-response-200'),
    );
    expect(
      Object.keys(resourcesOf(synthesized, 'aws_lambda_permission'))
        .filter((path) => !path.includes('authorizer'))
        .sort(),
    ).toEqual(['api_routes_permission-get', 'api_routes_permission-list']);
  });

  it('keeps the Lambda routes’ configuration hash, so adding a queue method is the only change', () => {
    const before = resourceAt(synth(), 'aws_api_gateway_deployment', 'api_deployment').triggers.configuration;
    expect(resourceAt(synthesized, 'aws_api_gateway_deployment', 'api_deployment').triggers.configuration).not.toBe(before);
    const functionOnly = synth({ integrationRole: withServiceRoutes.integrationRole });
    expect(resourceAt(functionOnly, 'aws_api_gateway_deployment', 'api_deployment').triggers.configuration).toBe(before);
    expect(resourcesOf(functionOnly, 'aws_iam_role')).toEqual({});
  });

  it('refuses a route with two targets, and a service route without an integration role', () => {
    const both = { ...withServiceRoutes.routes!['submit-order'], function: 'list' };
    expect(() => synth({ ...withServiceRoutes, routes: { both } })).toThrow(
      'routes.both needs exactly one of function, sendToQueue and putEvents',
    );
    expect(() => synth({ ...withServiceRoutes, integrationRole: undefined })).toThrow(
      'routes.submit-order sends to a service; give integrationRole',
    );
  });
});
