import { append, at, baseTexts, change, DEV, ORG, PROD, ruleProblems, twoEnvironments } from './fixtures';

const base = baseTexts();

describe('address rules', () => {
  describe('addresses/environment-in-ipam-pool', () => {
    it('passes environments inside the IPAM supernet', () => {
      expect(ruleProblems('addresses/environment-in-ipam-pool', twoEnvironments())).toEqual([]);
    });

    it('fails an environment range outside it', () => {
      const texts = change(twoEnvironments(), ORG, 'cidr: 10.0.0.0/8', 'cidr: 10.0.0.0/11');
      expect(ruleProblems('addresses/environment-in-ipam-pool', texts)).toEqual([
        `${at(texts, PROD, 'cidr')}: cidr 10.48.0.0/12 does not fit the IPAM pool 10.0.0.0/11 of environments/org.yaml — choose a range inside network.ipam.cidr, or widen it`,
      ]);
    });
  });

  describe('addresses/environment-ranges-disjoint', () => {
    it('passes disjoint ranges', () => {
      expect(ruleProblems('addresses/environment-ranges-disjoint', twoEnvironments())).toEqual([]);
    });

    it('fails overlapping ranges, naming the other file', () => {
      const texts = change(twoEnvironments(), PROD, 'cidr: 10.48.0.0/12', 'cidr: 10.0.0.0/8');
      expect(ruleProblems('addresses/environment-ranges-disjoint', texts)).toEqual([
        `${at(texts, PROD, 'cidr: 10.0.0.0/8')}: cidr 10.0.0.0/8 overlaps the range of environments/dev.yaml (10.16.0.0/12) — give each environment its own address range`,
      ]);
    });
  });

  describe('addresses/vpc-has-one-block', () => {
    it('passes VPCs with a cidr or an ipamNetmask', () => {
      const texts = change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 18 }');
      expect(ruleProblems('addresses/vpc-has-one-block', texts)).toEqual([]);
    });

    it('fails a VPC with both, and one with neither', () => {
      const texts = change(
        change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { cidr: 10.17.0.0/16, ipamNetmask: 18 }'),
        DEV,
        'vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false }',
        'vpc: { attachToTransitGateway: false }',
      );
      expect(ruleProblems('addresses/vpc-has-one-block', texts)).toEqual([
        `${at(texts, DEV, 'vpc: { cidr: 10.17')}: accounts.payments-dev.vpc needs exactly one of cidr and ipamNetmask — give the VPC a cidr, or an ipamNetmask to take a block from IPAM`,
        `${at(texts, DEV, 'vpc: { attach')}: accounts.orders-dev.vpc needs exactly one of cidr and ipamNetmask — give the VPC a cidr, or an ipamNetmask to take a block from IPAM`,
      ]);
    });
  });

  describe('addresses/vpc-inside-environment', () => {
    it('passes VPCs inside the range', () => {
      expect(ruleProblems('addresses/vpc-inside-environment', base)).toEqual([]);
    });

    it('fails a VPC outside the range', () => {
      const texts = change(base, DEV, 'cidr: 10.17.0.0/16', 'cidr: 10.40.0.0/18');
      expect(ruleProblems('addresses/vpc-inside-environment', texts)).toEqual([
        `${at(texts, DEV, 'cidr: 10.40.0.0/18')}: accounts.payments-dev.vpc.cidr 10.40.0.0/18 is outside the environment's range 10.16.0.0/12 — choose a block inside 10.16.0.0/12, or widen cidr at the top of environments/dev.yaml`,
      ]);
    });
  });

  describe('addresses/subnets-fit', () => {
    it('passes subnets that fit the block', () => {
      expect(ruleProblems('addresses/subnets-fit', base)).toEqual([]);
    });

    it('fails subnets that do not fit a fixed block', () => {
      const texts = change(
        base,
        DEV,
        'vpc: { cidr: 10.17.0.0/16 }',
        'vpc: { cidr: 10.17.0.0/16, subnets: { public: 24, app: 17, data: 24 } }',
      );
      expect(ruleProblems('addresses/subnets-fit', texts)).toEqual([
        `${at(texts, DEV, 'subnets: { public: 24')}: accounts.payments-dev.vpc.subnets need 66560 addresses (2 AZs × public /24, app /17, data /24) but 10.17.0.0/16 holds 65536 — use a larger VPC block, smaller subnets (a higher prefix length) or fewer AZs`,
      ]);
    });

    it('fails subnets that do not fit an IPAM netmask, reported at ipamNetmask', () => {
      const texts = change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 22 }');
      expect(ruleProblems('addresses/subnets-fit', texts)).toEqual([
        `${at(texts, DEV, 'ipamNetmask')}: accounts.payments-dev.vpc.ipamNetmask need 9216 addresses (2 AZs × public /24, app /20, data /24) but a /22 holds 1024 — use a larger VPC block, smaller subnets (a higher prefix length) or fewer AZs`,
      ]);
    });
  });

  describe('addresses/tiers-have-addresses', () => {
    it('passes tiers given as a prefix length or options with one', () => {
      const texts = change(
        base,
        DEV,
        'vpc: { cidr: 10.17.0.0/16 }',
        'vpc: { cidr: 10.17.0.0/16, subnets: { app: { prefixLength: 20 }, data: 24 } }',
      );
      expect(ruleProblems('addresses/tiers-have-addresses', texts)).toEqual([]);
    });

    it('fails an empty tier object, which would silently drop the tier', () => {
      const texts = change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { cidr: 10.17.0.0/16, subnets: { app: 20, data: {} } }');
      expect(ruleProblems('addresses/tiers-have-addresses', texts)).toEqual([
        `${at(texts, DEV, 'data: {}')}: accounts.payments-dev.vpc.subnets.data gives neither prefixLength nor ipv6Only, so the tier would get no subnets — give a prefix length (e.g. data: 24), set ipv6Only: true, or remove the tier`,
      ]);
    });
  });

  describe('addresses/vpc-blocks-disjoint', () => {
    it('passes disjoint VPCs', () => {
      expect(ruleProblems('addresses/vpc-blocks-disjoint', twoEnvironments())).toEqual([]);
    });

    it('fails a spoke overlapping a hub VPC in the same file', () => {
      const texts = change(base, DEV, 'cidr: 10.17.0.0/16', 'cidr: 10.16.0.0/16');
      expect(ruleProblems('addresses/vpc-blocks-disjoint', texts)).toEqual([
        `${at(texts, DEV, 'cidr: 10.16.0.0/16')}: accounts.payments-dev.vpc.cidr 10.16.0.0/16 overlaps networkHub.vpcs.egress.cidr 10.16.0.0/24 — give each VPC its own range`,
      ]);
    });

    it('fails overlaps across environments, naming the other file', () => {
      const texts = change(
        change(twoEnvironments(), PROD, 'cidr: 10.48.0.0/12', 'cidr: 10.0.0.0/8'),
        PROD,
        'cidr: 10.49.0.0/16',
        'cidr: 10.18.0.0/16',
      );
      expect(ruleProblems('addresses/vpc-blocks-disjoint', texts)).toEqual([
        `${at(texts, PROD, 'cidr: 10.18.0.0/16')}: accounts.payments-prod.vpc.cidr 10.18.0.0/16 overlaps environments/dev.yaml accounts.orders-dev.vpc.cidr 10.18.0.0/16 — give each VPC its own range`,
      ]);
    });
  });
});

describe('IPAM rules', () => {
  describe('ipam/plumbing-has-fixed-block', () => {
    it('passes an egress VPC with a fixed cidr', () => {
      expect(ruleProblems('ipam/plumbing-has-fixed-block', base)).toEqual([]);
    });

    it('fails an egress VPC that takes its block from IPAM', () => {
      const texts = change(base, DEV, '      cidr: 10.16.0.0/24\n', '      ipamNetmask: 24\n');
      expect(ruleProblems('ipam/plumbing-has-fixed-block', texts)).toEqual([
        `${at(texts, DEV, 'ipamNetmask')}: networkHub.vpcs.egress.ipamNetmask cannot be used for the egress VPC — give the VPC a fixed cidr inside the environment range`,
      ]);
    });
  });

  describe('ipam/configured-for-netmask', () => {
    it('passes an ipamNetmask when IPAM is configured', () => {
      const texts = change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 18 }');
      expect(ruleProblems('ipam/configured-for-netmask', texts)).toEqual([]);
    });

    it('fails an ipamNetmask without IPAM', () => {
      const texts = change(
        change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 18 }'),
        ORG,
        'network:\n  ipam: { cidr: 10.0.0.0/8 }\n',
        '',
      );
      expect(ruleProblems('ipam/configured-for-netmask', texts)).toEqual([
        `${at(texts, DEV, 'ipamNetmask')}: accounts.payments-dev.vpc.ipamNetmask needs IPAM, which is not configured — add network.ipam to environments/org.yaml, or give the VPC a cidr`,
      ]);
    });
  });

  describe('ipam/netmask-within-pool', () => {
    it('passes a netmask no larger than the pool', () => {
      const texts = change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 16 }');
      expect(ruleProblems('ipam/netmask-within-pool', texts)).toEqual([]);
    });

    it("fails a netmask larger than the environment's pool", () => {
      const texts = change(
        change(base, DEV, 'cidr: 10.16.0.0/12', 'cidr: 10.16.0.0/16'),
        DEV,
        'vpc: { cidr: 10.17.0.0/16 }',
        'vpc: { ipamNetmask: 16 }',
      );
      expect(ruleProblems('ipam/netmask-within-pool', change(texts, DEV, 'cidr: 10.16.0.0/16', 'cidr: 10.16.0.0/17'))).toEqual([
        `${at(texts, DEV, 'ipamNetmask')}: accounts.payments-dev.vpc.ipamNetmask /16 does not fit the environment's IPAM pool 10.16.0.0/17 — use a netmask of /17 or longer`,
      ]);
    });
  });

  describe('ipam/netmask-allocatable', () => {
    it('passes netmasks that IPAM can allocate beside the fixed blocks', () => {
      const texts = change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', 'vpc: { ipamNetmask: 16 }');
      expect(ruleProblems('ipam/netmask-allocatable', texts)).toEqual([]);
    });

    it('fails a netmask that no longer fits beside the fixed blocks, allocating in name order', () => {
      const texts = append(
        change(
          change(base, DEV, 'cidr: 10.16.0.0/12', 'cidr: 10.16.0.0/15'),
          DEV,
          'vpc: { cidr: 10.17.0.0/16 }',
          'vpc: { ipamNetmask: 16 }',
        ),
        DEV,
        '  reports-dev:\n    email: reports-dev@acme.example\n    ou: Workloads\n    vpc: { ipamNetmask: 16 }\n',
      );
      expect(ruleProblems('ipam/netmask-allocatable', texts)).toEqual([
        `${at(texts, DEV, 'ipamNetmask', 2)}: accounts.reports-dev.vpc.ipamNetmask /16 does not fit the environment's IPAM pool 10.16.0.0/15: no free block of that size is left beside the VPCs with fixed blocks — use a smaller block (a higher netmask), or free space in the range`,
      ]);
    });
  });
});
