import { edit, sampleModel, sampleTexts, withoutFile } from '../support/config';
import { addresses, synthesize } from '../support/synth';
import { sampleWithWorkloads } from '../model/workloads/messaging-support';

const DEV = 'environments/dev.yaml';
const before = synthesize(sampleModel());

function expectOtherStacksStable(after: ReturnType<typeof synthesize>, newStacks: string[]): void {
  for (const [name, stack] of Object.entries(before.stacks)) {
    const now = after.stacks[name];
    expect(now).toBeDefined();
    if (!name.includes('-spoke-')) {
      expect(addresses(before.stacks[name]).filter((address) => !addresses(now).includes(address))).toEqual([]);
    } else {
      expect({ name, addresses: addresses(now) }).toEqual({ name, addresses: addresses(stack) });
    }
  }
  expect(
    Object.keys(after.stacks)
      .filter((name) => !before.stacks[name])
      .sort(),
  ).toEqual(newStacks);
}

describe('address stability', () => {
  it('adding an account changes no address in any other spoke and removes none in the hub or organization-wide stacks', () => {
    const texts = edit(sampleTexts(), DEV, (doc) =>
      doc.setIn(['accounts', 'inventory-dev'], { email: 'aws+inventory-dev@acme.example', ou: 'NonProd', vpc: { cidr: '10.20.0.0/18' } }),
    );
    expectOtherStacksStable(synthesize(sampleModel(texts)), ['dev-spoke-inventory-dev']);
  });

  it('reordering accounts, OUs and zones-independent settings changes no address anywhere', () => {
    let texts = edit(sampleTexts(), DEV, (doc) => {
      const accounts = doc.getIn(['accounts']) as { items: unknown[] };
      accounts.items.reverse();
    });
    texts = edit(texts, 'environments/org.yaml', (doc) => {
      (doc.getIn(['organizationalUnits']) as { items: unknown[] }).items.reverse();
      (doc.getIn(['accounts']) as { items: unknown[] }).items.reverse();
    });
    const after = synthesize(sampleModel(texts));
    for (const [name, stack] of Object.entries(before.stacks))
      expect({ name, addresses: addresses(after.stacks[name]) }).toEqual({ name, addresses: addresses(stack) });
  });

  it('adding an availability zone renames no existing subnet', () => {
    const texts = edit(sampleTexts(), DEV, (doc) =>
      doc.setIn(['accounts', 'payments-dev', 'vpc', 'availabilityZones'], ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    );
    const after = synthesize(sampleModel(texts)).stacks['dev-spoke-payments-dev'];
    const old = addresses(before.stacks['dev-spoke-payments-dev']);
    expect(old.filter((address) => !addresses(after).includes(address))).toEqual([]);
    expect(
      addresses(after)
        .filter((address) => !old.includes(address))
        .filter((address) => address.startsWith('aws_subnet.')),
    ).toHaveLength(3);
  });

  it('removing an account leaves the other spokes untouched', () => {
    // Its workloads go too, and so do the services that promoted images from its repositories
    // and the payments files whose queues subscribe to the orders topics.
    const workloadsFiles = [
      'dev/orders-dev',
      'staging/orders-staging',
      'prod/orders-prod',
      'dev/payments-dev',
      'staging/payments-staging',
      'prod/payments-prod',
    ].map((name) => `environments/${name}.yaml`);
    const rest = workloadsFiles.reduce((texts, file) => withoutFile(texts, file), sampleTexts());
    const texts = edit(rest, DEV, (doc) => doc.deleteIn(['accounts', 'orders-dev']));
    const after = synthesize(sampleModel(texts));
    expect(after.stacks['dev-spoke-orders-dev']).toBeUndefined();
    expect(addresses(after.stacks['dev-spoke-payments-dev'])).toEqual(addresses(before.stacks['dev-spoke-payments-dev']));
  });

  describe('workloads stacks', () => {
    const ORDERS_DEV = 'environments/dev/orders-dev.yaml';
    const stack = 'dev-workloads-orders-dev';
    const old = addresses(before.stacks[stack]);

    it('adding a service, a repository and a queue removes or renames no address', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => {
        doc.setIn(['containers', 'repositories', 'billing'], {});
        doc.setIn(['containers', 'services', 'billing'], { image: { repository: 'billing', tag: '1.0.0' }, port: 9000 });
        doc.setIn(['queues', 'invoices'], {});
      });
      const now = addresses(synthesize(sampleModel(texts)).stacks[stack]);
      expect(old.filter((address) => !now.includes(address))).toEqual([]);
      expect(now.filter((address) => !old.includes(address)).length).toBeGreaterThan(10);
    });

    it('reordering services, repositories and queues changes no address', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => {
        (doc.getIn(['containers', 'services']) as { items: unknown[] }).items.reverse();
        (doc.getIn(['containers', 'repositories']) as { items: unknown[] }).items.reverse();
      });
      expect(addresses(synthesize(sampleModel(texts)).stacks[stack])).toEqual(old);
    });

    it('removing a service leaves the other services untouched', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => doc.deleteIn(['containers', 'services', 'orders-worker']));
      const now = addresses(synthesize(sampleModel(texts)).stacks[stack]);
      const api = (list: string[]) => list.filter((address) => address.includes('service-orders-api'));
      expect(api(now)).toEqual(api(old));
      expect(now.some((address) => address.includes('service-orders-worker'))).toBe(false);
    });

    it('handing the image to CI (imageOwner) changes no address', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) =>
        doc.setIn(['containers', 'services', 'orders-api', 'imageOwner'], 'terraform'),
      );
      expect(addresses(synthesize(sampleModel(texts)).stacks[stack])).toEqual(old);
    });
  });
});

describe('address stability of messaging', () => {
  const ORDERS = 'environments/dev/orders-dev.yaml';
  const PAYMENTS = 'environments/dev/payments-dev.yaml';
  const withWorkloads = sampleWithWorkloads();
  const base = synthesize(sampleModel(withWorkloads));
  const removedFrom = (after: ReturnType<typeof synthesize>, name: string) =>
    addresses(base.stacks[name]).filter((address) => !addresses(after.stacks[name]).includes(address));

  it('adding a queue, a topic, a subscription and a rule removes no address anywhere', () => {
    const texts = edit(withWorkloads, PAYMENTS, (doc) => {
      doc.setIn(['queues', 'refunds'], { subscriptions: { orders: { account: 'orders-dev', topic: 'orders' } } });
      doc.setIn(['topics', 'payments'], {});
      doc.setIn(['eventBus', 'rules', 'payment-settled'], {
        pattern: { source: ['acme.payments'] },
        targets: { orders: { bus: 'orders-dev' } },
      });
    });
    const after = synthesize(sampleModel(texts));
    for (const name of Object.keys(base.stacks)) expect({ name, removed: removedFrom(after, name) }).toEqual({ name, removed: [] });
  });

  it('reordering queues, topics, subscriptions and rules changes no address anywhere', () => {
    const texts = edit(withWorkloads, ORDERS, (doc) => {
      for (const key of ['queues', 'topics']) (doc.getIn([key]) as { items: unknown[] }).items.reverse();
      (doc.getIn(['eventBus']) as { items: unknown[] }).items.reverse();
    });
    const after = synthesize(sampleModel(texts));
    for (const [name, stack] of Object.entries(base.stacks))
      expect({ name, addresses: addresses(after.stacks[name]) }).toEqual({ name, addresses: addresses(stack) });
  });

  it("removing a queue and its subscription removes only that queue's addresses, and none in the topic's stack", () => {
    const texts = edit(withWorkloads, PAYMENTS, (doc) => doc.deleteIn(['queues', 'order-payments']));
    const after = synthesize(sampleModel(texts));
    expect(
      removedFrom(after, 'dev-workloads-payments-dev').every(
        (address) =>
          /queue-order-payments|subscription-order-payments|queue_urls|queue_arns/.test(address) || address.startsWith('output.'),
      ),
    ).toBe(true);
    expect(removedFrom(after, 'dev-workloads-payments-dev').length).toBeGreaterThan(5);
    expect(addresses(after.stacks['dev-workloads-orders-dev'])).toEqual(addresses(base.stacks['dev-workloads-orders-dev']));
  });
});
