import { edit, problemsOf, sampleModel } from '../../support/config';
import { clusterFile, GOOD_CLUSTER, PROD_FILE, withWorkloads } from './kubernetes-fixtures';

const DEV_FILE = 'environments/dev/legacy-dev.yaml';

function problems(cluster: string, file = PROD_FILE): string[] {
  return problemsOf(withWorkloads(file, clusterFile(cluster)));
}

describe('kubernetes config validation', () => {
  it('accepts a private cluster with a node group within the ENI limit', () => {
    expect(() => sampleModel(withWorkloads(PROD_FILE, clusterFile(GOOD_CLUSTER)))).not.toThrow();
  });

  describe('kubernetes/no-public-endpoint-in-prod', () => {
    it('rejects a public endpoint in a prod-segment account', () => {
      expect(problems(`${GOOD_CLUSTER}      publicEndpoint: { cidrs: [203.0.113.0/24] }\n`)).toEqual([
        `${PROD_FILE}:7:7: kubernetes.clusters.platform.publicEndpoint is on in analytics-prod, a production account — remove publicEndpoint; reach the private endpoint from the VPC (apiCallers) or through the hub`,
      ]);
    });

    it('accepts a public endpoint restricted to CIDRs in a nonprod account', () => {
      const texts = withWorkloads(
        'environments/prod/payments-preprod.yaml',
        clusterFile(`${GOOD_CLUSTER}      publicEndpoint: { cidrs: [203.0.113.0/24] }\n`),
      );
      expect(() => sampleModel(texts)).not.toThrow();
    });
  });

  describe('kubernetes/ipv6-needs-dual-stack', () => {
    it('rejects an IPv6 cluster on an IPv4-only spoke', () => {
      expect(problems(`${GOOD_CLUSTER}      ipFamily: ipv6\n`, DEV_FILE)).toContain(
        `${DEV_FILE}:7:7: kubernetes.clusters.platform.ipFamily is ipv6, but the VPC of legacy-dev is IPv4-only — use ipFamily: ipv4, or make the VPC dual-stack (ipv6: true) before creating the cluster — the family cannot change later`,
      );
    });

    it('accepts an IPv6 cluster on a dual-stack spoke', () => {
      expect(() => sampleModel(withWorkloads(PROD_FILE, clusterFile(`${GOOD_CLUSTER}      ipFamily: ipv6\n`)))).not.toThrow();
    });
  });

  describe('kubernetes/clusters-need-vpc', () => {
    it('rejects a cluster whose spoke has a single zone', () => {
      const texts = edit(withWorkloads(DEV_FILE, clusterFile(GOOD_CLUSTER)), 'environments/dev.yaml', (doc) =>
        doc.setIn(['accounts', 'legacy-dev', 'vpc', 'availabilityZones'], ['eu-west-1a']),
      );
      expect(problemsOf(texts)).toEqual([
        `${DEV_FILE}:3:5: kubernetes.clusters.platform has its control plane in 1 zone; EKS needs subnets in at least two — give the VPC of legacy-dev two or more availabilityZones`,
      ]);
    });
  });

  describe('kubernetes/node-group-size', () => {
    it('rejects a node group over 450 nodes', () => {
      expect(problems(GOOD_CLUSTER.replace('maxSize: 6', 'maxSize: 500'))).toEqual([
        `${PROD_FILE}:6:59: kubernetes.clusters.platform.nodeGroups.general.maxSize is 500; EKS allows 450 nodes per managed node group — use at most 450, or add another node group`,
      ]);
    });

    it('rejects a desired size outside min and max', () => {
      expect(problems(GOOD_CLUSTER.replace('maxSize: 6', 'maxSize: 6, desiredSize: 9'))).toEqual([
        `${PROD_FILE}:6:9: kubernetes.clusters.platform.nodeGroups.general runs 2–6 nodes, but starts with 9 — keep minSize ≤ desiredSize ≤ maxSize`,
      ]);
    });
  });

  describe('kubernetes/max-pods-within-eni-limit', () => {
    it('rejects max pods over the ENI limit of the smallest instance type', () => {
      expect(problems(GOOD_CLUSTER.replace('[m5.large]', '[m5.xlarge, m5.large]').replace('maxPods: 29', 'maxPods: 30'))).toEqual([
        `${PROD_FILE}:6:82: kubernetes.clusters.platform.nodeGroups.general.maxPods is 30, over the 29 pods m5.large (3 ENIs × (10 IPs − 1) + 2) can hold — use at most 29, or larger instance types`,
      ]);
    });

    it('allows up to 250 pods on an IPv6 cluster', () => {
      expect(() =>
        sampleModel(withWorkloads(PROD_FILE, clusterFile(`${GOOD_CLUSTER.replace('maxPods: 29', 'maxPods: 110')}      ipFamily: ipv6\n`))),
      ).not.toThrow();
    });
  });

  describe('kubernetes/instance-types-known', () => {
    it('rejects an instance type the project has no ENI limits for', () => {
      expect(problems(GOOD_CLUSTER.replace('[m5.large]', '[x9.huge]').replace(', maxPods: 29', ''))).toEqual([
        `${PROD_FILE}:6:36: kubernetes.clusters.platform.nodeGroups.general.instanceTypes.0 is x9.huge, which is not in the project's instance table — use a type of model/workloads/kubernetes/instance-types.ts, or add it there with its ENI limits`,
      ]);
    });

    it('rejects x86 and ARM types in one group', () => {
      expect(problems(GOOD_CLUSTER.replace('[m5.large]', '[m5.large, m6g.large]'))).toEqual([
        `${PROD_FILE}:6:20: kubernetes.clusters.platform.nodeGroups.general.instanceTypes mixes x86_64 and arm64 types; a node group has one AMI type — split them into two node groups`,
      ]);
    });
  });

  describe('kubernetes/cluster-has-compute', () => {
    it('rejects a cluster without node groups or Fargate profiles', () => {
      expect(problems('      version: "1.31"\n')).toEqual([
        `${PROD_FILE}:3:5: kubernetes.clusters.platform has no nodeGroups and no fargateProfiles; coredns has nowhere to run — add a node group or a Fargate profile`,
      ]);
    });

    it('accepts a Fargate-only cluster', () => {
      expect(() =>
        sampleModel(
          withWorkloads(
            PROD_FILE,
            clusterFile('      version: "1.31"\n      fargateProfiles:\n        apps: { selectors: [{ namespace: apps }] }\n'),
          ),
        ),
      ).not.toThrow();
    });
  });

  describe('kubernetes/deploy-access-reserved', () => {
    it('rejects an access entry named deploy', () => {
      expect(problems(`${GOOD_CLUSTER}      access:\n        deploy: { role: someone, level: view }\n`)).toEqual([
        `${PROD_FILE}:8:9: kubernetes.clusters.platform.access.deploy redefines the deploy role’s access entry, which every cluster gets as admin — give this entry another name`,
      ]);
    });

    it('accepts other access entries', () => {
      expect(() =>
        sampleModel(
          withWorkloads(PROD_FILE, clusterFile(`${GOOD_CLUSTER}      access:\n        readers: { role: readers, level: view }\n`)),
        ),
      ).not.toThrow();
    });
  });

  describe('the schema', () => {
    it('rejects an add-on the project does not manage, where it is written', () => {
      const text = clusterFile(GOOD_CLUSTER) + '        aws-ebs-csi-driver: { version: v1.38.1-eksbuild.1 }\n';
      expect(problemsOf(withWorkloads(PROD_FILE, text)).join('\n')).toMatch(
        /analytics-prod\.yaml:\d+:\d+: kubernetes\.clusters\.platform\.addons.*aws-ebs-csi-driver/,
      );
    });

    it('rejects an unpinned add-on version', () => {
      const text = clusterFile(GOOD_CLUSTER).replace('v1.11.4-eksbuild.2', 'latest');
      expect(problemsOf(withWorkloads(PROD_FILE, text)).join('\n')).toMatch(/addons\.coredns\.version .*is not an EKS add-on version/);
    });
  });

  it('reports several bad clusters at once', () => {
    const bad = `${GOOD_CLUSTER.replace('maxSize: 6', 'maxSize: 451').replace('maxPods: 29', 'maxPods: 40')}      publicEndpoint: { cidrs: [203.0.113.0/24] }\n`;
    const found = problems(bad).map((line) => line.replace(/ — .*/, ''));
    expect(found).toEqual([
      `${PROD_FILE}:6:59: kubernetes.clusters.platform.nodeGroups.general.maxSize is 451; EKS allows 450 nodes per managed node group`,
      `${PROD_FILE}:6:73: kubernetes.clusters.platform.nodeGroups.general.maxPods is 40, over the 29 pods m5.large (3 ENIs × (10 IPs − 1) + 2) can hold`,
      `${PROD_FILE}:7:7: kubernetes.clusters.platform.publicEndpoint is on in analytics-prod, a production account`,
    ]);
  });
});
