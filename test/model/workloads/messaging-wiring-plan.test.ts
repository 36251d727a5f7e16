import { landingZoneFromTexts } from '../../../model/load';
import type { ArnRef } from '../../../model/workloads/messaging/types';
import type { WorkloadsPlan } from '../../../model/workloads/types';
import { edit } from '../../support/config';
import { change } from '../validate/fixtures';
import { WIRING_YAML } from './messaging-wiring-fixtures';
import { PAYMENTS_DEV, textsWith } from './serverless-fixtures';

function workloadsPlan(texts = textsWith(WIRING_YAML), stack = 'dev-workloads-payments-dev'): WorkloadsPlan {
  const plan = landingZoneFromTexts(texts).stacks.find((candidate) => candidate.name === stack);
  if (!plan || plan.kind !== 'workloads') throw new Error(`no ${stack} plan`);
  return plan;
}

/** `arn:aws:<service>:<region>:<account name>:<resource>`, for comparing ArnRefs at a glance. */
const text = (ref: ArnRef) => `arn:aws:${ref.service}:${ref.region}:${ref.account.name}:${ref.resource}`;

describe('messaging wiring plan', () => {
  const plan = workloadsPlan();
  const settle = plan.serverless!.functions.find((fn) => fn.name === 'settle')!;

  it('maps each queue a function consumes by its SQS name, with the defaults and whether the messaging key encrypts it', () => {
    expect(settle.queueSources).toEqual([
      { queue: 'refunds', queueName: 'acme-refunds.fifo', batchSize: 10, encrypted: true },
      {
        queue: 'settlements',
        queueName: 'acme-settlements',
        batchSize: 100,
        maximumBatchingWindowSeconds: 5,
        maximumConcurrency: 10,
        encrypted: false,
      },
    ]);
  });

  it('names the ARNs a function publishes to, from names only, and asks for the messaging key for the topic and KMS queue', () => {
    const { topics, queues, buses, usesMessagingKey } = settle.publishes!;
    expect(Object.values(topics).map(text)).toEqual(['arn:aws:sns:eu-west-1:payments-dev:acme-payments']);
    expect(Object.values(queues).map(text)).toEqual(['arn:aws:sqs:eu-west-1:payments-dev:acme-refunds.fifo']);
    expect(Object.values(buses).map(text)).toEqual(['arn:aws:events:eu-west-1:payments-dev:event-bus/acme-dev-payments-dev']);
    expect(usesMessagingKey).toBe(true);
  });

  it('needs no key for a bus and a SSE-SQS queue alone', () => {
    const texts = textsWith(
      WIRING_YAML.replace(
        'publishes: { topics: [payments], queues: [refunds], buses: [payments-dev] }',
        'publishes: { queues: [settlements], buses: [payments-dev] }',
      ),
    );
    expect(workloadsPlan(texts).serverless!.functions.find((fn) => fn.name === 'settle')!.publishes!.usesMessagingKey).toBe(false);
  });

  it('targets a queue and the bus from REST methods, with an integration role for the API', () => {
    const [api] = plan.serverless!.restApis;
    expect(api.integrationRoleName).toBe('acme-payments-integrations');
    const targets = Object.fromEntries(api.routes.map((route) => [route.name, route.target]));
    expect(targets['submit-settlement']).toMatchObject({ kind: 'queue', queue: 'settlements', fifo: false, encrypted: false });
    expect(text((targets['submit-settlement'] as { arn: ArnRef }).arn)).toBe('arn:aws:sqs:eu-west-1:payments-dev:acme-settlements');
    expect(targets['payment-made']).toMatchObject({ kind: 'bus', source: 'acme.ledger', detailType: 'PaymentMade', encrypted: false });
  });

  it('defaults an event to source <org>.<api> and the route name as detail type', () => {
    const texts = textsWith(WIRING_YAML.replace('          event: { source: acme.ledger, detailType: PaymentMade }\n', ''));
    const route = workloadsPlan(texts).serverless!.restApis[0].routes.find((candidate) => candidate.name === 'payment-made')!;
    expect(route.target).toMatchObject({ kind: 'bus', source: 'acme.payments', detailType: 'payment-made' });
  });

  it('gives an API without service methods no integration role', () => {
    expect(workloadsPlan(textsWith(WIRING_YAML.replace(/  restApis:[\s\S]*$/, ''))).serverless!.restApis).toEqual([]);
    const sample = workloadsPlan(undefined, 'dev-workloads-orders-dev');
    expect(sample.serverless!.restApis.every((api) => api.integrationRoleName === undefined)).toBe(true);
  });

  it('gives an ECS service and a Batch job the ARNs they publish to', () => {
    let texts = change(
      textsWith(WIRING_YAML),
      'environments/dev/orders-dev.yaml',
      '      consumes: [order-events]\n',
      '      consumes: [order-events]\n      publishes: { topics: [orders], buses: [orders-dev] }\n',
    );
    texts = edit(texts, PAYMENTS_DEV, (doc) => doc.setIn(['batch', 'jobDefinitions', 'extract', 'publishes'], { queues: ['settlements'] }));
    const worker = workloadsPlan(texts, 'dev-workloads-orders-dev').containers!.services.find(
      (service) => service.name === 'orders-worker',
    )!;
    expect(Object.values(worker.publishes!.topics).map(text)).toEqual(['arn:aws:sns:eu-west-1:orders-dev:acme-orders']);
    expect(Object.values(worker.publishes!.buses).map(text)).toEqual(['arn:aws:events:eu-west-1:orders-dev:event-bus/acme-dev-orders-dev']);
    const extract = workloadsPlan(texts).batch!.jobDefinitions.find((job) => job.name === 'extract')!;
    expect(extract.publishes).toMatchObject({ usesMessagingKey: false });
    expect(Object.values(extract.publishes!.queues).map(text)).toEqual(['arn:aws:sqs:eu-west-1:payments-dev:acme-settlements']);
  });
});
