import { readConfigDir } from '../../model/load';
import type { ConfigText } from '../../model/load';
import { edit, SAMPLE_DIR, sampleModel, sampleTexts, withoutFile } from '../support/config';
import { DEV_BATCH, sampleTextsWithWorkloads, STAGING_BATCH } from '../model/workloads/batch-support';
import { addresses, synthesize, synthesizeAgainst, synthesizeOne, type StackJson } from '../support/synth';
import { sampleWithWorkloads } from '../model/workloads/messaging-support';

const DEV = 'environments/dev.yaml';
const ORDERS_DEV = 'environments/dev/orders-dev.yaml';
const model = sampleModel();
/** The sample, whole; each edit synthesizes only the stacks whose plan it changes (synthesizeAgainst). */
const before = { ...synthesize(model), model };
const synthesizeEdited = (texts: readonly ConfigText[]) => synthesizeAgainst(before, sampleModel(texts));
type Stacks = { readonly stacks: Record<string, StackJson> };

function expectOtherStacksStable(after: Stacks, newStacks: string[]): void {
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
  it('synthesizes a stack alone exactly as in the whole app, so tests of one stack may synthesize only it', () => {
    for (const name of ['dev-workloads-orders-dev', 'dev-spoke-payments-dev', 'dev-resilience-orders-dev'])
      expect(synthesizeOne(sampleModel(), name)).toEqual(before.stacks[name]);
  });

  it('synthesizes again only the stacks whose plan an edit changes', () => {
    const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => doc.setIn(['containers', 'services', 'orders-api', 'desiredCount'], 3));
    expect(synthesizeEdited(sampleTexts()).synthesized).toEqual([]);
    expect(synthesizeEdited(texts).synthesized).toEqual(['dev-workloads-orders-dev']);
  });

  it('adding an account changes no address in any other spoke and removes none in the hub or organization-wide stacks', () => {
    const texts = edit(sampleTexts(), DEV, (doc) =>
      doc.setIn(['accounts', 'inventory-dev'], { email: 'aws+inventory-dev@acme.example', ou: 'NonProd', vpc: { cidr: '10.20.0.0/18' } }),
    );
    expectOtherStacksStable(synthesizeEdited(texts), ['dev-spoke-inventory-dev']);
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
    const after = synthesizeEdited(texts);
    for (const [name, stack] of Object.entries(before.stacks))
      expect({ name, addresses: addresses(after.stacks[name]) }).toEqual({ name, addresses: addresses(stack) });
  });

  it('adding an availability zone renames no existing subnet', () => {
    const texts = edit(sampleTexts(), DEV, (doc) =>
      doc.setIn(['accounts', 'payments-dev', 'vpc', 'availabilityZones'], ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    );
    const after = synthesizeOne(sampleModel(texts), 'dev-spoke-payments-dev');
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
    // and the payments queues that subscribe to the orders topics.
    const workloadsFiles = ['dev/orders-dev', 'staging/orders-staging', 'prod/orders-prod'].map((name) => `environments/${name}.yaml`);
    const withoutOrders = workloadsFiles.reduce((texts, file) => withoutFile(texts, file), sampleTexts());
    const rest = ['dev/payments-dev', 'staging/payments-staging', 'prod/payments-prod'].reduce(
      (texts, name) => edit(texts, `environments/${name}.yaml`, (doc) => doc.deleteIn(['queues', 'order-payments'])),
      withoutOrders,
    );
    const texts = edit(rest, DEV, (doc) => doc.deleteIn(['accounts', 'orders-dev']));
    const after = synthesizeEdited(texts);
    expect(after.stacks['dev-spoke-orders-dev']).toBeUndefined();
    expect(addresses(after.stacks['dev-spoke-payments-dev'])).toEqual(addresses(before.stacks['dev-spoke-payments-dev']));
  });

  describe('workloads stacks', () => {
    const stack = 'dev-workloads-orders-dev';
    const old = addresses(before.stacks[stack]);

    it('adding a service, a repository and a queue removes or renames no address', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => {
        doc.setIn(['containers', 'repositories', 'billing'], {});
        doc.setIn(['containers', 'services', 'billing'], { image: { repository: 'billing', tag: '1.0.0' }, port: 9000 });
        doc.setIn(['queues', 'invoices'], {});
      });
      const now = addresses(synthesizeOne(sampleModel(texts), stack));
      expect(old.filter((address) => !now.includes(address))).toEqual([]);
      expect(now.filter((address) => !old.includes(address)).length).toBeGreaterThan(10);
    });

    it('reordering services, repositories and queues changes no address', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => {
        (doc.getIn(['containers', 'services']) as { items: unknown[] }).items.reverse();
        (doc.getIn(['containers', 'repositories']) as { items: unknown[] }).items.reverse();
      });
      expect(addresses(synthesizeOne(sampleModel(texts), stack))).toEqual(old);
    });

    it('removing a service leaves the other services untouched', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) => {
        doc.deleteIn(['containers', 'services', 'orders-worker']);
        // The AZ-loss experiment stops on the worker's alarm too.
        doc.deleteIn(['experiments', 'app-zone-a', 'stopConditions', 1]);
      });
      const now = addresses(synthesizeOne(sampleModel(texts), stack));
      const api = (list: string[]) => list.filter((address) => address.includes('service-orders-api'));
      expect(api(now)).toEqual(api(old));
      expect(now.some((address) => address.includes('service-orders-worker'))).toBe(false);
    });

    it('adding an experiment changes no address of the workloads stack and only adds its own to the resilience stack; reordering changes none', () => {
      const resilience = 'dev-resilience-orders-dev';
      const before = addresses(synthesizeOne(sampleModel(), resilience));
      const added = synthesizeEdited(
        edit(sampleTexts(), ORDERS_DEV, (doc) =>
          doc.setIn(['experiments', 'orders-worker-tasks'], { kind: 'ecs-stop-task', service: 'orders-worker' }),
        ),
      );
      expect(addresses(added.stacks[stack])).toEqual(old);
      const now = addresses(added.stacks[resilience]);
      expect(before.filter((address) => !now.includes(address))).toEqual([]);
      const fresh = now.filter((address) => !before.includes(address));
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.filter((address) => !address.includes('experiment-orders-worker-tasks'))).toEqual([]);
      const reordered = edit(sampleTexts(), ORDERS_DEV, (doc) => (doc.getIn(['experiments']) as { items: unknown[] }).items.reverse());
      expect(addresses(synthesizeOne(sampleModel(reordered), resilience))).toEqual(before);
    });

    it('tuning an alarm changes no address, and turning one off outside prod removes only that alarm', () => {
      const tuned = edit(sampleTexts(), ORDERS_DEV, (doc) =>
        doc.setIn(['alarms', 'overrides', 'ecs-service/orders-api/running-tasks'], {
          threshold: 2,
          evaluationPeriods: 10,
          datapointsToAlarm: 8,
        }),
      );
      expect(addresses(synthesizeOne(sampleModel(tuned), stack))).toEqual(old);
      const off = edit(sampleTexts(), ORDERS_DEV, (doc) =>
        doc.setIn(['alarms', 'overrides', 'queue/order-events/dlq-depth'], { enabled: false }),
      );
      const now = addresses(synthesizeOne(sampleModel(off), stack));
      expect(old.filter((address) => !now.includes(address))).toEqual([
        expect.stringMatching(/^aws_cloudwatch_metric_alarm\.alarm-queue--order-events--dlq-depth_alarm_[0-9A-F]{8}$/),
      ]);
      expect(now.filter((address) => !old.includes(address))).toEqual([]);
    });

    it('handing the image to CI (imageOwner) changes no address', () => {
      const texts = edit(sampleTexts(), ORDERS_DEV, (doc) =>
        doc.setIn(['containers', 'services', 'orders-api', 'imageOwner'], 'terraform'),
      );
      expect(addresses(synthesizeOne(sampleModel(texts), stack))).toEqual(old);
    });
  });
});

describe('address stability of messaging', () => {
  const ORDERS = 'environments/dev/orders-dev.yaml';
  const PAYMENTS = 'environments/dev/payments-dev.yaml';
  const withWorkloads = sampleWithWorkloads();
  const base = before;
  const removedFrom = (after: Stacks, name: string) =>
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
    const after = synthesizeEdited(texts);
    for (const name of Object.keys(base.stacks)) expect({ name, removed: removedFrom(after, name) }).toEqual({ name, removed: [] });
  });

  it('reordering queues, topics, subscriptions and rules changes no address anywhere', () => {
    const texts = edit(withWorkloads, ORDERS, (doc) => {
      for (const key of ['queues', 'topics']) (doc.getIn([key]) as { items: unknown[] }).items.reverse();
      (doc.getIn(['eventBus']) as { items: unknown[] }).items.reverse();
    });
    const after = synthesizeEdited(texts);
    for (const [name, stack] of Object.entries(base.stacks))
      expect({ name, addresses: addresses(after.stacks[name]) }).toEqual({ name, addresses: addresses(stack) });
  });

  it("removing a queue and its subscription removes only that queue's addresses, and none in the topic's stack", () => {
    const texts = edit(withWorkloads, PAYMENTS, (doc) => doc.deleteIn(['queues', 'order-payments']));
    const after = synthesizeEdited(texts);
    expect(
      removedFrom(after, 'dev-workloads-payments-dev').every(
        (address) =>
          /queue-order-payments|subscription-order-payments|alarm-queue--order-payments--|queue_urls|queue_arns/.test(address) ||
          address.startsWith('output.'),
      ),
    ).toBe(true);
    expect(removedFrom(after, 'dev-workloads-payments-dev').length).toBeGreaterThan(5);
    expect(addresses(after.stacks['dev-workloads-orders-dev'])).toEqual(addresses(base.stacks['dev-workloads-orders-dev']));
  });
});

describe('address stability of EKS clusters', () => {
  const DEV_CLUSTERS = 'environments/dev/payments-dev.yaml';
  const STACK = 'dev-workloads-payments-dev';
  const texts = readConfigDir(SAMPLE_DIR);
  let beforeEks: Stacks;
  let afterEks: Stacks;

  beforeAll(() => {
    beforeEks = synthesizeEdited(texts);
    // Upgrade Kubernetes, change the instance types, add a node group before the others and a second cluster.
    const changed = edit(texts, DEV_CLUSTERS, (doc) => {
      doc.setIn(['kubernetes', 'clusters', 'sandbox', 'version'], '1.32');
      doc.setIn(['kubernetes', 'clusters', 'sandbox', 'nodeGroups', 'spot', 'instanceTypes'], ['m6i.large', 'm5.large']);
      const groups = doc.getIn(['kubernetes', 'clusters', 'sandbox', 'nodeGroups']) as { items: unknown[] };
      doc.setIn(['kubernetes', 'clusters', 'sandbox', 'nodeGroups', 'arm'], { instanceTypes: ['m7g.large'], minSize: 0, maxSize: 2 });
      groups.items.reverse();
      const sandbox = doc.getIn(['kubernetes', 'clusters', 'sandbox']);
      doc.setIn(['kubernetes', 'clusters', 'another'], doc.createNode((sandbox as { toJSON(): unknown }).toJSON()));
    });
    afterEks = synthesizeEdited(changed);
  }, 300_000);

  it('adding a cluster and a node group and reordering node groups removes no address anywhere', () => {
    for (const [name, stack] of Object.entries(beforeEks.stacks)) {
      expect({ name, removed: addresses(stack).filter((address) => !addresses(afterEks.stacks[name]).includes(address)) }).toEqual({
        name,
        removed: [],
      });
    }
  });

  it('adds only resources of the new node group and the new cluster', () => {
    const added = addresses(afterEks.stacks[STACK]).filter((address) => !addresses(beforeEks.stacks[STACK]).includes(address));
    expect(
      added.filter(
        (address) =>
          !/eks-sandbox_node-group-arm|eks-another|eks_cluster_names|eks_oidc|alarm-eks-node-group--sandboxarm--|alarm-eks-node-group--another/.test(
            address,
          ),
      ),
    ).toEqual([]);
    expect(added.filter((address) => address.includes('eks-sandbox_node-group-arm'))).toHaveLength(2);
  });

  it('upgrades the cluster in place: only its version changes, every attribute that forces replacement stays', () => {
    const cluster = (synthesized: Stacks) =>
      Object.entries<Record<string, unknown>>(synthesized.stacks[STACK].resource.aws_eks_cluster).find(([name]) =>
        name.startsWith('eks-sandbox_'),
      )![1];
    const { version: oldVersion, ...before } = cluster(beforeEks);
    const { version: newVersion, ...after } = cluster(afterEks);
    expect([oldVersion, newVersion]).toEqual(['1.31', '1.32']);
    expect(after).toEqual(before);
  });

  it('rolls the node group to new instance types by creating a new group before deleting the old one', () => {
    const group = (synthesized: Stacks) =>
      Object.entries<Record<string, any>>(synthesized.stacks[STACK].resource.aws_eks_node_group).find(([name]) =>
        name.startsWith('eks-sandbox_node-group-spot'),
      )!;
    const [beforeName, { instance_types: oldTypes, ...before }] = group(beforeEks);
    const [afterName, { instance_types: newTypes, ...after }] = group(afterEks);
    expect(afterName).toBe(beforeName);
    expect([oldTypes, newTypes]).toEqual([
      ['t3.large', 'm5.large'],
      ['m6i.large', 'm5.large'],
    ]);
    expect(after).toEqual(before);
    expect(after.node_group_name_prefix).toBe('spot-');
    expect(after.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['scaling_config[0].desired_size'] });
  });
});

describe('address stability of batch workloads', () => {
  const withWorkloads = sampleTextsWithWorkloads();
  const batchBefore = before;

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
    const after = synthesizeEdited(texts);
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
        .every((address) =>
          /\.(batch-[a-z]+-(spot-large|backfill)|(alarm|counting-rule)-batch-queue--backfill--failed-jobs)_/.test(address),
        ),
    ).toBe(true);
    const devRemoved = addresses(batchBefore.stacks[dev]).filter((address) => !addresses(after.stacks[dev]).includes(address));
    expect(devRemoved.length).toBeGreaterThan(0);
    expect(devRemoved.filter((address) => !address.includes('.batch-pipeline-nightly_'))).toEqual([]);
    expect(addresses(after.stacks[dev]).filter((address) => !addresses(batchBefore.stacks[dev]).includes(address))).toEqual([]);
  });
});

describe('address stability of serverless workloads', () => {
  const PAYMENTS_DEV = 'environments/dev/payments-dev.yaml';
  const STACK = 'dev-workloads-payments-dev';
  const withWorkloads = readConfigDir(SAMPLE_DIR);
  const baseline = before.stacks;

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
    const after = synthesizeEdited(texts).stacks;
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
    expect(addresses(synthesizeOne(sampleModel(texts), STACK))).toEqual(addresses(baseline[STACK]));
  });
});
