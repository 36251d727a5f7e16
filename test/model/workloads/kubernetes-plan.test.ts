import type { WorkloadsPlan } from '../../../model/workloads/types';
import { sampleModel } from '../../support/config';
import { clusterFile, PROD_FILE, withWorkloads } from './kubernetes-fixtures';

const CLUSTER = `      version: "1.31"
      ipFamily: ipv6
      apiCallers: { tiers: [app, web, app], cidrs: { ci: 10.48.0.0/20 } }
      access:
        viewers: { role: arn:aws:iam::530000000009:role/auditors, level: view, namespaces: [apps] }
        admins: { role: platform-admins, level: admin }
      nodeGroups:
        spot: { instanceTypes: [m6g.large, m7g.large], capacityType: SPOT, minSize: 0, maxSize: 20 }
        general: { instanceTypes: [m6i.large], minSize: 2, maxSize: 6, desiredSize: 3, maxPods: 29, metadataHopLimit: 2 }
      fargateProfiles:
        jobs: { selectors: [{ namespace: jobs, labels: { runtime: fargate } }] }
`;

function workloadsPlan(text = clusterFile(CLUSTER)): WorkloadsPlan {
  const model = sampleModel(withWorkloads(PROD_FILE, text));
  const plan = model.stacks.find((stack) => stack.name === 'prod-workloads-analytics-prod');
  if (!plan || plan.kind !== 'workloads') throw new Error('no workloads plan for analytics-prod');
  return plan;
}

describe('kubernetes planner', () => {
  const cluster = workloadsPlan().kubernetes!.clusters[0];

  it('names the cluster <org>-<env>-<account>-<cluster>', () => {
    expect(cluster.clusterName).toBe('acme-prod-analytics-prod-platform');
  });

  it('places the control plane, nodes and pods in the app tier of every zone', () => {
    expect(cluster.subnetKeys).toEqual(['app-a', 'app-b', 'app-c']);
  });

  it('keeps the endpoint private when no public endpoint is configured', () => {
    expect(cluster.publicAccessCidrs).toEqual([]);
  });

  it('grants the deploy role admin access first, then the configured entries by name', () => {
    expect(cluster.access).toEqual([
      { name: 'deploy', role: { roleName: 'OrganizationAccountAccessRole' }, level: 'admin', namespaces: [] },
      { name: 'admins', role: { roleName: 'platform-admins' }, level: 'admin', namespaces: [] },
      { name: 'viewers', role: { arn: 'arn:aws:iam::530000000009:role/auditors' }, level: 'view', namespaces: ['apps'] },
    ]);
  });

  it('makes the deploy role and the admins key administrators, never viewers', () => {
    expect(cluster.keyAdministrators).toEqual([{ roleName: 'OrganizationAccountAccessRole' }, { roleName: 'platform-admins' }]);
  });

  it('lists API caller tiers once each, sorted', () => {
    expect(cluster.apiCallers).toEqual({ tiers: ['app', 'web'], cidrs: { ci: '10.48.0.0/20' } });
  });

  it('sorts node groups by name and picks the AMI type from the instance architecture', () => {
    expect(cluster.nodeGroups.map((group) => [group.name, group.amiType, group.capacityType])).toEqual([
      ['general', 'AL2023_x86_64_STANDARD', 'ON_DEMAND'],
      ['spot', 'AL2023_ARM_64_STANDARD', 'SPOT'],
    ]);
  });

  it('starts a node group at its desired size, or its minimum', () => {
    expect(cluster.nodeGroups.map((group) => group.desiredSize)).toEqual([3, 0]);
    expect(cluster.nodeGroups[0]).toMatchObject({ maxPods: 29, metadataHopLimit: 2, rootVolumeGiB: 50, maxUnavailablePercentage: 33 });
    expect(cluster.nodeGroups[1].maxPods).toBeUndefined();
  });

  it('carries the IPv6 family, Fargate profiles and pinned add-ons', () => {
    expect(cluster.ipFamily).toBe('ipv6');
    expect(cluster.fargateProfiles).toEqual([{ name: 'jobs', selectors: [{ namespace: 'jobs', labels: { runtime: 'fargate' } }] }]);
    expect(cluster.addons['vpc-cni']).toEqual({ version: 'v1.19.2-eksbuild.1' });
    expect(cluster.addons['aws-efs-csi-driver']).toBeUndefined();
  });

  it('plans no kubernetes section for an account without clusters', () => {
    expect(workloadsPlan('queues: { events: {} }\n').kubernetes).toBeUndefined();
  });
});
