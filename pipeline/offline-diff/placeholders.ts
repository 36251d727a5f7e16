/*
 * Values for attributes known only after apply, in a state built from a plan: deterministic (the
 * same address and attribute always give the same placeholder) and of the attribute's cty type.
 */

/** `arn:aws:offline:…` for ARNs (providers parse them), `offline-<address>-<attribute>` otherwise. */
export function placeholderString(address: string, attribute: string): string {
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
