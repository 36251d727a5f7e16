import { readConfigDir } from '../../model/load';
import { edit, SAMPLE_DIR, sampleModel, sampleTexts } from '../support/config';
import { addresses, synthesize } from '../support/synth';

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
    const texts = edit(sampleTexts(), DEV, (doc) => doc.deleteIn(['accounts', 'orders-dev']));
    const after = synthesize(sampleModel(texts));
    expect(after.stacks['dev-spoke-orders-dev']).toBeUndefined();
    expect(addresses(after.stacks['dev-spoke-payments-dev'])).toEqual(addresses(before.stacks['dev-spoke-payments-dev']));
  });
});

describe('address stability of serverless workloads', () => {
  const PAYMENTS_DEV = 'environments/dev/payments-dev.yaml';
  const STACK = 'dev-workloads-payments-dev';
  const withWorkloads = readConfigDir(SAMPLE_DIR);
  const baseline = synthesize(sampleModel(withWorkloads)).stacks;

  it('adding a function and a route only adds addresses, in that stack only', () => {
    const texts = edit(withWorkloads, PAYMENTS_DEV, (doc) => {
      doc.setIn(['serverless', 'functions', 'payments-refund'], {
        code: { s3Bucket: 'acme-artifacts-dev', s3Key: 'payments/refund/1.0.0.zip' },
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        reservedConcurrency: 5,
      });
      doc.setIn(['serverless', 'restApis', 'payments', 'routes', 'refund-payment'], {
        method: 'POST',
        path: '/payments/{paymentId}/refund',
        function: 'payments-refund',
        authorization: 'token',
      });
    });
    const after = synthesize(sampleModel(texts)).stacks;
    const old = addresses(baseline[STACK]);
    expect(old.filter((address) => !addresses(after[STACK]).includes(address))).toEqual([]);
    expect(
      addresses(after[STACK])
        .filter((address) => !old.includes(address))
        .some((address) => address.includes('refund')),
    ).toBe(true);
    for (const name of Object.keys(baseline).filter((candidate) => candidate !== STACK)) {
      expect({ name, addresses: addresses(after[name]) }).toEqual({ name, addresses: addresses(baseline[name]) });
    }
  });

  it('reordering functions, routes and authorizers changes no address', () => {
    const texts = edit(withWorkloads, PAYMENTS_DEV, (doc) => {
      for (const path of [
        ['serverless', 'functions'],
        ['serverless', 'restApis', 'payments', 'routes'],
      ]) {
        (doc.getIn(path) as { items: unknown[] }).items.reverse();
      }
    });
    expect(addresses(synthesize(sampleModel(texts)).stacks[STACK])).toEqual(addresses(baseline[STACK]));
  });
});
