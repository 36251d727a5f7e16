import { at, baseTexts, change, DEV, ruleProblems } from './fixtures';

const base = baseTexts();
const paymentsVpc = (options: string) => change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', `vpc: { cidr: 10.17.0.0/16, ${options} }`);

describe('IPv6 rules', () => {
  describe('ipv6/ipv6-only-needs-ipv6', () => {
    it('passes an IPv6-only tier in a dual-stack VPC', () => {
      expect(ruleProblems('ipv6/ipv6-only-needs-ipv6', paymentsVpc('subnets: { app: 20, data: { ipv6Only: true } }'))).toEqual([]);
    });

    it('fails an IPv6-only tier in an IPv4 VPC', () => {
      const texts = paymentsVpc('ipv6: false, subnets: { app: 20, data: { ipv6Only: true } }');
      expect(ruleProblems('ipv6/ipv6-only-needs-ipv6', texts)).toEqual([
        `${at(texts, DEV, 'data: { ipv6Only')}: accounts.payments-dev.vpc.subnets.data is IPv6-only, but the VPC has no IPv6 — set ipv6: true on the VPC (or the environment), or drop ipv6Only`,
      ]);
    });
  });

  describe('ipv6/app-tier-has-ipv4', () => {
    it('passes an app tier with IPv4', () => {
      expect(ruleProblems('ipv6/app-tier-has-ipv4', paymentsVpc('subnets: { app: 20, data: { ipv6Only: true } }'))).toEqual([]);
    });

    it('fails an IPv6-only app tier', () => {
      const texts = paymentsVpc('subnets: { app: { ipv6Only: true } }');
      expect(ruleProblems('ipv6/app-tier-has-ipv4', texts)).toEqual([
        `${at(texts, DEV, 'app: { ipv6Only')}: accounts.payments-dev.vpc.subnets.app cannot be IPv6-only: the Transit Gateway attachment needs IPv4 subnets — make public or data IPv6-only instead`,
      ]);
    });
  });

  describe('ipv6/ipv6-only-without-prefix-length', () => {
    it('passes an IPv6-only tier without a prefix length', () => {
      expect(ruleProblems('ipv6/ipv6-only-without-prefix-length', paymentsVpc('subnets: { app: 20, data: { ipv6Only: true } }'))).toEqual(
        [],
      );
    });

    it('fails an IPv6-only tier with a prefix length', () => {
      const texts = paymentsVpc('subnets: { app: 20, data: { ipv6Only: true, prefixLength: 24 } }');
      expect(ruleProblems('ipv6/ipv6-only-without-prefix-length', texts)).toEqual([
        `${at(texts, DEV, 'data: {')}: accounts.payments-dev.vpc.subnets.data is IPv6-only but has a prefixLength — remove prefixLength; IPv6-only subnets get a /64 each`,
      ]);
    });
  });

  describe('ipv6/nat64-needs-ipv6', () => {
    it('passes NAT64 in a dual-stack VPC', () => {
      expect(ruleProblems('ipv6/nat64-needs-ipv6', paymentsVpc('nat64: true'))).toEqual([]);
    });

    it('fails NAT64 in an IPv4 VPC', () => {
      const texts = paymentsVpc('ipv6: false, nat64: true');
      expect(ruleProblems('ipv6/nat64-needs-ipv6', texts)).toEqual([
        `${at(texts, DEV, 'nat64')}: accounts.payments-dev.vpc.nat64 needs IPv6 on the VPC — set ipv6: true, or drop nat64`,
      ]);
    });
  });

  describe('ipv6/nat64-needs-egress', () => {
    it('passes NAT64 with a dual-stack central egress', () => {
      expect(ruleProblems('ipv6/nat64-needs-egress', paymentsVpc('nat64: true'))).toEqual([]);
    });

    it('fails NAT64 without a central egress', () => {
      const texts = change(paymentsVpc('nat64: true'), DEV, '  egress: { vpc: egress }\n', '');
      expect(ruleProblems('ipv6/nat64-needs-egress', texts)).toEqual([
        `${at(texts, DEV, 'nat64')}: accounts.payments-dev.vpc.nat64 has no NAT path: the environment has no central egress — add networkHub.egress with NAT gateways, or drop nat64`,
      ]);
    });

    it('fails NAT64 through an IPv4-only egress VPC', () => {
      const texts = change(paymentsVpc('nat64: true'), DEV, '      role: egress\n', '      role: egress\n      ipv6: false\n');
      expect(ruleProblems('ipv6/nat64-needs-egress', texts)).toEqual([
        `${at(texts, DEV, 'nat64')}: accounts.payments-dev.vpc.nat64 has no NAT path for IPv6: the egress VPC egress is IPv4-only — set ipv6: true on networkHub.vpcs.egress`,
      ]);
    });
  });

  describe('ipv6/nat64-needs-attachment', () => {
    it('passes NAT64 in an attached VPC', () => {
      expect(ruleProblems('ipv6/nat64-needs-attachment', paymentsVpc('nat64: true'))).toEqual([]);
    });

    it('fails NAT64 in a VPC not attached to the Transit Gateway', () => {
      const texts = paymentsVpc('nat64: true, attachToTransitGateway: false');
      expect(ruleProblems('ipv6/nat64-needs-attachment', texts)).toEqual([
        `${at(texts, DEV, 'nat64')}: accounts.payments-dev.vpc.nat64 has no NAT path: the VPC is not attached to the Transit Gateway — attach it, or drop nat64`,
      ]);
    });
  });
});
