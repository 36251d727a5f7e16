import { planSubnets } from '../../model/subnets';

describe('planSubnets', () => {
  it('places larger subnets first so every block is aligned', () => {
    const plan = planSubnets('10.17.0.0/16', ['eu-west-1a', 'eu-west-1b'], { public: 24, app: 20, data: 24 });
    expect(plan).toEqual({
      fits: true,
      subnets: [
        { tier: 'public', zone: 'eu-west-1a', cidr: '10.17.32.0/24', newBits: 8, netNum: 32, ipv6Only: false },
        { tier: 'public', zone: 'eu-west-1b', cidr: '10.17.33.0/24', newBits: 8, netNum: 33, ipv6Only: false },
        { tier: 'app', zone: 'eu-west-1a', cidr: '10.17.0.0/20', newBits: 4, netNum: 0, ipv6Only: false },
        { tier: 'app', zone: 'eu-west-1b', cidr: '10.17.16.0/20', newBits: 4, netNum: 1, ipv6Only: false },
        { tier: 'data', zone: 'eu-west-1a', cidr: '10.17.34.0/24', newBits: 8, netNum: 34, ipv6Only: false },
        { tier: 'data', zone: 'eu-west-1b', cidr: '10.17.35.0/24', newBits: 8, netNum: 35, ipv6Only: false },
      ],
    });
  });

  it('fits exactly when the subnets add up to the VPC', () => {
    const plan = planSubnets('10.0.0.0/22', ['a1a', 'a1b'], { app: 23 });
    expect(plan.fits).toBe(true);
    expect(planSubnets('10.0.0.0/22', ['a1a', 'a1b', 'a1c'], { app: 23 })).toEqual({ fits: false, needed: 1536, available: 1024 });
  });

  it('omits tiers that are not configured', () => {
    const plan = planSubnets('10.0.0.0/20', ['z1a'], { app: 24 });
    expect(plan.fits && plan.subnets.map((subnet) => subnet.tier)).toEqual(['app']);
  });

  it('refuses a subnet larger than the VPC', () => {
    expect(planSubnets('10.0.0.0/24', ['z1a'], { app: 20 })).toEqual({ fits: false, needed: 4096, available: 256 });
  });

  it('never hands out overlapping subnets', () => {
    const plan = planSubnets('10.0.0.0/16', ['a', 'b', 'c'], { public: 26, app: 20, data: 24 });
    if (!plan.fits) throw new Error('expected a fit');
    const ranges = plan.subnets.map((subnet) => subnet.cidr);
    expect(new Set(ranges).size).toBe(9);
  });
});
