import type { ConfigText } from '../../../model/load';
import { sampleTexts } from '../../support/config';

export const PAYMENTS_DEV = 'environments/dev/payments-dev.yaml';

/** A valid serverless section for payments-dev: a private REST API with a token authorizer and a usage plan, and an HTTP API. */
export const SERVERLESS_YAML = `serverless:
  functions:
    payments-list:
      code: { s3Bucket: acme-artifacts-dev, s3Key: payments/list/1.0.0.zip }
      runtime: nodejs22.x
      handler: index.handler
      reservedConcurrency: 20
      privateResources: true
    payments-auth:
      code: { s3Bucket: acme-artifacts-dev, s3Key: payments/auth/1.0.0.zip }
      runtime: nodejs22.x
      handler: index.handler
      reservedConcurrency: 10
  restApis:
    payments:
      endpointType: private
      routes:
        list-payments: { method: GET, path: /payments, function: payments-list, authorization: token }
      authorizers:
        token: { type: token, function: payments-auth }
      usagePlans:
        partners: { quota: { limit: 1000, period: DAY }, apiKeys: [billing] }
  httpApis:
    status:
      routes:
        get-status: { method: GET, path: /status, function: payments-list, authorization: iam }
`;

/** The sample's environment files plus payments-dev's workloads file with `yaml`. */
export function textsWith(yaml: string, file = PAYMENTS_DEV): ConfigText[] {
  return [...sampleTexts(), { file, text: yaml }];
}
