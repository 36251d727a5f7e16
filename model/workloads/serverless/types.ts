/* The serverless part of a workloads plan: every value the stack hands to the modules, ready-made. */

export interface ThrottlePlan {
  readonly rateLimit: number;
  readonly burstLimit: number;
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
}

export type HttpMethodName = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ANY';

/** A route's authorization; `A` is the authorization types that name an authorizer. */
export type ApiAuthorizationPlan<A extends string> =
  { readonly type: 'NONE' } | { readonly type: 'AWS_IAM' } | { readonly type: A; readonly authorizer: string };

export type RestAuthorizationPlan = ApiAuthorizationPlan<'CUSTOM' | 'COGNITO_USER_POOLS'>;
export type HttpAuthorizationPlan = ApiAuthorizationPlan<'CUSTOM' | 'JWT'>;

export interface RestRoutePlan {
  readonly name: string;
  readonly method: HttpMethodName;
  readonly path: string;
  /** Config name of the function. */
  readonly function: string;
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
