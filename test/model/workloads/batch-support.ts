import { readConfigDir, type ConfigText } from '../../../model/load';
import { SAMPLE_DIR } from '../../support/config';

/** The whole sample organization, workloads files included (`environments/<env>/<account>.yaml`). */
export function sampleTextsWithWorkloads(): ConfigText[] {
  return readConfigDir(SAMPLE_DIR);
}

export const DEV_BATCH = 'environments/dev/payments-dev.yaml';
export const STAGING_BATCH = 'environments/staging/payments-staging.yaml';
export const PROD_BATCH = 'environments/prod/analytics-prod.yaml';
