import * as ipaddr from 'ipaddr.js';

/**
 * An IPv4 CIDR block as a numeric range, for overlap, containment and subnet carving.
 * Parsing and formatting are ipaddr.js's; only the range arithmetic lives here.
 */
export class Ipv4Cidr {
  private constructor(
    readonly network: number,
    readonly prefixLength: number,
  ) {}

  /** Parses `a.b.c.d/n`; returns an error sentence instead of throwing. */
  static parse(text: string): Ipv4Cidr | { error: string } {
    if (!ipaddr.IPv4.isValidCIDR(text)) {
      return { error: `${JSON.stringify(text)} is not an IPv4 CIDR block such as 10.0.0.0/16` };
    }
    const [address, prefixLength] = ipaddr.IPv4.parseCIDR(text);
    const network = ipaddr.IPv4.networkAddressFromCIDR(text);
    if (network.toString() !== address.toString()) {
      return { error: `${text} has host bits set; the block starts at ${network.toString()}/${prefixLength}` };
    }
    return new Ipv4Cidr(toNumber(network), prefixLength);
  }

  /** Parses a CIDR already known to be valid (e.g. after schema validation). */
  static of(text: string): Ipv4Cidr {
    const parsed = Ipv4Cidr.parse(text);
    if ('error' in parsed) throw new Error(parsed.error);
    return parsed;
  }

  get size(): number {
    return 2 ** (32 - this.prefixLength);
  }

  get last(): number {
    return this.network + this.size - 1;
  }

  overlaps(other: Ipv4Cidr): boolean {
    return this.network <= other.last && other.network <= this.last;
  }

  contains(other: Ipv4Cidr): boolean {
    return this.network <= other.network && other.last <= this.last;
  }

  /** The block of `prefixLength` that starts `offset` addresses into this one. */
  blockAt(offset: number, prefixLength: number): Ipv4Cidr {
    return new Ipv4Cidr(this.network + offset, prefixLength);
  }

  toString(): string {
    return `${fromNumber(this.network)}/${this.prefixLength}`;
  }
}

function toNumber(address: ipaddr.IPv4): number {
  return address.octets.reduce((value, octet) => value * 256 + octet, 0);
}

function fromNumber(value: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  return ipaddr.fromByteArray(octets).toString();
}
