import { eksClusterName } from '../../naming';
import { zoneSuffix } from '../../regions';
import type { PlanContext } from '../context';
import { INSTANCE_TYPES } from './instance-types';
import type { EksClusterConfig, KubernetesConfig, NodeGroupConfig } from './schema';
import type { ClusterAccessPlan, EksClusterPlan, KubernetesPlan, NodeGroupPlan, RoleRef } from './types';

/** Access-entry name of the account's deploy role: the creator gets no admin rights, so it is granted here. */
export const DEPLOY_ACCESS = 'deploy';

export function planKubernetes(context: PlanContext, kubernetes: KubernetesConfig, deployRoleName: string): KubernetesPlan {
  return {
    clusters: Object.entries(kubernetes.clusters)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, cluster]) => planCluster(context, name, cluster, deployRoleName)),
  };
}

function planCluster(context: PlanContext, name: string, cluster: EksClusterConfig, deployRoleName: string): EksClusterPlan {
  const access = planAccess(cluster, deployRoleName);
  return {
    name,
    clusterName: eksClusterName(context.organization, context.environment.name, context.account.name, name),
    version: cluster.version,
    ipFamily: cluster.ipFamily,
    subnetKeys: context.spokeVpc.subnets
      .filter((subnet) => subnet.tier === 'app' && !subnet.ipv6Only)
      .map((subnet) => `${subnet.tier}-${zoneSuffix(subnet.zone)}`),
    publicAccessCidrs: cluster.publicEndpoint?.cidrs ?? [],
    apiCallers: { tiers: [...new Set(cluster.apiCallers.tiers)].sort(), cidrs: cluster.apiCallers.cidrs },
    access,
    keyAdministrators: access.filter((entry) => entry.level === 'admin').map((entry) => entry.role),
    logRetentionDays: cluster.logRetentionDays,
    extraLogTypes: cluster.extraLogTypes,
    supportType: cluster.supportType,
    nodeGroups: Object.entries(cluster.nodeGroups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, config]) => planNodeGroup(group, config)),
    fargateProfiles: Object.entries(cluster.fargateProfiles)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([profile, config]) => ({ name: profile, selectors: config.selectors })),
    addons: cluster.addons,
  };
}

function planAccess(cluster: EksClusterConfig, deployRoleName: string): ClusterAccessPlan[] {
  const configured = Object.entries(cluster.access)
    .filter(([name]) => name !== DEPLOY_ACCESS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, access]) => ({ name, role: roleRef(access.role), level: access.level, namespaces: access.namespaces }));
  return [{ name: DEPLOY_ACCESS, role: { roleName: deployRoleName }, level: 'admin', namespaces: [] }, ...configured];
}

function roleRef(role: string): RoleRef {
  return role.startsWith('arn:') ? { arn: role } : { roleName: role };
}

function planNodeGroup(name: string, group: NodeGroupConfig): NodeGroupPlan {
  const arm = group.instanceTypes.every((type) => INSTANCE_TYPES[type]?.architecture === 'arm64');
  return {
    name,
    instanceTypes: group.instanceTypes,
    amiType: arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
    capacityType: group.capacityType,
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredSize: group.desiredSize ?? group.minSize,
    ...(group.maxPods !== undefined ? { maxPods: group.maxPods } : {}),
    metadataHopLimit: group.metadataHopLimit,
    rootVolumeGiB: group.rootVolumeGiB,
    maxUnavailablePercentage: group.maxUnavailablePercentage,
    labels: group.labels,
  };
}
