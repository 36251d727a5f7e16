import type { ConfigText } from '../../../model/load';
import { replaceText, sampleTexts } from '../../support/config';

/** The sample organization with its workloads files (environments/<env>/<account>.yaml). */
export const sampleWithWorkloads = sampleTexts;

/** The texts with whole workloads files put in (or replaced), by `<env>/<account>`. */
export function withFiles(texts: readonly ConfigText[], files: Readonly<Record<string, string>>): ConfigText[] {
  return Object.entries(files).reduce<ConfigText[]>((all, [name, text]) => replaceText(all, `environments/${name}.yaml`, text), [...texts]);
}

/** A problem without its line and column, which move whenever the sample is edited. */
export function unlocated(problem: string): string {
  return problem.replace(/^([^:]+):\d+:\d+: /, '$1: ');
}

const ORIGINAL_ORDERS_DEV = sampleWithWorkloads().find((text) => text.file === 'environments/dev/orders-dev.yaml')!.text;
/** orders-dev publishes to topic orders and sends OrderPlaced to payments-dev's bus. */
export const ORDERS_DEV = `${ORIGINAL_ORDERS_DEV.slice(0, ORIGINAL_ORDERS_DEV.indexOf('\nqueues:\n'))}
queues:
  order-events:
    visibilityTimeoutSeconds: 120
    processingSeconds: 100
topics:
  orders: {}
eventBus:
  rules:
    order-placed:
      pattern: { detail-type: [OrderPlaced] }
      targets:
        payments: { bus: payments-dev }
`;
/**
 * payments-dev (its other platforms kept: the settlement consumer reads settlements, which covers its
 * 10 s timeout, and puts events on the bus) has a bus, and a queue subscribed to orders-dev's topic with a filter.
 */
const ORIGINAL_PAYMENTS_DEV = sampleWithWorkloads().find((text) => text.file === 'environments/dev/payments-dev.yaml')!.text;
export const PAYMENTS_DEV = `${ORIGINAL_PAYMENTS_DEV.slice(0, ORIGINAL_PAYMENTS_DEV.indexOf("# The payments team's messaging"))}
eventBus: {}
queues:
  settlements:
    visibilityTimeoutSeconds: 60
    subscriptions:
      orders:
        topic: orders
        account: orders-dev
        filter: { type: [OrderPlaced], total: [{ numeric: [">", 0] }] }
`;

/** The sample with ORDERS_DEV and PAYMENTS_DEV: one topic fan-out and one bus delivery across dev accounts. */
export function crossAccountSample(): ConfigText[] {
  return withFiles(sampleWithWorkloads(), { 'dev/orders-dev': ORDERS_DEV, 'dev/payments-dev': PAYMENTS_DEV });
}
