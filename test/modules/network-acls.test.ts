import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { Testing } from 'cdktf';
import { NetworkAcls, type NetworkAclsProps } from '../../modules/network/network-acls';
import { referenceTo, resourcesOf, type Resource } from './synthesized';

const props: NetworkAclsProps = {
  name: 'payments',
  vpcId: 'vpc-1',
  tiers: {
    public: {
      subnetIds: ['subnet-pa', 'subnet-pb'],
      ipv4CidrBlocks: { a: '10.0.32.0/24', b: '10.0.33.0/24' },
      ipv6CidrBlocks: { 'all-zones': '2001:db8:0:0::/60' },
    },
    app: {
      subnetIds: ['subnet-aa', 'subnet-ab'],
      ipv4CidrBlocks: { a: '10.0.0.0/20', b: '10.0.16.0/20' },
      ipv6CidrBlocks: { 'all-zones': '2001:db8:0:10::/60' },
    },
    data: {
      subnetIds: ['subnet-da', 'subnet-db'],
      ipv4CidrBlocks: { a: '10.0.34.0/24', b: '10.0.35.0/24' },
      ipv6CidrBlocks: { 'all-zones': '2001:db8:0:20::/60' },
    },
  },
  sharedServicesIpv4CidrBlocks: { 'shared-services': '10.100.0.0/16' },
};

function synth(overrides: Partial<NetworkAclsProps> = {}): string {
  return Testing.synthScope((scope) => void new NetworkAcls(scope, 'acls', { ...props, ...overrides }));
}

/** Rules of one tier's ACL keyed by rule ID (the construct path without `acls_<tier>-`). */
function rulesOf(synthesized: string, tier: string): Record<string, Resource> {
  const acl = `\${${referenceTo(synthesized, 'aws_network_acl', `acls_${tier}-network-acl`)}.id}`;
  return Object.fromEntries(
    Object.entries(resourcesOf(synthesized, 'aws_network_acl_rule'))
      .filter(([, rule]) => rule.network_acl_id === acl)
      .map(([path, rule]) => [path.replace(`acls_${tier}-`, ''), rule]),
  );
}

const isAnywhere = (rule: Resource) => rule.cidr_block === '0.0.0.0/0' || rule.ipv6_cidr_block === '::/0';

describe('network ACLs', () => {
  const synthesized = synth();

  it('creates one ACL per tier, associated with the tier’s subnets', () => {
    expect(Object.keys(resourcesOf(synthesized, 'aws_network_acl')).sort()).toEqual([
      'acls_app-network-acl',
      'acls_data-network-acl',
      'acls_public-network-acl',
    ]);
    expect(synthesized).toHaveResourceWithProperties(NetworkAcl, {
      subnet_ids: ['subnet-da', 'subnet-db'],
      tags: { Name: 'payments-data', Tier: 'data' },
    });
  });

  it('never allows every port from anywhere (CKV_AWS_352)', () => {
    for (const rule of Object.values(resourcesOf(synthesized, 'aws_network_acl_rule'))) {
      if (rule.egress || !isAnywhere(rule)) continue;
      expect(rule.protocol).not.toBe('-1');
      expect([rule.from_port, rule.to_port]).not.toEqual([0, 65535]);
    }
  });

  it('numbers rules in blocks with gaps, unique per ACL and direction', () => {
    for (const tier of ['public', 'app', 'data']) {
      const rules = Object.values(rulesOf(synthesized, tier));
      for (const egress of [false, true]) {
        const numbers = rules.filter((rule) => rule.egress === egress).map((rule) => rule.rule_number);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const number of numbers) expect(number % 10).toBe(0);
      }
    }
  });

  describe('public tier', () => {
    const rules = rulesOf(synthesized, 'public');

    it('allows 443 and 80 in from anywhere, IPv4 and IPv6', () => {
      expect(rules['ingress-https-ipv4']).toMatchObject({
        rule_number: 100,
        protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_block: '0.0.0.0/0',
        egress: false,
      });
      expect(rules['ingress-https-ipv6']).toMatchObject({ rule_number: 200, from_port: 443, ipv6_cidr_block: '::/0' });
      expect(rules['ingress-http-ipv4']).toMatchObject({ rule_number: 300, from_port: 80, to_port: 80 });
      expect(rules['ingress-http-ipv6']).toMatchObject({ rule_number: 400, from_port: 80 });
    });

    it('allows ephemeral return traffic in and out, and path-MTU ICMP in', () => {
      expect(rules['ingress-ephemeral-ipv4']).toMatchObject({ protocol: 'tcp', from_port: 1024, to_port: 65535, cidr_block: '0.0.0.0/0' });
      expect(rules['egress-ephemeral-ipv6']).toMatchObject({ egress: true, from_port: 1024, to_port: 65535, ipv6_cidr_block: '::/0' });
      expect(rules['ingress-path-mtu-ipv4']).toMatchObject({ protocol: '1', icmp_type: 3, icmp_code: 4 });
      expect(rules['ingress-path-mtu-ipv6']).toMatchObject({ protocol: '58', icmp_type: 2, icmp_code: 0 });
    });

    it('sends to the app subnets only, besides return traffic', () => {
      const egress = Object.entries(rules).filter(([, rule]) => rule.egress && !isAnywhere(rule));
      expect(egress.map(([id]) => id).sort()).toEqual(['egress-to-app-a-ipv4', 'egress-to-app-all-zones-ipv6', 'egress-to-app-b-ipv4']);
      expect(rules['egress-to-app-b-ipv4']).toMatchObject({ rule_number: 110, cidr_block: '10.0.16.0/20', protocol: '-1' });
    });
  });

  describe('app tier', () => {
    const rules = rulesOf(synthesized, 'app');

    it('allows public and app subnets and shared services in', () => {
      expect(rules['ingress-from-public-a-ipv4']).toMatchObject({ rule_number: 100, cidr_block: '10.0.32.0/24', protocol: '-1' });
      expect(rules['ingress-from-public-all-zones-ipv6']).toMatchObject({ rule_number: 200, ipv6_cidr_block: '2001:db8:0:0::/60' });
      expect(rules['ingress-from-app-b-ipv4']).toMatchObject({ rule_number: 310, cidr_block: '10.0.16.0/20' });
      expect(rules['ingress-from-shared-services-shared-services-ipv4']).toMatchObject({ rule_number: 500, cidr_block: '10.100.0.0/16' });
    });

    it('allows nothing in from the data subnets except ephemeral TCP', () => {
      const fromData = Object.values(rules).filter((rule) => !rule.egress && ['10.0.34.0/24', '10.0.35.0/24'].includes(rule.cidr_block));
      expect(fromData).toEqual([]);
    });

    it('sends only HTTPS to anywhere by default', () => {
      const toAnywhere = Object.entries(rules).filter(([, rule]) => rule.egress && isAnywhere(rule));
      expect(toAnywhere.map(([id, rule]) => [id, rule.from_port, rule.to_port])).toEqual([
        ['egress-https-ipv4', 443, 443],
        ['egress-https-ipv6', 443, 443],
      ]);
    });
  });

  describe('data tier', () => {
    const rules = rulesOf(synthesized, 'data');

    it('allows only app subnets on the database ports', () => {
      const ingress = Object.entries(rules).filter(([, rule]) => !rule.egress);
      expect(ingress.map(([id]) => id).sort()).toEqual([
        'ingress-tcp-3306-from-app-a-ipv4',
        'ingress-tcp-3306-from-app-all-zones-ipv6',
        'ingress-tcp-3306-from-app-b-ipv4',
        'ingress-tcp-5432-from-app-a-ipv4',
        'ingress-tcp-5432-from-app-all-zones-ipv6',
        'ingress-tcp-5432-from-app-b-ipv4',
      ]);
      expect(rules['ingress-tcp-5432-from-app-b-ipv4']).toMatchObject({
        protocol: 'tcp',
        from_port: 5432,
        to_port: 5432,
        cidr_block: '10.0.16.0/20',
      });
    });

    it('sends only ephemeral return traffic to the app subnets', () => {
      const egress = Object.values(rules).filter((rule) => rule.egress);
      expect(egress).toHaveLength(3);
      for (const rule of egress) expect(rule).toMatchObject({ protocol: 'tcp', from_port: 1024, to_port: 65535 });
      expect(egress.some(isAnywhere)).toBe(false);
    });

    it('uses the configured database ports', () => {
      const ids = Object.keys(rulesOf(synth({ databasePorts: [1521] }), 'data')).filter((id) => id.startsWith('ingress'));
      expect(ids.every((id) => id.startsWith('ingress-tcp-1521-from-app'))).toBe(true);
    });
  });

  describe('with peered VPCs', () => {
    const peerIpv4CidrBlocks = { 'peer-orders': '10.60.0.0/16' };
    const withPeers = synth({ peerIpv4CidrBlocks });
    const rules = rulesOf(withPeers, 'app');
    const peerRules = Object.entries(rules).filter(([, rule]) => rule.cidr_block === '10.60.0.0/16');

    it('opens only the peer ports in from the peers, never all protocols', () => {
      const ingress = peerRules.filter(([, rule]) => !rule.egress);
      expect(ingress.map(([id, rule]) => [id, rule.protocol, rule.from_port, rule.to_port])).toEqual([
        ['ingress-https-from-peers-peer-orders-ipv4', 'tcp', 443, 443],
        ['ingress-tcp-8080-from-peers-peer-orders-ipv4', 'tcp', 8080, 8080],
      ]);
    });

    it('sends the peer ports and ephemeral replies to the peers', () => {
      const egress = peerRules.filter(([, rule]) => rule.egress);
      expect(egress.map(([id, rule]) => [id, rule.from_port, rule.to_port]).sort()).toEqual([
        ['egress-ephemeral-to-peers-peer-orders-ipv4', 1024, 65535],
        ['egress-https-to-peers-peer-orders-ipv4', 443, 443],
        ['egress-tcp-8080-to-peers-peer-orders-ipv4', 8080, 8080],
      ]);
      expect(peerRules.every(([, rule]) => rule.protocol === 'tcp')).toBe(true);
    });

    it('lets the peers’ replies in on the ephemeral rule from anywhere', () => {
      expect(rules['ingress-ephemeral-ipv4']).toMatchObject({ from_port: 1024, to_port: 65535, cidr_block: '0.0.0.0/0' });
    });

    it('gives the peers nothing in the data and public tiers', () => {
      for (const tier of ['data', 'public']) {
        expect(Object.values(rulesOf(withPeers, tier)).filter((rule) => rule.cidr_block === '10.60.0.0/16')).toEqual([]);
      }
    });

    it('uses the configured peer ports', () => {
      const custom = rulesOf(synth({ peerIpv4CidrBlocks, peerPorts: [9443] }), 'app');
      expect(Object.keys(custom).filter((id) => id.startsWith('ingress') && id.includes('peers'))).toEqual([
        'ingress-tcp-9443-from-peers-peer-orders-ipv4',
      ]);
    });

    it('keeps every existing rule’s ID and number, shared services included', () => {
      for (const tier of ['public', 'app', 'data']) {
        const after = rulesOf(withPeers, tier);
        for (const [id, rule] of Object.entries(rulesOf(synthesized, tier))) expect(after[id]?.rule_number).toBe(rule.rule_number);
      }
      expect(rules['ingress-from-shared-services-shared-services-ipv4']).toMatchObject({ rule_number: 500, protocol: '-1' });
      expect(rules['egress-to-shared-services-shared-services-ipv4']).toMatchObject({ protocol: '-1', cidr_block: '10.100.0.0/16' });
    });
  });

  describe('without IPv6 ranges', () => {
    it('creates no IPv6 rule at all', () => {
      const ipv4Only = synth({
        tiers: Object.fromEntries(Object.entries(props.tiers).map(([tier, ranges]) => [tier, { ...ranges!, ipv6CidrBlocks: {} }])),
      });
      expect(Object.values(resourcesOf(ipv4Only, 'aws_network_acl_rule')).filter((rule) => rule.ipv6_cidr_block)).toEqual([]);
    });
  });

  it('keeps rule numbers when a zone is added', () => {
    const withZoneC = synth({
      tiers: { ...props.tiers, app: { ...props.tiers.app!, ipv4CidrBlocks: { ...props.tiers.app!.ipv4CidrBlocks, c: '10.0.48.0/20' } } },
    });
    const before = rulesOf(synthesized, 'data');
    const after = rulesOf(withZoneC, 'data');
    for (const [id, rule] of Object.entries(before)) expect(after[id].rule_number).toBe(rule.rule_number);
    expect(after['ingress-tcp-3306-from-app-c-ipv4'].rule_number).toBe(120);
  });

  describe('refuses', () => {
    it('a shared-services range of anywhere', () => {
      expect(() => synth({ sharedServicesIpv4CidrBlocks: { everything: '0.0.0.0/0' } })).toThrow(
        'NetworkAcls payments: sharedServicesIpv4CidrBlocks.everything is 0.0.0.0/0, which would open every port to anywhere; give the actual ranges',
      );
    });

    it('more rules than the quota, naming the way out', () => {
      expect(() => synth({ rulesPerDirectionQuota: 10 })).toThrow(
        'NetworkAcls payments: the app ACL needs 11 ingress rules, over rulesPerDirectionQuota (10); summarize ranges',
      );
    });

    it('a port that is not a TCP port', () => {
      expect(() => synth({ databasePorts: [0] })).toThrow('databasePorts has 0, which is not a TCP port (1–65535)');
    });

    it('a peer range of anywhere', () => {
      expect(() => synth({ peerIpv4CidrBlocks: { everyone: '0.0.0.0/0' } })).toThrow(
        'NetworkAcls payments: peerIpv4CidrBlocks.everyone is 0.0.0.0/0, which would open every port to anywhere; give the actual ranges',
      );
    });

    it('a peer name that cannot be part of a rule ID', () => {
      expect(() => synth({ peerIpv4CidrBlocks: { 'Peer Orders': '10.60.0.0/16' } })).toThrow(
        'NetworkAcls payments: peerIpv4CidrBlocks name "Peer Orders" must be lowercase letters, digits and -',
      );
    });

    it('a peer port listed twice', () => {
      expect(() => synth({ peerPorts: [443, 443] })).toThrow('NetworkAcls payments: peerPorts lists a port twice');
    });

    it('a tier without subnets', () => {
      expect(() => synth({ tiers: { ...props.tiers, data: { subnetIds: [] } } })).toThrow('tiers.data.subnetIds is empty');
    });
  });
});
