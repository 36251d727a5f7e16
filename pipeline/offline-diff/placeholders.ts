/*
 * Values for attributes known only after apply, in a state built from a plan: deterministic (the
 * same address and attribute always give the same placeholder) and of the attribute's cty type.
 */

/** AWS id prefixes by resource type, for ids that the provider checks the shape of. */
const ID_PREFIXES: Record<string, string> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_security_group: 'sg',
  aws_default_security_group: 'sg',
  aws_route_table: 'rtb',
  aws_network_acl: 'acl',
  aws_default_network_acl: 'acl',
  aws_internet_gateway: 'igw',
  aws_egress_only_internet_gateway: 'eigw',
  aws_nat_gateway: 'nat',
  aws_eip: 'eipalloc',
  aws_vpc_endpoint: 'vpce',
  aws_ec2_transit_gateway: 'tgw',
  aws_ec2_transit_gateway_vpc_attachment: 'tgw-attach',
  aws_ec2_transit_gateway_route_table: 'tgw-rtb',
  aws_vpc_peering_connection: 'pcx',
  aws_organizations_policy: 'p',
  aws_launch_template: 'lt',
};

/** A hex string derived from `text`, `length` characters long (FNV-1a, repeated). */
function hex(text: string, length: number): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < length) {
    for (const char of `${text}#${out.length}`) seed = Math.imul(seed ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += seed.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** An id of the shape AWS gives the resource type, so provider validation of references passes. */
function placeholderId(type: string, address: string): string | undefined {
  if (type === 'aws_organizations_organizational_unit') return `ou-${hex(address, 4)}-${hex(`${address}/ou`, 8)}`;
  if (type === 'aws_organizations_account') return digits(address);
  const prefix = ID_PREFIXES[type];
  return prefix ? `${prefix}-${hex(address, 17)}` : undefined;
}

function digits(text: string): string {
  return hex(text, 12)
    .split('')
    .map((char) => String(parseInt(char, 16) % 10))
    .join('');
}

/**
 * Computed attributes that AWS leaves empty unless a setting asks for them, and that the provider
 * rejects when set without it: a standard topic's `fifo_throughput_scope` ("can only be set for
 * FIFO topics"). Their placeholder is the empty string AWS returns.
 */
const EMPTY_UNLESS_SET: Readonly<Record<string, readonly string[]>> = {
  aws_sns_topic: ['fifo_throughput_scope'],
};

/** `arn:aws:offline:…` for ARNs (providers parse them), an https URL for URLs, `offline-<address>-<attribute>` otherwise. */
export function placeholderString(address: string, attribute: string): string {
  const type = address.split('.')[0];
  if (EMPTY_UNLESS_SET[type]?.includes(attribute)) return '';
  if (attribute === 'id') {
    const id = placeholderId(type, address);
    if (id) return id;
  }
  if (attribute === 'owner_id' || attribute.endsWith('account_id')) return digits(`${address}.${attribute}`);
  // URLs are checked for a host (an OIDC provider's url from a cluster's issuer, for one).
  if (/(^|[._])(url|issuer|endpoint)$/.test(attribute)) return `https://offline-${hex(`${address}.${attribute}`, 12)}.invalid`;
  const safe = `${address}.${attribute}`.replace(/[^A-Za-z0-9_.:/-]/g, '_');
  return attribute === 'arn' || attribute.endsWith('_arn') ? `arn:aws:offline:eu-west-1:000000000000:${safe}` : `offline-${safe}`;
}

/**
 * A placeholder of the cty `type`: strings name the attribute, numbers are 0, collections empty.
 * CIDR attributes get a CIDR (of the planned netmask length) so that `cidrsubnet()` of them plans.
 */
export function placeholderFor(type: unknown, address: string, attribute: string, values: Record<string, unknown> = {}): unknown {
  if (type === 'string' && /(^|_)cidr_block$/.test(attribute)) return placeholderCidr(attribute, values);
  if (type === 'string') return placeholderString(address, attribute);
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (type === 'null') return null;
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown];
    if (kind === 'map') return {};
    if (kind === 'object' && inner && typeof inner === 'object')
      return Object.fromEntries(Object.entries(inner).map(([key, child]) => [key, placeholderFor(child, address, `${attribute}.${key}`)]));
    // One element for lists of objects: configurations index them (`identity[0].oidc[0].issuer`).
    if ((kind === 'list' || kind === 'set') && Array.isArray(inner) && inner[0] === 'object')
      return [placeholderFor(inner, address, `${attribute}[0]`)];
    return [];
  }
  return null;
}

function placeholderCidr(attribute: string, values: Record<string, unknown>): string {
  if (attribute.startsWith('ipv6')) {
    const length = typeof values.ipv6_netmask_length === 'number' && values.ipv6_netmask_length > 0 ? values.ipv6_netmask_length : 56;
    return `2001:db8::/${length}`;
  }
  const length = typeof values.ipv4_netmask_length === 'number' && values.ipv4_netmask_length > 0 ? values.ipv4_netmask_length : 16;
  return `10.0.0.0/${length}`;
}
