import { edit, problemsOf, sampleModel } from '../../support/config';
import { at, change, ruleProblems } from '../validate/fixtures';
import { clusterFile, GOOD_CLUSTER, PROD_FILE, withWorkloads } from './kubernetes-fixtures';

const DEV = 'environments/dev.yaml';
const DEV_FILE = 'environments/dev/legacy-dev.yaml';
const PAYMENTS_FILE = 'environments/dev/payments-dev.yaml';
const TOOLS_FILE = 'environments/dev/tools-dev.yaml';
const STAGING_FILE = 'environments/staging/payments-staging.yaml';

/** The sample's files with `file` holding one cluster, platform, of `spec`. */
const clusterTexts = (spec: string, file = PROD_FILE) => withWorkloads(file, clusterFile(spec));

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
    it('passes a cluster on a two-zone spoke with an IPv4 app tier', () => {
      expect(ruleProblems('kubernetes/clusters-need-vpc', clusterTexts(GOOD_CLUSTER, DEV_FILE))).toEqual([]);
    });

    it('fails a cluster whose spoke has a single zone', () => {
      const texts = edit(clusterTexts(GOOD_CLUSTER, DEV_FILE), DEV, (doc) =>
        doc.setIn(['accounts', 'legacy-dev', 'vpc', 'availabilityZones'], ['eu-west-1a']),
      );
      expect(ruleProblems('kubernetes/clusters-need-vpc', texts)).toEqual([
        `${at(texts, DEV_FILE, 'platform:')}: kubernetes.clusters.platform has its control plane in 1 zone; EKS needs subnets in at least two — give the VPC of legacy-dev two or more availabilityZones`,
      ]);
    });

    it('fails a cluster in an account without a VPC', () => {
      const texts = edit(clusterTexts(GOOD_CLUSTER, TOOLS_FILE), DEV, (doc) =>
        doc.setIn(['accounts', 'tools-dev'], { email: 'aws+tools-dev@acme.example', ou: 'NonProd' }),
      );
      expect(ruleProblems('kubernetes/clusters-need-vpc', texts)).toEqual([
        `${at(texts, TOOLS_FILE, 'platform:')}: kubernetes.clusters.platform runs in account tools-dev, which has no VPC — give accounts.tools-dev a vpc`,
      ]);
    });

    it('fails a cluster whose spoke has no IPv4 app tier', () => {
      const texts = change(
        clusterTexts(GOOD_CLUSTER, PAYMENTS_FILE),
        DEV,
        'subnets: { public: 24, app: 20, data: 24 }',
        'subnets: { public: 24, app: { ipv6Only: true }, data: 24 }',
      );
      expect(ruleProblems('kubernetes/clusters-need-vpc', texts)).toEqual([
        `${at(texts, PAYMENTS_FILE, 'platform:')}: kubernetes.clusters.platform needs IPv4 app-tier subnets, which the VPC of payments-dev does not have — add an app tier with IPv4 subnets`,
      ]);
    });
  });

  describe('kubernetes/cluster-name-fits', () => {
    /** payments-staging's file with one cluster named `name`: its full name is acme-staging-payments-staging-<name>. */
    const named = (name: string) => withWorkloads(STAGING_FILE, clusterFile(GOOD_CLUSTER).replace('    platform:\n', `    ${name}:\n`));

    it('passes a full name of exactly 56 characters', () => {
      expect(ruleProblems('kubernetes/cluster-name-fits', named('settlement-ledger-platform'))).toEqual([]);
    });

    it('fails a full name of 57 characters, at the cluster', () => {
      const texts = named('settlement-ledger-platforms');
      expect(ruleProblems('kubernetes/cluster-name-fits', texts)).toEqual([
        `${at(texts, STAGING_FILE, 'settlement-ledger-platforms:')}: kubernetes.clusters.settlement-ledger-platforms makes the cluster name acme-staging-payments-staging-settlement-ledger-platforms, 57 characters; at most 56 fit its role names — give the cluster a shorter name`,
      ]);
    });
  });

  describe('kubernetes/node-group-size', () => {
    it('passes 450 nodes, started at a size between min and max', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('maxSize: 6', 'maxSize: 450, desiredSize: 450'));
      expect(ruleProblems('kubernetes/node-group-size', texts)).toEqual([]);
    });

    it('fails a node group over 450 nodes', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('maxSize: 6', 'maxSize: 500'));
      expect(ruleProblems('kubernetes/node-group-size', texts)).toEqual([
        `${at(texts, PROD_FILE, 'maxSize')}: kubernetes.clusters.platform.nodeGroups.general.maxSize is 500; EKS allows 450 nodes per managed node group — use at most 450, or add another node group`,
      ]);
    });

    it('fails a desired size outside min and max', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('maxSize: 6', 'maxSize: 6, desiredSize: 9'));
      expect(ruleProblems('kubernetes/node-group-size', texts)).toEqual([
        `${at(texts, PROD_FILE, 'general:')}: kubernetes.clusters.platform.nodeGroups.general runs 2–6 nodes, but starts with 9 — keep minSize ≤ desiredSize ≤ maxSize`,
      ]);
    });
  });

  describe('kubernetes/max-pods-within-eni-limit', () => {
    it('passes max pods at the ENI limit of the smallest instance type', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('[m5.large]', '[m5.xlarge, m5.large]'));
      expect(ruleProblems('kubernetes/max-pods-within-eni-limit', texts)).toEqual([]);
    });

    it('accepts up to 250 pods on an IPv6 cluster', () => {
      const texts = clusterTexts(`${GOOD_CLUSTER.replace('maxPods: 29', 'maxPods: 250')}      ipFamily: ipv6\n`);
      expect(ruleProblems('kubernetes/max-pods-within-eni-limit', texts)).toEqual([]);
    });

    it('fails max pods over the ENI limit of the smallest instance type', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('[m5.large]', '[m5.xlarge, m5.large]').replace('maxPods: 29', 'maxPods: 30'));
      expect(ruleProblems('kubernetes/max-pods-within-eni-limit', texts)).toEqual([
        `${at(texts, PROD_FILE, 'maxPods')}: kubernetes.clusters.platform.nodeGroups.general.maxPods is 30, over the 29 pods m5.large (3 ENIs × (10 IPs − 1) + 2) can hold — use at most 29, or larger instance types`,
      ]);
    });

    it('fails more than 250 pods on an IPv6 cluster', () => {
      const texts = clusterTexts(`${GOOD_CLUSTER.replace('maxPods: 29', 'maxPods: 251')}      ipFamily: ipv6\n`);
      expect(ruleProblems('kubernetes/max-pods-within-eni-limit', texts)).toEqual([
        `${at(texts, PROD_FILE, 'maxPods')}: kubernetes.clusters.platform.nodeGroups.general.maxPods is 251, over the 250 pods a node can hold — use at most 250, or larger instance types`,
      ]);
    });
  });

  describe('kubernetes/instance-types-known', () => {
    it('passes types of the table that share one architecture', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('[m5.large]', '[m6g.large, m7g.large]').replace(', maxPods: 29', ''));
      expect(ruleProblems('kubernetes/instance-types-known', texts)).toEqual([]);
    });

    it('fails an instance type the project has no ENI limits for', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('[m5.large]', '[x9.huge]').replace(', maxPods: 29', ''));
      expect(ruleProblems('kubernetes/instance-types-known', texts)).toEqual([
        `${at(texts, PROD_FILE, 'x9.huge')}: kubernetes.clusters.platform.nodeGroups.general.instanceTypes.0 is x9.huge, which is not in the project's instance table — use a type of model/workloads/kubernetes/instance-types.ts, or add it there with its ENI limits`,
      ]);
    });

    it('fails x86 and ARM types in one group', () => {
      const texts = clusterTexts(GOOD_CLUSTER.replace('[m5.large]', '[m5.large, m6g.large]'));
      expect(ruleProblems('kubernetes/instance-types-known', texts)).toEqual([
        `${at(texts, PROD_FILE, 'instanceTypes')}: kubernetes.clusters.platform.nodeGroups.general.instanceTypes mixes x86_64 and arm64 types; a node group has one AMI type — split them into two node groups`,
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
