import { Ipv4Cidr } from '../../model/cidr';

describe('Ipv4Cidr', () => {
  it('parses a block and reports its size and last address', () => {
    const block = Ipv4Cidr.of('10.16.0.0/12');
    expect(block.size).toBe(2 ** 20);
    expect(block.toString()).toBe('10.16.0.0/12');
    expect(
      Ipv4Cidr.of('10.16.0.0/12')
        .blockAt(block.size - 256, 24)
        .toString(),
    ).toBe('10.31.255.0/24');
  });

  it('rejects text that is not a CIDR, and blocks with host bits set', () => {
    expect(Ipv4Cidr.parse('10.0.0.0')).toEqual({ error: '"10.0.0.0" is not an IPv4 CIDR block such as 10.0.0.0/16' });
    expect(Ipv4Cidr.parse('10.0.0.0/33')).toHaveProperty('error');
    expect(Ipv4Cidr.parse('10.1.2.3/16')).toEqual({ error: '10.1.2.3/16 has host bits set; the block starts at 10.1.0.0/16' });
  });

  it('knows overlap and containment, including the edges', () => {
    const wide = Ipv4Cidr.of('10.0.0.0/8');
    const left = Ipv4Cidr.of('10.0.0.0/16');
    const next = Ipv4Cidr.of('10.1.0.0/16');
    expect(wide.contains(left)).toBe(true);
    expect(left.contains(wide)).toBe(false);
    expect(left.overlaps(next)).toBe(false);
    expect(left.overlaps(Ipv4Cidr.of('10.0.255.0/24'))).toBe(true);
    expect(Ipv4Cidr.of('255.255.255.0/24').last).toBe(2 ** 32 - 1);
  });
});
