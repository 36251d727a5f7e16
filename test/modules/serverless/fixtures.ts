import type { LambdaFunctionProps } from '../../../modules/serverless/lambda-function';
import type { RestApiProps } from '../../../modules/serverless/rest-api';

export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const ENDPOINT_ID = 'vpce-0123456789abcdef0';

export const functionProps: LambdaFunctionProps = {
  name: 'orders-list',
  accountId: ACCOUNT,
  region: REGION,
  code: { s3Bucket: 'acme-artifacts', s3Key: 'orders/list/1.2.0.zip', sourceCodeHash: 'n0Gm6Ho4s0tVwQ7xZ3vJc2u1Ot2mDq0eYk7D1sQyX2E=' },
  runtime: 'nodejs22.x',
  handler: 'index.handler',
  reservedConcurrency: 20,
};

const lambda = (name: string) => ({
  functionName: name,
  invokeArn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}/invocations`,
});

export const restProps: RestApiProps = {
  name: 'orders',
  endpointType: 'PRIVATE',
  vpcEndpointIds: [ENDPOINT_ID],
  functions: { list: lambda('orders-list'), get: lambda('orders-get'), auth: lambda('orders-auth') },
  routes: {
    'list-orders': {
      path: '/orders',
      method: 'GET',
      function: 'list',
      authorization: { type: 'CUSTOM', authorizer: 'token' },
      apiKeyRequired: true,
    },
    'get-order': {
      path: '/orders/{orderId}',
      method: 'GET',
      function: 'get',
      authorization: { type: 'CUSTOM', authorizer: 'token' },
      throttle: { rateLimit: 20, burstLimit: 10 },
    },
  },
  authorizers: { token: { type: 'TOKEN', function: 'auth' } },
  stage: { name: 'live', throttle: { rateLimit: 100, burstLimit: 50 } },
  usagePlans: { partners: { quota: { limit: 10000, period: 'DAY' }, apiKeys: ['billing'] } },
};
