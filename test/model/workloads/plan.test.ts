import type { WorkloadsPlan } from '../../../model/workloads/types';
import { sampleModel } from '../../support/config';

const model = sampleModel();
const workloads = (name: string) => {
  const plan = model.stacks.find((candidate) => candidate.name === name);
  if (plan?.kind !== 'workloads') throw new Error(`no workloads plan ${name}`);
  return plan as WorkloadsPlan;
};
const service = (plan: WorkloadsPlan, name: string) => {
  const found = plan.containers?.services.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe('workloads plan', () => {
  const prod = workloads('prod-workloads-orders-prod');
  const dev = workloads('dev-workloads-orders-dev');

  it('deploys with the account role after its spoke, and reads the hub only for Lattice', () => {
    expect(prod.dependsOn).toEqual(['prod-spoke-orders-prod']);
    expect(prod.providers).toEqual([{ id: 'workloads', account: { name: 'orders-prod', id: '530000000002' }, region: 'eu-west-1' }]);
    expect(prod.hub?.stackName).toBe('prod-network-hub');
    expect(dev.hub).toBeUndefined();
  });

  it('marks prod-segment accounts', () => {
    expect(prod.prodSegment).toBe(true);
    expect(dev.prodSegment).toBe(false);
  });

  it("runs services in the spoke's subnets of their tier, by zone letter", () => {
    expect(service(prod, 'orders-api').subnetKeys).toEqual(['app-a', 'app-b', 'app-c']);
    expect(service(dev, 'orders-api').subnetKeys).toEqual(['app-a', 'app-b']);
  });

  it('pulls promoted images from the repository account and region', () => {
    expect(service(prod, 'orders-api').image).toEqual({
      account: { name: 'orders-dev', id: '510000000002' },
      region: 'eu-west-1',
      repository: 'acme/orders-api',
      tag: '1.8.0',
    });
    expect(
      dev.containers?.repositories.map((repository) => [repository.repositoryName, repository.pullAccounts.map((account) => account.name)]),
    ).toEqual([
      ['acme/orders-api', ['orders-staging', 'orders-prod']],
      ['acme/orders-worker', ['orders-staging', 'orders-prod']],
    ]);
  });

  it('takes the cluster strategy unless a service overrides it', () => {
    expect(dev.containers?.capacity).toEqual({ fargateSpotWeight: 1, fargateWeight: 0, fargateBase: 0 });
    expect(service(dev, 'orders-worker').capacity).toEqual(dev.containers?.capacity);
  });

  it('scales on CPU at 70 % by default, or on a queue of the account', () => {
    const staging = workloads('staging-workloads-orders-staging');
    expect(service(staging, 'orders-api').scaling?.target).toEqual({ kind: 'cpu', percent: 70 });
    expect(service(prod, 'orders-worker').scaling?.target).toEqual({ kind: 'queue', queueName: 'acme-order-events', messagesPerTask: 25 });
    expect(service(prod, 'orders-worker').consumes).toEqual(['acme-order-events']);
  });

  it('keeps dead letters a week longer than the queue keeps messages', () => {
    expect(prod.queues.filter((queue) => queue.name === 'order-events')).toMatchObject([
      {
        name: 'order-events',
        queueName: 'acme-order-events',
        deadLetterQueueName: 'acme-order-events-dlq',
        visibilityTimeoutSeconds: 300,
        maxReceiveCount: 5,
        retentionSeconds: 345600,
        deadLetterRetentionSeconds: 345600 + 7 * 24 * 3600,
      },
    ]);
  });
});
