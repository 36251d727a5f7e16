import { DEV_BATCH, sampleTextsWithWorkloads, STAGING_BATCH } from '../model/workloads/batch-support';
import { edit, sampleModel, sampleTexts } from '../support/config';
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

describe('address stability of batch workloads', () => {
  const withWorkloads = sampleTextsWithWorkloads();
  const batchBefore = synthesize(sampleModel(withWorkloads));

  it('adding and reordering batch entries in one account, and removing a pipeline in another, changes no other address', () => {
    let texts = edit(withWorkloads, STAGING_BATCH, (doc) => {
      for (const section of ['computeEnvironments', 'queues', 'jobDefinitions', 'pipelines']) {
        (doc.getIn(['batch', section]) as { items: unknown[] }).items.reverse();
      }
      doc.setIn(['batch', 'computeEnvironments', 'spot-large'], { capacity: 'spot', instanceTypes: ['r7i'] });
      doc.setIn(['batch', 'queues', 'backfill'], { computeEnvironments: ['spot-large', 'on-demand'], priority: 0 });
      doc.setIn(['batch', 'jobDefinitions', 'backfill'], { image: { repository: 'nightly-etl', from: 'payments-dev', tag: '2.3.0' } });
      doc.setIn(['batch', 'pipelines', 'backfill'], { steps: [{ name: 'backfill', job: 'backfill', queue: 'backfill' }] });
    });
    texts = edit(texts, DEV_BATCH, (doc) => doc.deleteIn(['batch', 'pipelines', 'nightly']));
    const after = synthesize(sampleModel(texts));
    const staging = 'staging-workloads-payments-staging';
    const dev = 'dev-workloads-payments-dev';
    for (const [name, stack] of Object.entries(batchBefore.stacks)) {
      if (name === staging || name === dev) continue;
      expect({ name, addresses: addresses(after.stacks[name]) }).toEqual({ name, addresses: addresses(stack) });
    }
    const stagingBefore = addresses(batchBefore.stacks[staging]);
    const stagingAfter = addresses(after.stacks[staging]);
    expect(stagingBefore.filter((address) => !stagingAfter.includes(address))).toEqual([]);
    expect(
      stagingAfter
        .filter((address) => !stagingBefore.includes(address))
        .every((address) => /\.batch-[a-z]+-(spot-large|backfill)_/.test(address)),
    ).toBe(true);
    const devRemoved = addresses(batchBefore.stacks[dev]).filter((address) => !addresses(after.stacks[dev]).includes(address));
    expect(devRemoved.length).toBeGreaterThan(0);
    expect(devRemoved.filter((address) => !address.includes('.batch-pipeline-nightly_'))).toEqual([]);
    expect(addresses(after.stacks[dev]).filter((address) => !addresses(batchBefore.stacks[dev]).includes(address))).toEqual([]);
  });
});
