import type { PolicyRule } from '../types';
import { isAllPortsRange } from '../security-group-ingress';
import { asBoolean, asNumber, asStrings, blocks, isAnywhere, type Block } from '../values';

export const naclDeniesAllPortsFromAnywhere: PolicyRule = {
  id: 'LZ-NET-006',
  checkov: 'CKV_AWS_352',
  title: 'No network ACL allows ingress from 0.0.0.0/0 or ::/0 to every port',
  severity: 'error',
  resourceTypes: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'],
  evaluate: (resource) => {
    if (resource.type === 'aws_network_acl_rule') {
      const { values } = resource;
      const ingress = asBoolean(values.egress) !== true;
      return ingress && allowsEveryPortFromAnywhere(values, 'rule_action') ? [{ detail: describe(values) }] : [];
    }
    return blocks(resource.values.ingress).flatMap((entry, index) =>
      allowsEveryPortFromAnywhere(entry, 'action') ? [{ detail: `ingress[${index}] ${describe(entry)}` }] : [],
    );
  },
  fix: 'allow only the ports each tier needs (e.g. 443, plus 1024-65535 for return traffic), or narrow the source CIDR',
};

function allowsEveryPortFromAnywhere(entry: Block, actionArgument: 'action' | 'rule_action'): boolean {
  if (String(entry[actionArgument] ?? '').toLowerCase() !== 'allow') return false;
  if (![...asStrings(entry.cidr_block), ...asStrings(entry.ipv6_cidr_block)].some(isAnywhere)) return false;
  const protocol = String(entry.protocol ?? '').toLowerCase();
  if (protocol === '-1' || protocol === 'all') return true;
  if (!['tcp', '6', 'udp', '17'].includes(protocol)) return false;
  const fromPort = asNumber(entry.from_port);
  const toPort = asNumber(entry.to_port);
  if (isAllPortsRange(fromPort, toPort)) return true;
  return fromPort !== undefined && toPort !== undefined && fromPort <= 1 && toPort >= 65535;
}

function describe(entry: Block): string {
  const source = [...asStrings(entry.cidr_block), ...asStrings(entry.ipv6_cidr_block)].filter(isAnywhere).join(' and ');
  return `allows ingress from ${source} to every port (protocol ${String(entry.protocol)})`;
}
