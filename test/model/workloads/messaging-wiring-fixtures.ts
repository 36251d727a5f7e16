import { replaceText, sampleTexts } from '../../support/config';
import { PAYMENTS_DEV } from './serverless-fixtures';

/**
 * payments-dev wired to its own messaging: a function invoked by a standard and a FIFO (KMS) queue
 * that publishes to a topic, a queue and the account's bus, and a REST API whose methods send to a
 * queue and put events on the bus. Visibility timeouts cover the function: 6 × 30 s (+ 5 s window).
 */
export const WIRING_YAML = `queues:
  settlements:
    visibilityTimeoutSeconds: 185
  refunds:
    fifo: true
    visibilityTimeoutSeconds: 180
    encryption: kms
topics:
  payments: {}
eventBus: {}
serverless:
  functions:
    settle:
      code: { s3Bucket: acme-artifacts-dev, s3Key: payments/settle/1.0.0.zip }
      runtime: nodejs22.x
      handler: index.handler
      reservedConcurrency: 20
      consumes:
        settlements: { batchSize: 100, maximumBatchingWindowSeconds: 5, maximumConcurrency: 10 }
        refunds: {}
      publishes: { topics: [payments], queues: [refunds], buses: [payments-dev] }
  restApis:
    payments:
      routes:
        submit-settlement: { method: POST, path: /settlements, queue: settlements, authorization: iam }
        payment-made:
          method: POST
          path: /payments
          bus: payments-dev
          event: { source: acme.ledger, detailType: PaymentMade }
          authorization: iam
`;

/** The sample with payments-dev holding only `yaml` (locations are in `yaml`). */
export function wiredPayments(yaml = WIRING_YAML) {
  return replaceText(sampleTexts(), PAYMENTS_DEV, yaml);
}

/** `wiredPayments` with the first `from` replaced by `to`; fails when the fixture has no `from`. */
export function wiredWith(from: string, to: string) {
  if (!WIRING_YAML.includes(from)) throw new Error(`fixture has no ${from}`);
  return wiredPayments(WIRING_YAML.replace(from, to));
}
