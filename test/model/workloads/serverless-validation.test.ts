import { landingZoneFromTexts } from '../../../model/load';
import { edit, problemsOf, replaceText, sampleTexts } from '../../support/config';
import { at, change, ruleProblems } from '../validate/fixtures';
import { PAYMENTS_DEV, SERVERLESS_YAML, textsWith } from './serverless-fixtures';

const DEV = 'environments/dev.yaml';
const TOOLS_DEV = 'environments/dev/tools-dev.yaml';

/** The sample's files with `file` holding only `yaml` (the sample's payments-dev.yaml is replaced, so locations are in `yaml`). */
const serverless = (yaml = SERVERLESS_YAML, file = PAYMENTS_DEV) => replaceText(sampleTexts(), file, yaml);

const withChange = (from: string, to: string) => {
  if (!SERVERLESS_YAML.includes(from)) throw new Error(`fixture has no ${from}`);
  return serverless(SERVERLESS_YAML.replace(from, to));
};

describe('serverless validation', () => {
  it('accepts a private REST API with a token authorizer and a usage plan, and an HTTP API', () => {
    expect(() => landingZoneFromTexts(textsWith(SERVERLESS_YAML))).not.toThrow();
  });

  describe('serverless/needs-spoke', () => {
    it('passes serverless workloads in an account with a VPC', () => {
      expect(ruleProblems('serverless/needs-spoke', serverless())).toEqual([]);
    });

    it('fails serverless workloads in an account without a VPC: its workloads stack follows its spoke', () => {
      const texts = edit(serverless(SERVERLESS_YAML, TOOLS_DEV), DEV, (doc) =>
        doc.setIn(['accounts', 'tools-dev'], { email: 'aws+tools-dev@acme.example', ou: 'NonProd' }),
      );
      expect(ruleProblems('serverless/needs-spoke', texts)).toEqual([
        `${at(texts, TOOLS_DEV, 'serverless')}: serverless is in account tools-dev, which has no VPC — give accounts.tools-dev a vpc in its environment file`,
      ]);
    });
  });

  describe('serverless/function-limits', () => {
    it('passes the limits Lambda allows', () => {
      const texts = withChange(
        'reservedConcurrency: 20\n',
        'reservedConcurrency: 20\n      timeoutSeconds: 900\n      memoryMb: 10240\n      ephemeralStorageMb: 512\n',
      );
      expect(ruleProblems('serverless/function-limits', texts)).toEqual([]);
    });

    it('fails a timeout over 900 s, memory and /tmp out of range, located at each', () => {
      const texts = withChange(
        'reservedConcurrency: 20\n',
        'reservedConcurrency: 20\n      timeoutSeconds: 901\n      memoryMb: 64\n      ephemeralStorageMb: 10241\n',
      );
      expect(ruleProblems('serverless/function-limits', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'timeoutSeconds')}: serverless.functions.payments-list.timeoutSeconds is 901 s; Lambda allows 1–900 — move longer work to Step Functions, Batch or ECS`,
        `${at(texts, PAYMENTS_DEV, 'memoryMb')}: serverless.functions.payments-list.memoryMb is 64 MB; Lambda allows 128–10240 — give 128–10,240 MB`,
        `${at(texts, PAYMENTS_DEV, 'ephemeralStorageMb')}: serverless.functions.payments-list.ephemeralStorageMb is 10241 MB; Lambda allows 512–10240 — give 512–10,240 MB`,
      ]);
    });
  });

  describe('serverless/reserved-concurrency-within-limit', () => {
    it('passes reservations of exactly the account limit minus the unreserved 100', () => {
      const texts = withChange('serverless:\n', 'serverless:\n  accountConcurrencyLimit: 130\n');
      expect(ruleProblems('serverless/reserved-concurrency-within-limit', texts)).toEqual([]);
    });

    it('fails reservations over the account limit minus the unreserved 100, at each reservation', () => {
      const texts = withChange('serverless:\n', 'serverless:\n  accountConcurrencyLimit: 125\n');
      expect(ruleProblems('serverless/reserved-concurrency-within-limit', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'reservedConcurrency')}: serverless.functions.payments-list.reservedConcurrency reserves 20 of 30 in total, over the 25 that account payments-dev can reserve (limit 125, 100 stay unreserved) — lower the reservations, or raise the quota with AWS and set serverless.accountConcurrencyLimit`,
        `${at(texts, PAYMENTS_DEV, 'reservedConcurrency', 2)}: serverless.functions.payments-auth.reservedConcurrency reserves 10 of 30 in total, over the 25 that account payments-dev can reserve (limit 125, 100 stay unreserved) — lower the reservations, or raise the quota with AWS and set serverless.accountConcurrencyLimit`,
      ]);
    });
  });

  describe('serverless/function-references-resolve', () => {
    it('passes a failure queue of the file, and private resources with an app tier', () => {
      const yaml = `queues:\n  failed: {}\n${SERVERLESS_YAML.replace('      privateResources: true\n', '      privateResources: true\n      failureQueue: failed\n')}`;
      expect(ruleProblems('serverless/function-references-resolve', serverless(yaml))).toEqual([]);
    });

    it('fails an unknown failure queue, and private resources without an IPv4 app tier', () => {
      let texts = withChange('      privateResources: true\n', '      privateResources: true\n      failureQueue: missing\n');
      texts = change(
        texts,
        DEV,
        'subnets: { public: 24, app: 20, data: 24 }',
        'subnets: { public: 24, app: { ipv6Only: true }, data: 24 }',
      );
      expect(ruleProblems('serverless/function-references-resolve', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'failureQueue')}: serverless.functions.payments-list.failureQueue names queue missing, which is not a queue of this file — add it under queues, or leave it out`,
        `${at(texts, PAYMENTS_DEV, 'privateResources')}: serverless.functions.payments-list.privateResources is on, but account payments-dev has no IPv4 app tier — give accounts.payments-dev.vpc an app tier, or turn privateResources off`,
      ]);
    });
  });

  describe('serverless/api-functions-exist', () => {
    it('passes routes and authorizers that name functions of the file', () => {
      expect(ruleProblems('serverless/api-functions-exist', serverless())).toEqual([]);
    });

    it('fails a route and a Lambda authorizer naming unknown functions', () => {
      let yaml = SERVERLESS_YAML.replace('function: payments-list, authorization: iam', 'function: payment-list, authorization: iam');
      yaml = yaml.replace('function: payments-auth }', 'function: payments-authz }');
      const texts = serverless(yaml);
      expect(ruleProblems('serverless/api-functions-exist', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'function: payments-authz')}: serverless.restApis.payments.authorizers.token.function names function payments-authz, which is not a function of this file — use one of payments-list, payments-auth`,
        `${at(texts, PAYMENTS_DEV, 'function: payment-list')}: serverless.httpApis.status.routes.get-status.function names function payment-list, which is not a function of this file — use one of payments-list, payments-auth`,
      ]);
    });
  });

  describe('serverless/route-authorizers-exist', () => {
    it('passes routes authorized by iam or an authorizer of their API', () => {
      expect(ruleProblems('serverless/route-authorizers-exist', serverless())).toEqual([]);
    });

    it('fails a route naming an authorizer the API does not define', () => {
      const texts = withChange('authorization: token', 'authorization: tokn');
      expect(ruleProblems('serverless/route-authorizers-exist', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'authorization: tokn')}: serverless.restApis.payments.routes.list-payments.authorization names authorizer tokn, which API payments does not define — use iam, none, or one of token, or add it under authorizers`,
      ]);
    });
  });

  describe('serverless/http-api-without-rest-features', () => {
    it('passes an HTTP API with routes only, and a REST API with a private endpoint', () => {
      expect(ruleProblems('serverless/http-api-without-rest-features', serverless())).toEqual([]);
    });

    it('fails WAF and a private endpoint with a message that says to use a REST API', () => {
      const texts = withChange('    status:\n', '    status:\n      waf: true\n      endpointType: private\n');
      expect(ruleProblems('serverless/http-api-without-rest-features', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'endpointType', { after: 'status:' })}: serverless.httpApis.status.endpointType is not available on HTTP APIs (they cannot be private) — move status under serverless.restApis to use endpointType, or remove it`,
        `${at(texts, PAYMENTS_DEV, 'waf')}: serverless.httpApis.status.waf is not available on HTTP APIs (WAF cannot be associated with them) — move status under serverless.restApis to use waf, or remove it`,
      ]);
    });
  });

  describe('serverless/cache-ttl-within-limit', () => {
    const withTtl = (seconds: number) =>
      withChange('      endpointType: private\n', `      endpointType: private\n      stage: { cache: { ttlSeconds: ${seconds} } }\n`);

    it('passes a cache TTL of 3,600 s', () => {
      expect(ruleProblems('serverless/cache-ttl-within-limit', withTtl(3600))).toEqual([]);
    });

    it('fails a cache TTL over 3,600 s', () => {
      const texts = withTtl(7200);
      expect(ruleProblems('serverless/cache-ttl-within-limit', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'ttlSeconds')}: serverless.restApis.payments.stage.cache.ttlSeconds is 7200 s; API Gateway caches for at most 3,600 — give 0–3,600 s (300 by default)`,
      ]);
    });
  });

  describe('serverless/private-api-needs-endpoint', () => {
    it('passes a private API where the hub has an execute-api endpoint', () => {
      expect(ruleProblems('serverless/private-api-needs-endpoint', serverless())).toEqual([]);
    });

    it('fails a private API where the hub has no execute-api endpoint', () => {
      const texts = edit(serverless(), DEV, (doc) => doc.setIn(['networkHub', 'interfaceEndpoints', 'services'], ['ssm', 'logs']));
      expect(ruleProblems('serverless/private-api-needs-endpoint', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'endpointType')}: serverless.restApis.payments.endpointType is private, but environment dev has no execute-api interface endpoint — add execute-api to networkHub.interfaceEndpoints.services in ${DEV}, or make the API regional`,
      ]);
    });
  });

  describe('serverless/api-keys-distinct', () => {
    it('passes usage plans with keys of their own', () => {
      const texts = withChange('apiKeys: [billing] }\n', 'apiKeys: [billing] }\n        internal: { apiKeys: [reporting] }\n');
      expect(ruleProblems('serverless/api-keys-distinct', texts)).toEqual([]);
    });

    it('fails an API key in two plans', () => {
      const texts = withChange('apiKeys: [billing] }\n', 'apiKeys: [billing] }\n        internal: { apiKeys: [billing] }\n');
      expect(ruleProblems('serverless/api-keys-distinct', texts)).toEqual([
        `${at(texts, PAYMENTS_DEV, 'billing', 2)}: serverless.restApis.payments.usagePlans.internal.apiKeys.0 repeats API key billing of usage plan partners — give each client one key, in one plan`,
      ]);
    });
  });

  it('reports every problem of a file at once', () => {
    let yaml = SERVERLESS_YAML.replace('reservedConcurrency: 20\n', 'reservedConcurrency: 20\n      timeoutSeconds: 1000\n');
    yaml = yaml.replace('authorization: token', 'authorization: nobody');
    yaml = yaml.replace('    status:\n', '    status:\n      cache: { ttlSeconds: 60 }\n');
    const texts = textsWith(yaml);
    expect(problemsOf(texts).map((problem) => problem.split(' ')[0])).toEqual([
      `${at(texts, PAYMENTS_DEV, 'timeoutSeconds: 1000')}:`,
      `${at(texts, PAYMENTS_DEV, 'authorization: nobody')}:`,
      `${at(texts, PAYMENTS_DEV, 'cache', { after: '    status:' })}:`,
    ]);
  });
});
