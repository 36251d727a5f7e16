/*
 * The instance types EKS node groups may use, with the numbers AWS publishes for them (EC2 docs,
 * "Maximum IP addresses per network interface"). A static table, so max-pods is checked without
 * an EC2 API call at plan time. Add a type here (with its ENI and IPv4-per-ENI limits) to use it.
 */

export interface InstanceTypeLimits {
  readonly architecture: 'x86_64' | 'arm64';
  /** Network interfaces the instance takes. */
  readonly enis: number;
  /** IPv4 addresses per network interface. */
  readonly ipv4PerEni: number;
}

const X86 = 'x86_64';
const ARM = 'arm64';

export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeLimits>> = {
  't3.medium': { architecture: X86, enis: 3, ipv4PerEni: 6 },
  't3.large': { architecture: X86, enis: 3, ipv4PerEni: 12 },
  't3.xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'm5.large': { architecture: X86, enis: 3, ipv4PerEni: 10 },
  'm5.xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'm5.2xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'm6i.large': { architecture: X86, enis: 3, ipv4PerEni: 10 },
  'm6i.xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'm6i.2xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'm7i.large': { architecture: X86, enis: 3, ipv4PerEni: 10 },
  'm7i.xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'c6i.large': { architecture: X86, enis: 3, ipv4PerEni: 10 },
  'c6i.xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'r6i.large': { architecture: X86, enis: 3, ipv4PerEni: 10 },
  'r6i.xlarge': { architecture: X86, enis: 4, ipv4PerEni: 15 },
  'm6g.large': { architecture: ARM, enis: 3, ipv4PerEni: 10 },
  'm6g.xlarge': { architecture: ARM, enis: 4, ipv4PerEni: 15 },
  'm7g.large': { architecture: ARM, enis: 3, ipv4PerEni: 10 },
  'm7g.xlarge': { architecture: ARM, enis: 4, ipv4PerEni: 15 },
  'c7g.large': { architecture: ARM, enis: 3, ipv4PerEni: 10 },
  'c7g.xlarge': { architecture: ARM, enis: 4, ipv4PerEni: 15 },
};

/** Pods a node can hold without prefix delegation: ENIs × (IPv4 per ENI − 1) + 2 (m5.large: 29). */
export function eniMaxPods(limits: InstanceTypeLimits): number {
  return limits.enis * (limits.ipv4PerEni - 1) + 2;
}

/** Kubernetes' recommended ceiling for pods per node where IPs are not the limit (IPv6 clusters). */
export const IPV6_MAX_PODS = 250;

/** EKS quotas (per cluster, per node group). */
export const MAX_NODE_GROUPS_PER_CLUSTER = 30;
export const MAX_NODES_PER_NODE_GROUP = 450;
