import { landingZoneFromTexts } from '../../../model/load';
import { edit, problemsOf } from '../../support/config';
import { SERVERLESS_YAML, textsWith } from './serverless-fixtures';

const withChange = (from: string, to: string) => {
  if (!SERVERLESS_YAML.includes(from)) throw new Error(`fixture has no ${from}`);
  return textsWith(SERVERLESS_YAML.replace(from, to));
};

describe('serverless validation', () => {
  it('accepts a private REST API with a token authorizer and a usage plan, and an HTTP API', () => {
    expect(() => landingZoneFromTexts(textsWith(SERVERLESS_YAML))).not.toThrow();
  });

  describe('function limits', () => {
    it('rejects a timeout over 900 s and memory out of range, located at each', () => {
      const texts = withChange('reservedConcurrency: 20\n', 'reservedConcurrency: 20\n      timeoutSeconds: 901\n      memoryMb: 64\n');
      expect(problemsOf(texts)).toEqual([
        'environments/dev/payments-dev.yaml:8:7: serverless.functions.payments-list.timeoutSeconds is 901 s; Lambda allows 1–900 — move longer work to Step Functions, Batch or ECS',
        'environments/dev/payments-dev.yaml:9:7: serverless.functions.payments-list.memoryMb is 64 MB; Lambda allows 128–10240 — give 128–10,240 MB',
      ]);
    });
  });

  describe('reserved concurrency', () => {
    it('rejects reservations over the account limit minus the unreserved 100', () => {
      const texts = withChange('serverless:\n', 'serverless:\n  accountConcurrencyLimit: 125\n');
      expect(problemsOf(texts)).toEqual([
        'environments/dev/payments-dev.yaml:8:7: serverless.functions.payments-list.reservedConcurrency reserves 20 of 30 in total, over the 25 that account payments-dev can reserve (limit 125, 100 stay unreserved) — lower the reservations, or raise the quota with AWS and set serverless.accountConcurrencyLimit',
        'environments/dev/payments-dev.yaml:14:7: serverless.functions.payments-auth.reservedConcurrency reserves 10 of 30 in total, over the 25 that account payments-dev can reserve (limit 125, 100 stay unreserved) — lower the reservations, or raise the quota with AWS and set serverless.accountConcurrencyLimit',
      ]);
    });
  });

  describe('authorizers', () => {
    it('rejects a route naming an authorizer the API does not define', () => {
      expect(problemsOf(withChange('authorization: token', 'authorization: tokn'))).toEqual([
        'environments/dev/payments-dev.yaml:18:81: serverless.restApis.payments.routes.list-payments.authorization names authorizer tokn, which API payments does not define — use iam, none, or one of token, or add it under authorizers',
      ]);
    });
  });

  describe('HTTP APIs', () => {
    it('rejects WAF and a private endpoint with a message that says to use a REST API', () => {
      const texts = withChange('    status:\n', '    status:\n      waf: true\n      endpointType: private\n');
      expect(problemsOf(texts)).toEqual([
        'environments/dev/payments-dev.yaml:25:7: serverless.httpApis.status.waf is not available on HTTP APIs (WAF cannot be associated with them) — move status under serverless.restApis to use waf, or remove it',
        'environments/dev/payments-dev.yaml:26:7: serverless.httpApis.status.endpointType is not available on HTTP APIs (they cannot be private) — move status under serverless.restApis to use endpointType, or remove it',
      ]);
    });
  });

  describe('caching', () => {
    it('rejects a cache TTL over 3,600 s', () => {
      const texts = withChange(
        '      endpointType: private\n',
        '      endpointType: private\n      stage: { cache: { ttlSeconds: 7200 } }\n',
      );
      expect(problemsOf(texts)).toEqual([
        'environments/dev/payments-dev.yaml:17:25: serverless.restApis.payments.stage.cache.ttlSeconds is 7200 s; API Gateway caches for at most 3,600 — give 0–3,600 s (300 by default)',
      ]);
    });
  });

  describe('references', () => {
    it('rejects a route to an unknown function and an unknown failure queue', () => {
      let yaml = SERVERLESS_YAML.replace('function: payments-list, authorization: iam', 'function: payment-list, authorization: iam');
      yaml = yaml.replace('      privateResources: true\n', '      privateResources: true\n      failureQueue: missing\n');
      expect(problemsOf(textsWith(yaml))).toEqual([
        'environments/dev/payments-dev.yaml:9:7: serverless.functions.payments-list.failureQueue names queue missing, which is not a queue of this file — add it under queues, or leave it out',
        'environments/dev/payments-dev.yaml:27:51: serverless.httpApis.status.routes.get-status.function names function payment-list, which is not a function of this file — use one of payments-list, payments-auth',
      ]);
    });

    it('rejects a private API where the hub has no execute-api endpoint', () => {
      const texts = edit(textsWith(SERVERLESS_YAML), 'environments/dev.yaml', (doc) =>
        doc.setIn(['networkHub', 'interfaceEndpoints', 'services'], ['ssm', 'logs']),
      );
      expect(problemsOf(texts)).toEqual([
        'environments/dev/payments-dev.yaml:16:7: serverless.restApis.payments.endpointType is private, but environment dev has no execute-api interface endpoint — add execute-api to networkHub.interfaceEndpoints.services in environments/dev.yaml, or make the API regional',
      ]);
    });
  });

  describe('usage plans', () => {
    it('rejects an API key in two plans', () => {
      const texts = withChange('apiKeys: [billing] }\n', 'apiKeys: [billing] }\n        internal: { apiKeys: [billing] }\n');
      expect(problemsOf(texts)).toEqual([
        'environments/dev/payments-dev.yaml:23:31: serverless.restApis.payments.usagePlans.internal.apiKeys.0 repeats API key billing of usage plan partners — give each client one key, in one plan',
      ]);
    });
  });

  describe('an account without a VPC', () => {
    it('cannot have serverless workloads: its workloads stack follows its spoke', () => {
      const texts = edit(textsWith(SERVERLESS_YAML, 'environments/dev/tools-dev.yaml'), 'environments/dev.yaml', (doc) =>
        doc.setIn(['accounts', 'tools-dev'], { email: 'aws+tools-dev@acme.example', ou: 'NonProd' }),
      );
      expect(problemsOf(texts)).toContainEqual(
        'environments/dev/tools-dev.yaml:1:1: serverless is in account tools-dev, which has no VPC — give accounts.tools-dev a vpc in its environment file',
      );
    });
  });

  it('reports every problem of a file at once', () => {
    let yaml = SERVERLESS_YAML.replace('reservedConcurrency: 20\n', 'reservedConcurrency: 20\n      timeoutSeconds: 1000\n');
    yaml = yaml.replace('authorization: token', 'authorization: nobody');
    yaml = yaml.replace('    status:\n', '    status:\n      cache: { ttlSeconds: 60 }\n');
    expect(problemsOf(textsWith(yaml)).map((problem) => problem.split(' ')[0])).toEqual([
      'environments/dev/payments-dev.yaml:8:7:',
      'environments/dev/payments-dev.yaml:19:81:',
      'environments/dev/payments-dev.yaml:26:7:',
    ]);
  });
});
