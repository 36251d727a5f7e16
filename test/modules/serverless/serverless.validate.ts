import { ApiGatewayCloudWatchRole } from '../../../modules/serverless/api-gateway-account';
import { HttpApi } from '../../../modules/serverless/http-api';
import { LambdaFunction } from '../../../modules/serverless/lambda-function';
import { RestApi } from '../../../modules/serverless/rest-api';
import { RegionalWebAcl } from '../../../modules/serverless/web-acl';
import type { ValidateCase } from '../../support/terraform-validate-cases';
import { ACCOUNT, functionProps, restProps } from './fixtures';

/** Checked against the real provider schema by test/terraform/modules-validate.test.ts, in one run with every other module case. */
export const serverlessCase: ValidateCase = {
  name: 'serverless',
  title:
    'serverless modules: accept functions (one in a VPC, one invoked by two queues), a private REST API with queue and bus methods, a cached regional REST API with WAF, an HTTP API and the account role',
  build: (stack) => {
    const list = new LambdaFunction(stack, 'function-list', {
      ...functionProps,
      queueSources: {
        orders: { queueArn: 'arn:aws:sqs:eu-west-1:111111111111:acme-orders', batchSize: 100, maximumBatchingWindowSeconds: 5 },
        refunds: {
          queueArn: 'arn:aws:sqs:eu-west-1:111111111111:acme-refunds.fifo',
          maximumConcurrency: 5,
          kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
        },
      },
    });
    const auth = new LambdaFunction(stack, 'function-auth', {
      ...functionProps,
      name: 'orders-auth',
      architecture: 'x86_64',
      vpc: { vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'] },
      failureQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:acme-failures',
      environment: { TABLE: 'orders' },
    });
    const account = new ApiGatewayCloudWatchRole(stack, 'api-gateway-account', { name: 'acme-apigateway-logs', accountId: ACCOUNT });
    const functions = { list, get: list, auth };
    new RestApi(stack, 'rest-private', {
      ...restProps,
      functions,
      accountSettings: account.account,
      routes: {
        ...restProps.routes,
        'submit-order': {
          path: '/orders',
          method: 'POST',
          authorization: { type: 'AWS_IAM' },
          sendToQueue: { region: 'eu-west-1', accountId: ACCOUNT, queueName: 'acme-orders.fifo', fifo: true },
        },
        'order-shipped': {
          path: '/shipments',
          method: 'POST',
          authorization: { type: 'AWS_IAM' },
          putEvents: {
            region: 'eu-west-1',
            busArn: 'arn:aws:events:eu-west-1:111111111111:event-bus/acme-dev-orders-dev',
            source: 'acme.orders',
            detailType: 'OrderShipped',
          },
        },
      },
      integrationRole: { name: 'acme-orders-integrations', accountId: ACCOUNT },
    });
    const waf = new RegionalWebAcl(stack, 'waf', { name: 'orders-public' });
    new RestApi(stack, 'rest-regional', {
      ...restProps,
      name: 'orders-public',
      endpointType: 'REGIONAL',
      vpcEndpointIds: undefined,
      functions,
      authorizers: {
        token: { type: 'REQUEST', function: 'auth', identitySource: 'method.request.header.Authorization' },
        users: { type: 'COGNITO_USER_POOLS', userPoolArns: ['arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_abc'] },
      },
      stage: {
        name: 'live',
        loggingLevel: 'INFO',
        throttle: { rateLimit: 100, burstLimit: 50 },
        cache: { sizeGb: '0.5', ttlSeconds: 600 },
      },
      webAclArn: waf.webAclArn,
    });
    new HttpApi(stack, 'http', {
      name: 'catalog',
      functions: { list, auth },
      routes: { items: { method: 'GET', path: '/items', function: 'list', authorization: { type: 'CUSTOM', authorizer: 'lambda' } } },
      authorizers: { lambda: { type: 'REQUEST', function: 'auth' } },
      throttle: { rateLimit: 50, burstLimit: 25 },
    });
  },
};
