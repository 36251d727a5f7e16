import { vpcIpv6, vpcTiers, vpcZones } from '../../defaults';
import { eksClusterName } from '../../naming';
import type { ConfigProblem } from '../../problems';
import { problemAt } from '../../yaml-source';
import {
  eniMaxPods,
  INSTANCE_TYPES,
  IPV6_MAX_PODS,
  MAX_NODE_GROUPS_PER_CLUSTER,
  MAX_NODES_PER_NODE_GROUP,
} from '../../workloads/kubernetes/instance-types';
import type { EksClusterConfig, NodeGroupConfig } from '../../workloads/kubernetes/schema';
import type { ConfigIndex } from '../config-index';
import type { ConfigRule } from '../rule';
import { isProdAccount, workloadsEntries, type WorkloadsEntry } from './workloads';

/* EKS clusters of workloads files: what AWS would reject at apply time, and the prod guardrails. */

/** Longest cluster name: IAM role names add up to 8 characters (`-efs-csi`) within 64. */
export const MAX_CLUSTER_NAME_LENGTH = 56;

type ResolvedEntry = WorkloadsEntry & Required<Pick<WorkloadsEntry, 'environment' | 'account'>>;

interface ClusterEntry {
  readonly name: string;
  readonly cluster: EksClusterConfig;
  readonly entry: ResolvedEntry;
  readonly path: readonly string[];
}

function clusterEntries(index: ConfigIndex): ClusterEntry[] {
  return workloadsEntries(index).flatMap((entry) =>
    entry.environment && entry.account
      ? Object.entries(entry.workloads.config.kubernetes?.clusters ?? {}).map(([name, cluster]) => ({
          name,
          cluster,
          entry: entry as ResolvedEntry,
          path: ['kubernetes', 'clusters', name],
        }))
      : [],
  );
}

function nodeGroupEntries(index: ConfigIndex) {
  return clusterEntries(index).flatMap((cluster) =>
    Object.entries(cluster.cluster.nodeGroups).map(([name, group]) => ({
      cluster,
      name,
      group,
      path: [...cluster.path, 'nodeGroups', name],
    })),
  );
}

function problem(cluster: ClusterEntry, path: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  return problemAt(cluster.entry.workloads.source, path, message, fix);
}

export const clustersNeedVpc: ConfigRule = {
  id: 'kubernetes/clusters-need-vpc',
  description: 'An account with EKS clusters has a spoke VPC whose app tier (IPv4) spans at least two zones.',
  check: (index) =>
    clusterEntries(index).flatMap((cluster) => {
      const { account, environment, workloads } = cluster.entry;
      if (!account.vpc) {
        return [
          problem(
            cluster,
            cluster.path,
            `runs in account ${workloads.account}, which has no VPC`,
            `give accounts.${workloads.account} a vpc`,
          ),
        ];
      }
      const app = vpcTiers(account.vpc).app;
      if (!app || app.ipv6Only) {
        return [
          problem(
            cluster,
            cluster.path,
            `needs IPv4 app-tier subnets, which the VPC of ${workloads.account} does not have`,
            'add an app tier with IPv4 subnets',
          ),
        ];
      }
      const zones = vpcZones(account.vpc, environment.config);
      if (zones.length >= 2) return [];
      return [
        problem(
          cluster,
          cluster.path,
          `has its control plane in ${zones.length} zone; EKS needs subnets in at least two`,
          `give the VPC of ${workloads.account} two or more availabilityZones`,
        ),
      ];
    }),
};

export const noPublicEndpointInProd: ConfigRule = {
  id: 'kubernetes/no-public-endpoint-in-prod',
  description: 'A cluster in a prod-segment account has no public API endpoint.',
  check: (index) =>
    clusterEntries(index)
      .filter((cluster) => cluster.cluster.publicEndpoint && isProdAccount(cluster.entry.account, cluster.entry.environment.config))
      .map((cluster) =>
        problem(
          cluster,
          [...cluster.path, 'publicEndpoint'],
          `is on in ${cluster.entry.workloads.account}, a production account`,
          'remove publicEndpoint; reach the private endpoint from the VPC (apiCallers) or through the hub',
        ),
      ),
};

export const ipv6NeedsDualStack: ConfigRule = {
  id: 'kubernetes/ipv6-needs-dual-stack',
  description: 'An IPv6 cluster runs in a dual-stack spoke.',
  check: (index) =>
    clusterEntries(index)
      .filter(
        ({ cluster, entry }) => cluster.ipFamily === 'ipv6' && entry.account.vpc && !vpcIpv6(entry.account.vpc, entry.environment.config),
      )
      .map((cluster) =>
        problem(
          cluster,
          [...cluster.path, 'ipFamily'],
          `is ipv6, but the VPC of ${cluster.entry.workloads.account} is IPv4-only`,
          'use ipFamily: ipv4, or make the VPC dual-stack (ipv6: true) before creating the cluster — the family cannot change later',
        ),
      ),
};

export const clusterNameFits: ConfigRule = {
  id: 'kubernetes/cluster-name-fits',
  description: `A cluster's full name (<org>-<env>-<account>-<cluster>) has at most ${MAX_CLUSTER_NAME_LENGTH} characters.`,
  check: (index) =>
    clusterEntries(index).flatMap((cluster) => {
      const organization = index.org?.config.organization.name;
      if (!organization) return [];
      const name = eksClusterName(organization, cluster.entry.environment.name, cluster.entry.workloads.account, cluster.name);
      if (name.length <= MAX_CLUSTER_NAME_LENGTH) return [];
      return [
        problem(
          cluster,
          cluster.path,
          `makes the cluster name ${name}, ${name.length} characters; at most ${MAX_CLUSTER_NAME_LENGTH} fit its role names`,
          'give the cluster a shorter name',
        ),
      ];
    }),
};

export const clusterHasCompute: ConfigRule = {
  id: 'kubernetes/cluster-has-compute',
  description: `A cluster has at least one managed node group or Fargate profile, and at most ${MAX_NODE_GROUPS_PER_CLUSTER} node groups.`,
  check: (index) =>
    clusterEntries(index).flatMap((cluster) => {
      const groups = Object.keys(cluster.cluster.nodeGroups).length;
      if (groups > MAX_NODE_GROUPS_PER_CLUSTER) {
        return [
          problem(
            cluster,
            [...cluster.path, 'nodeGroups'],
            `has ${groups} node groups; EKS allows ${MAX_NODE_GROUPS_PER_CLUSTER} per cluster`,
            'merge node groups (a group takes several instance types)',
          ),
        ];
      }
      if (groups + Object.keys(cluster.cluster.fargateProfiles).length > 0) return [];
      return [
        problem(
          cluster,
          cluster.path,
          'has no nodeGroups and no fargateProfiles; coredns has nowhere to run',
          'add a node group or a Fargate profile',
        ),
      ];
    }),
};

export const nodeGroupSize: ConfigRule = {
  id: 'kubernetes/node-group-size',
  description: `A node group has minSize ≤ desiredSize ≤ maxSize ≤ ${MAX_NODES_PER_NODE_GROUP}.`,
  check: (index) =>
    nodeGroupEntries(index).flatMap(({ cluster, group, path }) => {
      if (group.maxSize > MAX_NODES_PER_NODE_GROUP) {
        return [
          problem(
            cluster,
            [...path, 'maxSize'],
            `is ${group.maxSize}; EKS allows ${MAX_NODES_PER_NODE_GROUP} nodes per managed node group`,
            `use at most ${MAX_NODES_PER_NODE_GROUP}, or add another node group`,
          ),
        ];
      }
      const desired = group.desiredSize ?? group.minSize;
      if (group.minSize <= desired && desired <= group.maxSize) return [];
      return [
        problem(
          cluster,
          path,
          `runs ${group.minSize}–${group.maxSize} nodes, but starts with ${desired}`,
          'keep minSize ≤ desiredSize ≤ maxSize',
        ),
      ];
    }),
};

export const instanceTypesKnown: ConfigRule = {
  id: 'kubernetes/instance-types-known',
  description: "A node group's instance types are in the project's table and share one architecture.",
  check: (index) =>
    nodeGroupEntries(index).flatMap(({ cluster, group, path }) => {
      const unknown = group.instanceTypes.flatMap((type, position) =>
        INSTANCE_TYPES[type]
          ? []
          : [
              problem(
                cluster,
                [...path, 'instanceTypes', position],
                `is ${type}, which is not in the project's instance table`,
                'use a type of model/workloads/kubernetes/instance-types.ts, or add it there with its ENI limits',
              ),
            ],
      );
      if (unknown.length > 0) return unknown;
      const architectures = new Set(group.instanceTypes.map((type) => INSTANCE_TYPES[type].architecture));
      if (architectures.size <= 1) return [];
      return [
        problem(
          cluster,
          [...path, 'instanceTypes'],
          'mixes x86_64 and arm64 types; a node group has one AMI type',
          'split them into two node groups',
        ),
      ];
    }),
};

export const maxPodsWithinEniLimit: ConfigRule = {
  id: 'kubernetes/max-pods-within-eni-limit',
  description: 'maxPods fits every instance type of its group: ENIs × (IPs per ENI − 1) + 2 on IPv4 clusters, 250 on IPv6.',
  check: (index) =>
    nodeGroupEntries(index).flatMap(({ cluster, group, path }) => {
      if (group.maxPods === undefined) return [];
      const [limit, limitedBy] = maxPodsLimit(group, cluster.cluster.ipFamily);
      if (group.maxPods <= limit) return [];
      return [
        problem(
          cluster,
          [...path, 'maxPods'],
          `is ${group.maxPods}, over the ${limit} pods ${limitedBy} can hold`,
          `use at most ${limit}, or larger instance types`,
        ),
      ];
    }),
};

function maxPodsLimit(group: NodeGroupConfig, ipFamily: EksClusterConfig['ipFamily']): [number, string] {
  if (ipFamily === 'ipv6') return [IPV6_MAX_PODS, 'a node'];
  const known = group.instanceTypes.filter((type) => INSTANCE_TYPES[type]);
  if (known.length === 0) return [Number.POSITIVE_INFINITY, ''];
  const smallest = known.reduce((a, b) => (eniMaxPods(INSTANCE_TYPES[a]) <= eniMaxPods(INSTANCE_TYPES[b]) ? a : b));
  const limits = INSTANCE_TYPES[smallest];
  return [eniMaxPods(limits), `${smallest} (${limits.enis} ENIs × (${limits.ipv4PerEni} IPs − 1) + 2)`];
}

export const deployAccessReserved: ConfigRule = {
  id: 'kubernetes/deploy-access-reserved',
  description: 'The access entry `deploy` is the landing zone’s deploy role; config does not redefine it.',
  check: (index) =>
    clusterEntries(index)
      .filter((cluster) => cluster.cluster.access.deploy)
      .map((cluster) =>
        problem(
          cluster,
          [...cluster.path, 'access', 'deploy'],
          'redefines the deploy role’s access entry, which every cluster gets as admin',
          'give this entry another name',
        ),
      ),
};
