import { landingZoneFromTexts } from '../../../model/load';
import type { WorkloadsPlan } from '../../../model/workloads/types';
import { SERVERLESS_YAML, textsWith } from './serverless-fixtures';

function workloadsPlan(yaml: string): WorkloadsPlan {
  const plan = landingZoneFromTexts(textsWith(yaml)).stacks.find((stack) => stack.name === 'dev-workloads-payments-dev');
  if (!plan || plan.kind !== 'workloads') throw new Error('no dev-workloads-payments-dev plan');
  return plan;
}

describe('serverless plan', () => {
  const plan = workloadsPlan(SERVERLESS_YAML);
  const serverless = plan.serverless!;

  it('names functions and APIs <org>-<name>, in name order', () => {
    expect(serverless.functions.map((fn) => fn.functionName)).toEqual(['acme-payments-auth', 'acme-payments-list']);
    expect(serverless.restApis.map((api) => api.apiName)).toEqual(['acme-payments']);
    expect(serverless.httpApis.map((api) => api.apiName)).toEqual(['acme-status']);
  });

  it('places a function that reaches private resources in every app subnet of the spoke, and no other', () => {
    const [auth, list] = serverless.functions;
    expect(list.subnetKeys).toEqual(['app-a', 'app-b']);
    expect(auth.subnetKeys).toBeUndefined();
  });

  it('defaults functions to arm64, 128 MB, 30 s and INFO JSON logs, with a failure queue of their own', () => {
    expect(serverless.functions[0]).toMatchObject({
      architecture: 'arm64',
      memoryMb: 128,
      timeoutSeconds: 30,
      ephemeralStorageMb: 512,
      logLevel: 'INFO',
      reservedConcurrency: 10,
    });
    expect(serverless.functions[0].failureQueueName).toBeUndefined();
  });

  it('turns a route naming a token authorizer into CUSTOM authorization, and a private API into PRIVATE', () => {
    const [api] = serverless.restApis;
    expect(api.endpointType).toBe('PRIVATE');
    expect(api.routes[0]).toMatchObject({
      name: 'list-payments',
      authorization: { type: 'CUSTOM', authorizer: 'token' },
      apiKeyRequired: false,
    });
    expect(api.authorizers).toEqual([
      {
        name: 'token',
        type: 'TOKEN',
        function: 'payments-auth',
        identitySource: 'method.request.header.Authorization',
        resultTtlSeconds: 300,
      },
    ]);
    expect(api.stage).toEqual({ name: 'live', loggingLevel: 'ERROR', throttle: { rateLimit: 100, burstLimit: 50 } });
    expect(api.usagePlans).toEqual([{ name: 'partners', quota: { limit: 1000, period: 'DAY' }, apiKeys: ['billing'] }]);
  });

  it('maps iam to AWS_IAM on HTTP routes', () => {
    expect(serverless.httpApis[0].routes[0].authorization).toEqual({ type: 'AWS_IAM' });
  });

  it('owns the account’s API Gateway CloudWatch role when the account has a REST API', () => {
    expect(serverless.cloudWatchRoleName).toBe('acme-apigateway-cloudwatch');
    const httpOnly = workloadsPlan(SERVERLESS_YAML.replace(/  restApis:[\s\S]*?  httpApis:/, '  httpApis:'));
    expect(httpOnly.serverless!.cloudWatchRoleName).toBeUndefined();
  });

  it('reads the hub only for a private REST API', () => {
    expect(plan.hub?.stackName).toBe('dev-network-hub');
    expect(workloadsPlan(SERVERLESS_YAML.replace('endpointType: private', 'endpointType: regional')).hub).toBeUndefined();
  });

  it('sends failures to a queue of the file by its SQS name', () => {
    const yaml = `queues:\n  payment-failures: {}\n${SERVERLESS_YAML.replace('      privateResources: true\n', '      privateResources: true\n      failureQueue: payment-failures\n')}`;
    expect(workloadsPlan(yaml).serverless!.functions[1].failureQueueName).toBe('acme-payment-failures');
  });
});
