import type { ConfigText } from '../../../model/load';
import { append, baseTexts, change, DEV, PROD, twoEnvironments } from './fixtures';

/* Workloads files for rule tests: payments-dev runs an API and a worker; payments-prod pulls from it. */

export const PAYMENTS_DEV = 'environments/dev/payments-dev.yaml';
export const PAYMENTS_PROD = 'environments/prod/payments-prod.yaml';

const PAYMENTS_DEV_TEXT = `containers:
  repositories:
    api:
      pullAccounts: []
  services:
    api:
      image: { repository: api, tag: "1.0.0" }
      port: 8080
      callers: { services: [worker] }
    worker:
      image: { repository: api, tag: "1.0.0" }
      consumes: [jobs]
      scaling: { minCount: 1, maxCount: 4, queue: jobs }
queues:
  jobs: {}
`;

const PAYMENTS_PROD_TEXT = `containers:
  services:
    api:
      image: { repository: api, from: payments-dev, tag: "1.0.0" }
      port: 8080
`;

/** The base organization plus payments-dev's workloads file. */
export function devWorkloads(): ConfigText[] {
  return append(baseTexts(), PAYMENTS_DEV, PAYMENTS_DEV_TEXT);
}

/** Both environments, payments-dev's and payments-prod's workloads files. */
export function promotedWorkloads(): ConfigText[] {
  const dev = PAYMENTS_DEV_TEXT.replace('pullAccounts: []', 'pullAccounts: [payments-prod]');
  return append(append(twoEnvironments(), PAYMENTS_DEV, dev), PAYMENTS_PROD, PAYMENTS_PROD_TEXT);
}

export { append, change, DEV, PROD };
