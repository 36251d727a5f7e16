import { vpcTiers } from '../../defaults';
import type { ConfigProblem } from '../../problems';
import { BUILT_IN_AUTHORIZATIONS, type ServerlessConfig } from '../../workloads/serverless/schema';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import { noVpcProblem, workloadsEntries, type WorkloadsEntry } from './workloads';

/* Lambda functions, REST APIs and HTTP APIs of workloads files. */

/** Lambda's and API Gateway's hard limits (docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). */
export const SERVERLESS_LIMITS = {
  timeoutSeconds: { min: 1, max: 900 },
  memoryMb: { min: 128, max: 10240 },
  ephemeralStorageMb: { min: 512, max: 10240 },
  /** Concurrency Lambda keeps unreserved in every account and region. */
  unreservedMinimum: 100,
  maxCacheTtlSeconds: 3600,
};

interface ServerlessEntry extends WorkloadsEntry {
  readonly serverless: ServerlessConfig;
}

function serverlessEntries(index: Parameters<ConfigRule['check']>[0]): ServerlessEntry[] {
  return workloadsEntries(index).flatMap((entry) =>
    entry.workloads.config.serverless ? [{ ...entry, serverless: entry.workloads.config.serverless }] : [],
  );
}

function at(entry: ServerlessEntry, path: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  return problemAt(entry.workloads.source, ['serverless', ...path], message, fix);
}

/** Every API of an entry, REST and HTTP, with its section. */
function apis(entry: ServerlessEntry) {
  return [
    ...Object.entries(entry.serverless.restApis).map(([name, api]) => ({ name, api, section: 'restApis' as const })),
    ...Object.entries(entry.serverless.httpApis).map(([name, api]) => ({ name, api, section: 'httpApis' as const })),
  ];
}

export const functionLimits: ConfigRule = {
  id: 'serverless/function-limits',
  description: 'A function’s timeout (≤ 900 s), memory (128–10,240 MB) and /tmp (512–10,240 MB) are ones Lambda offers.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) =>
      Object.entries(entry.serverless.functions).flatMap(([name, fn]) => {
        const checks = [
          ['timeoutSeconds', fn.timeoutSeconds, SERVERLESS_LIMITS.timeoutSeconds, 's', 'move longer work to Step Functions, Batch or ECS'],
          ['memoryMb', fn.memoryMb, SERVERLESS_LIMITS.memoryMb, 'MB', 'give 128–10,240 MB'],
          ['ephemeralStorageMb', fn.ephemeralStorageMb, SERVERLESS_LIMITS.ephemeralStorageMb, 'MB', 'give 512–10,240 MB'],
        ] as const;
        return checks
          .filter(([, value, range]) => value < range.min || value > range.max)
          .map(([key, value, range, unit, fix]) =>
            at(entry, ['functions', name, key], `is ${value} ${unit}; Lambda allows ${range.min}–${range.max}`, fix),
          );
      }),
    ),
};

export const reservedConcurrencyWithinLimit: ConfigRule = {
  id: 'serverless/reserved-concurrency-within-limit',
  description: "The functions of an account reserve at most its concurrency limit minus Lambda's unreserved minimum (100).",
  check: (index) =>
    serverlessEntries(index).flatMap((entry) => {
      const { accountConcurrencyLimit, functions } = entry.serverless;
      const reservable = accountConcurrencyLimit - SERVERLESS_LIMITS.unreservedMinimum;
      const total = Object.values(functions).reduce((sum, fn) => sum + fn.reservedConcurrency, 0);
      if (total <= reservable) return [];
      return Object.entries(functions)
        .filter(([, fn]) => fn.reservedConcurrency > 0)
        .map(([name, fn]) =>
          at(
            entry,
            ['functions', name, 'reservedConcurrency'],
            `reserves ${fn.reservedConcurrency} of ${total} in total, over the ${reservable} that account ${entry.workloads.account} can reserve (limit ${accountConcurrencyLimit}, ${SERVERLESS_LIMITS.unreservedMinimum} stay unreserved)`,
            'lower the reservations, or raise the quota with AWS and set serverless.accountConcurrencyLimit',
          ),
        );
    }),
};

export const functionReferencesResolve: ConfigRule = {
  id: 'serverless/function-references-resolve',
  description: 'A function’s failure queue is a queue of its file; a function with private resources has an app tier to run in.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) =>
      Object.entries(entry.serverless.functions).flatMap(([name, fn]): ConfigProblem[] => {
        const queues = Object.keys(entry.workloads.config.queues);
        const problems: ConfigProblem[] = [];
        if (fn.failureQueue && !queues.includes(fn.failureQueue)) {
          problems.push(
            at(
              entry,
              ['functions', name, 'failureQueue'],
              `names queue ${fn.failureQueue}, which is not a queue of this file`,
              queues.length > 0
                ? `use one of ${queues.join(', ')}, or leave it out for a queue of its own`
                : 'add it under queues, or leave it out',
            ),
          );
        }
        const tier = entry.account?.vpc ? vpcTiers(entry.account.vpc).app : undefined;
        if (fn.privateResources && entry.account && (!tier || tier.ipv6Only)) {
          problems.push(
            at(
              entry,
              ['functions', name, 'privateResources'],
              `is on, but account ${entry.workloads.account} has no ${entry.account.vpc ? 'IPv4 app tier' : 'VPC'}`,
              `give accounts.${entry.workloads.account}.vpc an app tier, or turn privateResources off`,
            ),
          );
        }
        return problems;
      }),
    ),
};

export const apiFunctionsExist: ConfigRule = {
  id: 'serverless/api-functions-exist',
  description: 'Every route and Lambda authorizer of an API names a function of its file.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) => {
      const functions = Object.keys(entry.serverless.functions);
      const unknown = (path: readonly (string | number)[], fn: string) =>
        functions.includes(fn)
          ? []
          : [
              at(
                entry,
                path,
                `names function ${fn}, which is not a function of this file`,
                functions.length > 0 ? `use one of ${functions.join(', ')}` : `add ${fn} under serverless.functions`,
              ),
            ];
      return apis(entry).flatMap(({ name, api, section }) => [
        ...Object.entries(api.routes).flatMap(([route, spec]) =>
          spec.function === undefined ? [] : unknown([section, name, 'routes', route, 'function'], spec.function),
        ),
        ...Object.entries(api.authorizers).flatMap(([authorizer, spec]) =>
          'function' in spec ? unknown([section, name, 'authorizers', authorizer, 'function'], spec.function) : [],
        ),
      ]);
    }),
};

export const routeAuthorizersExist: ConfigRule = {
  id: 'serverless/route-authorizers-exist',
  description: 'A route is authorized by iam, none, or an authorizer of its API.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) =>
      apis(entry).flatMap(({ name, api, section }) =>
        Object.entries(api.routes).flatMap(([route, spec]) => {
          const authorizers = Object.keys(api.authorizers);
          const known = [...BUILT_IN_AUTHORIZATIONS, ...authorizers] as string[];
          if (known.includes(spec.authorization)) return [];
          return [
            at(
              entry,
              [section, name, 'routes', route, 'authorization'],
              `names authorizer ${spec.authorization}, which API ${name} does not define`,
              `use iam, none${authorizers.length > 0 ? `, or one of ${authorizers.join(', ')}` : ''}, or add it under authorizers`,
            ),
          ];
        }),
      ),
    ),
};

export const httpApisWithoutRestFeatures: ConfigRule = {
  id: 'serverless/http-api-without-rest-features',
  description: 'An HTTP API asks for nothing only REST APIs have: private endpoints, WAF, caching, usage plans, execution logging.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) =>
      Object.entries(entry.serverless.httpApis).flatMap(([name, api]) =>
        (['endpointType', 'waf', 'cache', 'usagePlans', 'loggingLevel'] as const)
          .filter((key) => api[key] !== undefined)
          .map((key) =>
            at(
              entry,
              ['httpApis', name, key],
              `is not available on HTTP APIs (${REST_ONLY_REASONS[key]})`,
              `move ${name} under serverless.restApis to use ${key}, or remove it`,
            ),
          ),
      ),
    ),
};

const REST_ONLY_REASONS = {
  endpointType: 'they cannot be private',
  waf: 'WAF cannot be associated with them',
  cache: 'they have no cache',
  usagePlans: 'usage plans and API keys are REST only',
  loggingLevel: 'they have no execution logs',
} as const;

export const cacheTtlWithinLimit: ConfigRule = {
  id: 'serverless/cache-ttl-within-limit',
  description: 'A REST API stage caches responses for at most 3,600 s.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) =>
      Object.entries(entry.serverless.restApis)
        .filter(([, api]) => (api.stage.cache?.ttlSeconds ?? 0) > SERVERLESS_LIMITS.maxCacheTtlSeconds)
        .map(([name, api]) =>
          at(
            entry,
            ['restApis', name, 'stage', 'cache', 'ttlSeconds'],
            `is ${api.stage.cache!.ttlSeconds} s; API Gateway caches for at most 3,600`,
            'give 0–3,600 s (300 by default)',
          ),
        ),
    ),
};

export const privateApiNeedsEndpoint: ConfigRule = {
  id: 'serverless/private-api-needs-endpoint',
  description: "A private REST API's environment has an execute-api interface endpoint in its hub.",
  check: (index) =>
    serverlessEntries(index).flatMap((entry) => {
      const services = entry.environment?.config.networkHub.interfaceEndpoints?.services ?? [];
      if (!entry.environment || services.includes('execute-api')) return [];
      return Object.entries(entry.serverless.restApis)
        .filter(([, api]) => api.endpointType === 'private')
        .map(([name]) =>
          at(
            entry,
            ['restApis', name, 'endpointType'],
            `is private, but environment ${entry.workloads.environment} has no execute-api interface endpoint`,
            `add execute-api to networkHub.interfaceEndpoints.services in ${entry.environment!.source.file}, or make the API regional`,
          ),
        );
    }),
};

export const apiKeysDistinct: ConfigRule = {
  id: 'serverless/api-keys-distinct',
  description: 'An API key belongs to one usage plan of its REST API.',
  check: (index) =>
    serverlessEntries(index).flatMap((entry) =>
      Object.entries(entry.serverless.restApis).flatMap(([name, api]) => {
        const owner = new Map<string, string>();
        return Object.entries(api.usagePlans).flatMap(([plan, spec]) =>
          spec.apiKeys.flatMap((key, position) => {
            const first = owner.get(key);
            if (first === undefined) {
              owner.set(key, plan);
              return [];
            }
            return [
              at(
                entry,
                ['restApis', name, 'usagePlans', plan, 'apiKeys', position],
                `repeats API key ${key} of usage plan ${first}`,
                'give each client one key, in one plan',
              ),
            ];
          }),
        );
      }),
    ),
};

export const serverlessNeedsSpoke: ConfigRule = {
  id: 'serverless/needs-spoke',
  description: 'An account with serverless workloads has a VPC: its workloads stack follows the spoke stack.',
  check: (index) =>
    serverlessEntries(index)
      .filter((entry) => entry.account && !entry.account.vpc)
      .map((entry) => noVpcProblem(entry.workloads, ['serverless'], 'is in')),
};
