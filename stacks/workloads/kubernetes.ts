import { KubernetesCluster, type NodeGroupSpec } from '../../modules/kubernetes/kubernetes-cluster';
import { iamRoleArn } from '../../model/naming';
import type { EksClusterPlan, KubernetesPlan, RoleRef, WorkloadsPlan } from '../../model/workloads/types';
import type { LandingZoneStack } from '../base/landing-zone-stack';
import type { ContractReader } from '../contracts/contract';
import type { spokeContract } from '../contracts/spoke';

export interface KubernetesInputs {
  readonly network: ContractReader<typeof spokeContract.outputs>;
}

/**
 * The account's EKS clusters, each in the spoke's app tier. No kubernetes or helm provider here:
 * the private endpoint is unreachable from CI at plan time; in-cluster resources go through GitOps.
 */
export function placeKubernetes(
  stack: LandingZoneStack,
  plan: WorkloadsPlan,
  kubernetes: KubernetesPlan,
  inputs: KubernetesInputs,
): ReadonlyMap<string, KubernetesCluster> {
  const accountId = stack.accountId(plan.account);
  const arnOf = (role: RoleRef) => ('arn' in role ? role.arn : iamRoleArn(accountId, role.roleName));
  return new Map(
    kubernetes.clusters.map((cluster) => [
      cluster.name,
      new KubernetesCluster(stack, `eks-${cluster.name}`, {
        name: cluster.clusterName,
        version: cluster.version,
        accountId,
        region: plan.region,
        vpcId: inputs.network.string('vpcId'),
        subnetIds: Object.values(inputs.network.entries('subnetIds', cluster.subnetKeys)),
        ipFamily: cluster.ipFamily,
        ...(cluster.publicAccessCidrs.length > 0 ? { endpointPublicAccess: true, publicAccessCidrs: cluster.publicAccessCidrs } : {}),
        apiCallers: {
          securityGroupIds: Object.fromEntries(
            cluster.apiCallers.tiers.map((tier) => [`tier-${tier}`, inputs.network.entry('securityGroupIds', tier)]),
          ),
          ipv4Cidrs: cluster.apiCallers.cidrs,
        },
        keyAdministratorArns: cluster.keyAdministrators.map(arnOf),
        access: Object.fromEntries(
          cluster.access.map((entry) => [
            entry.name,
            { principalArn: arnOf(entry.role), level: entry.level, namespaces: entry.namespaces },
          ]),
        ),
        logRetentionDays: cluster.logRetentionDays,
        extraLogTypes: cluster.extraLogTypes,
        supportType: cluster.supportType,
        nodeGroups: Object.fromEntries(cluster.nodeGroups.map((group) => [group.name, nodeGroup(group)])),
        fargateProfiles: Object.fromEntries(cluster.fargateProfiles.map((profile) => [profile.name, profile.selectors])),
        addons: cluster.addons,
      }),
    ]),
  );
}

function nodeGroup(group: EksClusterPlan['nodeGroups'][number]): NodeGroupSpec {
  return {
    instanceTypes: group.instanceTypes,
    amiType: group.amiType,
    capacityType: group.capacityType,
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredSize: group.desiredSize,
    ...(group.maxPods !== undefined ? { maxPods: group.maxPods } : {}),
    metadataHopLimit: group.metadataHopLimit,
    rootVolumeGiB: group.rootVolumeGiB,
    maxUnavailablePercentage: group.maxUnavailablePercentage,
    labels: group.labels,
  };
}
