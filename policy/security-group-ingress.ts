import type { TerraformResource } from './types';
import { asNumber, asStrings, blocks, isAnywhere } from './values';

/*
 * Security group ingress comes in three shapes: inline `ingress` blocks of aws_security_group,
 * aws_security_group_rule with type = ingress, and aws_vpc_security_group_ingress_rule. This reads
 * all three as one list of permissions so the port rules are written once.
 */

export const SECURITY_GROUP_INGRESS_TYPES = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
] as const;

export interface IngressPermission {
  /** Where in the resource it is, e.g. `ingress[1]`, or '' for a rule resource. */
  readonly location: string;
  readonly protocol: string;
  /** Port range; both undefined when the protocol covers every port (-1) or the ports are not literal. */
  readonly fromPort?: number;
  readonly toPort?: number;
  /** Source CIDRs open to the whole internet (0.0.0.0/0, ::/0). */
  readonly anywhereSources: readonly string[];
}

export function ingressPermissions(resource: TerraformResource): IngressPermission[] {
  const { values } = resource;
  switch (resource.type) {
    case 'aws_security_group':
      return blocks(values.ingress).map((block, index) => ({
        location: `ingress[${index}]`,
        protocol: String(block.protocol ?? ''),
        fromPort: asNumber(block.from_port),
        toPort: asNumber(block.to_port),
        anywhereSources: [...asStrings(block.cidr_blocks), ...asStrings(block.ipv6_cidr_blocks)].filter(isAnywhere),
      }));
    case 'aws_security_group_rule':
      if (values.type !== 'ingress') return [];
      return [
        {
          location: '',
          protocol: String(values.protocol ?? ''),
          fromPort: asNumber(values.from_port),
          toPort: asNumber(values.to_port),
          anywhereSources: [...asStrings(values.cidr_blocks), ...asStrings(values.ipv6_cidr_blocks)].filter(isAnywhere),
        },
      ];
    case 'aws_vpc_security_group_ingress_rule':
      return [
        {
          location: '',
          protocol: String(values.ip_protocol ?? ''),
          fromPort: asNumber(values.from_port),
          toPort: asNumber(values.to_port),
          anywhereSources: [...asStrings(values.cidr_ipv4), ...asStrings(values.cidr_ipv6)].filter(isAnywhere),
        },
      ];
    default:
      return [];
  }
}

const ALL_PROTOCOLS = new Set(['-1', 'all']);
/** ICMP "ports" are type and code, not ports. */
const PORTLESS_PROTOCOLS = new Set(['icmp', '1', 'icmpv6', '58']);

export function coversAllProtocols(protocol: string): boolean {
  return ALL_PROTOCOLS.has(protocol.toLowerCase());
}

/** Whether the permission lets traffic reach `port` (TCP or UDP). */
export function reachesPort(permission: IngressPermission, port: number): boolean {
  const protocol = permission.protocol.toLowerCase();
  if (coversAllProtocols(protocol)) return true;
  if (PORTLESS_PROTOCOLS.has(protocol)) return false;
  if (isAllPortsRange(permission.fromPort, permission.toPort)) return true;
  const { fromPort, toPort } = permission;
  return fromPort !== undefined && toPort !== undefined && fromPort <= port && port <= toPort;
}

/** Ports -1..-1 (or either end -1) mean every port, as AWS and checkov (CKV_AWS_277) read them. */
export function isAllPortsRange(fromPort: number | undefined, toPort: number | undefined): boolean {
  return fromPort === -1 || toPort === -1;
}

/** Every port: protocol -1 (all), ports -1, or a TCP/UDP range from 0 (or 1) to 65535. */
export function reachesEveryPort(permission: IngressPermission): boolean {
  const protocol = permission.protocol.toLowerCase();
  if (coversAllProtocols(protocol)) return true;
  if (PORTLESS_PROTOCOLS.has(protocol)) return false;
  if (isAllPortsRange(permission.fromPort, permission.toPort)) return true;
  const { fromPort, toPort } = permission;
  return fromPort !== undefined && toPort !== undefined && fromPort <= 1 && toPort >= 65535;
}

export function describePermission(permission: IngressPermission): string {
  const where = permission.location ? `${permission.location} ` : '';
  const ports = coversAllProtocols(permission.protocol)
    ? 'every protocol and port'
    : isAllPortsRange(permission.fromPort, permission.toPort)
      ? `${permission.protocol} every port (${permission.fromPort}-${permission.toPort})`
      : `${permission.protocol} ${permission.fromPort === permission.toPort ? permission.fromPort : `${permission.fromPort}-${permission.toPort}`}`;
  return `${where}allows ingress from ${permission.anywhereSources.join(' and ')} to ${ports}`;
}
