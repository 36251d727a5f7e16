import { z } from 'zod';
import { AccountName, ResourceName } from '../../schema-primitives';
import { PublishesSchema } from '../messaging/schema';

/*
 * The `serverless` section of a workloads file: Lambda functions, REST APIs (API Gateway v1) and
 * HTTP APIs (v2). Ranges that AWS enforces (timeout, memory, cache TTL, concurrency) are checked by
 * the serverless rules, so the message can say what to do instead.
 */

const EnvironmentVariableName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,254}$/, 'is not an environment variable name — use letters, digits and underscores');

const Code = z
  .strictObject({
    s3Bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'is not an S3 bucket name'),
    s3Key: z.string().min(1).describe('Key of the zip CI uploaded, e.g. orders/list/1.8.0.zip; a new key deploys new code.'),
    s3ObjectVersion: z.string().optional().describe('Object version, for a versioned bucket that reuses keys.'),
    sourceCodeHash: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'is not a base64 SHA-256 — give `openssl dgst -sha256 -binary code.zip | base64`')
      .optional()
      .describe('Base64 SHA-256 of the zip: a rebuilt artifact under the same key is deployed.'),
  })
  .describe('The artifact CI built and uploaded; Terraform never packages code.');

const QueueSource = z
  .strictObject({
    batchSize: z
      .int()
      .default(10)
      .describe('Messages per invocation: 1–10,000, at most 10 on a FIFO queue; over 10 needs a batching window.'),
    maximumBatchingWindowSeconds: z
      .int()
      .optional()
      .describe('Seconds Lambda gathers messages before it invokes (0–300; not on FIFO queues); default: none.'),
    maximumConcurrency: z
      .int()
      .optional()
      .describe("Concurrent invocations this queue may drive (2–1,000); default: up to the function's reserved concurrency."),
  })
  .describe('An event source mapping: Lambda polls the queue and the function reports failed messages one by one.');

export const LambdaFunctionSchema = z.strictObject({
  code: Code,
  runtime: z.string().regex(/^(nodejs|python|java|dotnet|ruby|provided)[a-z0-9.]*$/, 'is not a Lambda runtime, e.g. nodejs22.x'),
  handler: z.string().min(1),
  architecture: z.enum(['arm64', 'x86_64']).default('arm64'),
  memoryMb: z.int().default(128).describe('128–10,240 MB.'),
  timeoutSeconds: z.int().default(30).describe('1–900 s.'),
  ephemeralStorageMb: z.int().default(512).describe('/tmp, 512–10,240 MB.'),
  reservedConcurrency: z
    .int()
    .min(0)
    .default(10)
    .describe("Concurrency reserved for the function; all functions together leave the account's unreserved minimum (100)."),
  environment: z.record(EnvironmentVariableName, z.string()).default({}).describe('Plain, non-secret values only.'),
  privateResources: z
    .boolean()
    .default(false)
    .describe("Reaches private resources: runs in the spoke's app tier with a security group of its own."),
  failureQueue: ResourceName.optional().describe(
    'A queue of `queues` in this file for failed async invocations; default: one created for it.',
  ),
  consumes: z
    .record(ResourceName, QueueSource)
    .default({})
    .describe('Queues of `queues` in this file the function is invoked with, by name (`{}` for the defaults).'),
  publishes: PublishesSchema.optional(),
  logRetentionDays: z.int().min(1).default(30),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

const Throttle = z.strictObject({
  rateLimit: z.number().min(0).max(10000).describe('Requests per second (account default 10,000).'),
  burstLimit: z.int().min(0).max(5000).describe('Burst (account default 5,000).'),
});

const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);
const Path = z.string().regex(/^\/[A-Za-z0-9._~{}+/-]*$/, 'is not a resource path — start with / and use {name} for parameters');

const Route = z.strictObject({
  method: HttpMethod,
  path: Path,
  function: ResourceName.describe('A function of `serverless.functions`.'),
  authorization: z
    .string()
    .default('iam')
    .describe('`iam`, `none` (policy rule LZ-APIGW-002 refuses it without an API key) or the name of an authorizer of the API.'),
});

const RestRoute = Route.extend({
  function: ResourceName.optional().describe(
    'A function of `serverless.functions` (Lambda proxy). Exactly one of function, queue and bus.',
  ),
  queue: ResourceName.optional().describe('A queue of `queues` in this file: the request body becomes one message (SQS SendMessage).'),
  bus: AccountName.optional().describe("This account's event bus, named by the account: the request body becomes one event's detail."),
  event: z
    .strictObject({
      source: z.string().min(1).max(256).optional().describe('Default: <org>.<api>.'),
      detailType: z.string().min(1).max(128).optional().describe('Default: the route name.'),
    })
    .optional()
    .describe('Source and detail type of the events a bus route puts.'),
  apiKeyRequired: z.boolean().default(false),
  throttle: Throttle.optional().describe("Overrides the stage's throttling for this method."),
});

const RestAuthorizer = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.enum(['token', 'request']),
    function: ResourceName.describe('A function of `serverless.functions`.'),
    identitySource: z.string().default('method.request.header.Authorization'),
    resultTtlSeconds: z.int().min(0).max(3600).default(300),
  }),
  z.strictObject({
    type: z.literal('cognito'),
    userPoolArns: z
      .array(z.string().regex(/^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[\w-]+$/, 'is not a Cognito user pool ARN'))
      .min(1),
    identitySource: z.string().default('method.request.header.Authorization'),
    resultTtlSeconds: z.int().min(0).max(3600).default(300),
  }),
]);

const Stage = z.strictObject({
  name: ResourceName.default('live'),
  loggingLevel: z.enum(['OFF', 'ERROR', 'INFO']).default('ERROR').describe('Execution logging; full request data is never logged.'),
  throttle: Throttle.default({ rateLimit: 100, burstLimit: 50 }),
  cache: z
    .strictObject({
      sizeGb: z.enum(['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237']).default('0.5'),
      ttlSeconds: z.int().min(0).default(300).describe('At most 3,600.'),
    })
    .optional()
    .describe('Encrypted response cache.'),
});

const UsagePlan = z.strictObject({
  throttle: Throttle.optional(),
  quota: z.strictObject({ limit: z.int().min(1), period: z.enum(['DAY', 'WEEK', 'MONTH']) }).optional(),
  apiKeys: z.array(ResourceName).default([]).describe('API keys created for the plan’s clients (names unique in the API).'),
});

export const RestApiSchema = z.strictObject({
  endpointType: z
    .enum(['regional', 'private'])
    .default('regional')
    .describe("private: invocable only through the environment's execute-api interface endpoint in the hub."),
  routes: z.record(ResourceName, RestRoute).describe('Methods by a stable name.'),
  authorizers: z.record(ResourceName, RestAuthorizer).default({}),
  stage: Stage.default({ name: 'live', loggingLevel: 'ERROR', throttle: { rateLimit: 100, burstLimit: 50 } }),
  usagePlans: z.record(ResourceName, UsagePlan).default({}),
  waf: z.boolean().default(false).describe('A regional web ACL with AWS managed rule groups on the stage.'),
  accessLogRetentionDays: z.int().min(1).default(30),
});

const HttpAuthorizer = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('jwt'),
    issuer: z.url().describe('Token issuer, e.g. https://cognito-idp.<region>.amazonaws.com/<pool id>.'),
    audience: z.array(z.string()).min(1),
  }),
  z.strictObject({ type: z.literal('request'), function: ResourceName }),
]);

const REST_ONLY = 'REST APIs only: an HTTP API rejects it (use a REST API).';

export const HttpApiSchema = z.strictObject({
  routes: z.record(ResourceName, Route),
  authorizers: z.record(ResourceName, HttpAuthorizer).default({}),
  throttle: Throttle.default({ rateLimit: 100, burstLimit: 50 }),
  accessLogRetentionDays: z.int().min(1).default(30),
  // Accepted by the schema only so validation can say to use a REST API instead.
  endpointType: z.unknown().optional().describe(REST_ONLY),
  waf: z.unknown().optional().describe(REST_ONLY),
  cache: z.unknown().optional().describe(REST_ONLY),
  usagePlans: z.unknown().optional().describe(REST_ONLY),
  loggingLevel: z.unknown().optional().describe(REST_ONLY),
});

export const ServerlessSchema = z
  .strictObject({
    accountConcurrencyLimit: z
      .int()
      .min(1)
      .default(1000)
      .describe("The account's regional Lambda concurrency quota (1,000 unless raised)."),
    functions: z.record(ResourceName, LambdaFunctionSchema).default({}).describe('Lambda functions by name.'),
    restApis: z.record(ResourceName, RestApiSchema).default({}).describe('REST APIs (API Gateway v1) by name.'),
    httpApis: z.record(ResourceName, HttpApiSchema).default({}).describe('HTTP APIs (API Gateway v2) by name.'),
  })
  .describe('Serverless: Lambda functions behind REST or HTTP APIs.');

export type ServerlessConfig = z.infer<typeof ServerlessSchema>;
export type LambdaFunctionConfig = z.infer<typeof LambdaFunctionSchema>;
export type RestApiConfig = z.infer<typeof RestApiSchema>;
export type HttpApiConfig = z.infer<typeof HttpApiSchema>;
export type QueueSourceConfig = z.infer<typeof QueueSource>;
export type RestRouteConfig = z.infer<typeof RestRoute>;

/** The route authorizations that are not authorizer names. */
export const BUILT_IN_AUTHORIZATIONS = ['iam', 'none'] as const;
