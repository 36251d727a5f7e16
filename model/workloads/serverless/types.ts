/* The serverless part of a workloads plan: every value the stack hands to the modules, ready-made. */

import type { ArnRef, PublishesPlan } from '../messaging/types';

export interface ThrottlePlan {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** A queue of the file a function is invoked with (an event source mapping with partial batch responses). */
export interface QueueSourcePlan {
  /** Config name of the queue: the construct ID of the mapping. */
  readonly queue: string;
  /** SQS name (`.fifo` for a FIFO queue): the key of the stack's queues. */
  readonly queueName: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds?: number;
  readonly maximumConcurrency?: number;
  /** Encrypted with the account's messaging key: the role may decrypt with it. */
  readonly encrypted: boolean;
}

export interface LambdaFunctionPlan {
  /** Config name: the key routes and authorizers use, and the construct ID. */
  readonly name: string;
  /** `<org>-<function>`. */
  readonly functionName: string;
  readonly code: { readonly s3Bucket: string; readonly s3Key: string; readonly s3ObjectVersion?: string; readonly sourceCodeHash?: string };
  readonly runtime: string;
  readonly handler: string;
  readonly architecture: 'arm64' | 'x86_64';
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly ephemeralStorageMb: number;
  readonly reservedConcurrency: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetentionDays: number;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** SQS name of a queue of the file for failed invocations; undefined: the function gets its own. */
  readonly failureQueueName?: string;
  /** Keys of the spoke contract's `subnet_ids` (app tier) when the function reaches private resources. */
  readonly subnetKeys?: readonly string[];
  /** Queues it is invoked with, in name order. */
  readonly queueSources: readonly QueueSourcePlan[];
  /** What its role may send to; undefined: nothing. */
  readonly publishes?: PublishesPlan;
}

export type HttpMethodName = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ANY';

/** A route's authorization; `A` is the authorization types that name an authorizer. */
export type ApiAuthorizationPlan<A extends string> =
  { readonly type: 'NONE' } | { readonly type: 'AWS_IAM' } | { readonly type: A; readonly authorizer: string };

export type RestAuthorizationPlan = ApiAuthorizationPlan<'CUSTOM' | 'COGNITO_USER_POOLS'>;
export type HttpAuthorizationPlan = ApiAuthorizationPlan<'CUSTOM' | 'JWT'>;

/** What a REST method does: invoke a function (Lambda proxy), send to a queue or put an event on the bus. */
export type RestTargetPlan =
  | { readonly kind: 'function'; readonly function: string }
  | { readonly kind: 'queue'; readonly queue: string; readonly arn: ArnRef; readonly fifo: boolean; readonly encrypted: boolean }
  | {
      readonly kind: 'bus';
      readonly arn: ArnRef;
      readonly source: string;
      readonly detailType: string;
      readonly encrypted: boolean;
    };

export interface RestRoutePlan {
  readonly name: string;
  readonly method: HttpMethodName;
  readonly path: string;
  readonly target: RestTargetPlan;
  readonly authorization: RestAuthorizationPlan;
  readonly apiKeyRequired: boolean;
  readonly throttle?: ThrottlePlan;
}

export interface RestAuthorizerPlan {
  readonly name: string;
  readonly type: 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';
  readonly function?: string;
  readonly userPoolArns?: readonly string[];
  readonly identitySource: string;
  readonly resultTtlSeconds: number;
}

export interface RestApiPlan {
  readonly name: string;
  /** `<org>-<api>`. */
  readonly apiName: string;
  readonly endpointType: 'REGIONAL' | 'PRIVATE';
  readonly routes: readonly RestRoutePlan[];
  readonly authorizers: readonly RestAuthorizerPlan[];
  readonly stage: {
    readonly name: string;
    readonly loggingLevel: 'OFF' | 'ERROR' | 'INFO';
    readonly throttle: ThrottlePlan;
    readonly cache?: { readonly sizeGb: string; readonly ttlSeconds: number };
  };
  readonly usagePlans: readonly {
    readonly name: string;
    readonly throttle?: ThrottlePlan;
    readonly quota?: { readonly limit: number; readonly period: 'DAY' | 'WEEK' | 'MONTH' };
    readonly apiKeys: readonly string[];
  }[];
  /** Role API Gateway sends to queues and the bus with (`<org>-<api>-integrations`); undefined: no such method. */
  readonly integrationRoleName?: string;
  /** Name of the regional web ACL created for the API; undefined: none. */
  readonly webAclName?: string;
  readonly accessLogRetentionDays: number;
}

export interface HttpRoutePlan {
  readonly name: string;
  readonly method: HttpMethodName;
  readonly path: string;
  readonly function: string;
  readonly authorization: HttpAuthorizationPlan;
}

export interface HttpAuthorizerPlan {
  readonly name: string;
  readonly type: 'JWT' | 'REQUEST';
  readonly jwt?: { readonly issuer: string; readonly audience: readonly string[] };
  readonly function?: string;
}

export interface HttpApiPlan {
  readonly name: string;
  readonly apiName: string;
  readonly routes: readonly HttpRoutePlan[];
  readonly authorizers: readonly HttpAuthorizerPlan[];
  readonly throttle: ThrottlePlan;
  readonly accessLogRetentionDays: number;
}

export interface ServerlessPlan {
  readonly functions: readonly LambdaFunctionPlan[];
  readonly restApis: readonly RestApiPlan[];
  readonly httpApis: readonly HttpApiPlan[];
  /**
   * The account's API Gateway CloudWatch role (an account/region singleton, owned by this stack
   * only), present when the account has a REST API: execution and access logs need it.
   */
  readonly cloudWatchRoleName?: string;
}
