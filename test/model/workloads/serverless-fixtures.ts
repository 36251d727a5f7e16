import { isMap, parseDocument, type YAMLMap } from 'yaml';
import type { ConfigText } from '../../../model/load';
import { replaceText, sampleTexts } from '../../support/config';

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

/**
 * The sample's files with `yaml` as the serverless section of `file`: the sample's file of that name keeps its other
 * sections (other accounts' batch jobs pull payments-dev's repository), and loses its own serverless section.
 */
export function textsWith(yaml: string, file = PAYMENTS_DEV): ConfigText[] {
  const sample = sampleTexts().find((text) => text.file === file)?.text ?? '';
  // The fixture's serverless section replaces the sample's; its other sections (queues) add their
  // entries to the sample's; the other platforms' sections stay.
  const doc = parseDocument(sample);
  const fixture = parseDocument(yaml);
  for (const item of (fixture.contents as YAMLMap).items) {
    const existing = doc.get(item.key);
    if (String(item.key) !== 'serverless' && isMap(existing) && isMap(item.value)) {
      for (const entry of item.value.items) existing.set(entry.key, entry.value);
    } else doc.set(item.key, item.value);
  }
  return replaceText(sampleTexts(), file, doc.toString());
}
