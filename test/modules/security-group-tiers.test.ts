import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Testing } from 'cdktf';
import { SecurityGroupTiers, type SecurityGroupTiersProps } from '../../modules/network/security-group-tiers';
import { referenceTo, resourcesOf, type Resource } from './synthesized';
import { props } from './security-group-tiers.validate';

function synth(overrides: Partial<SecurityGroupTiersProps> = {}): string {
  return Testing.synthScope((scope) => void new SecurityGroupTiers(scope, 'sg', { ...props, ...overrides }));
}

const groupId = (synthesized: string, tier: string) => `\${${referenceTo(synthesized, 'aws_security_group', `sg_${tier}`)}.id}`;

function rulesOf(synthesized: string, tier: string, direction: 'ingress' | 'egress'): Resource[] {
  const type = `aws_vpc_security_group_${direction}_rule`;
  return Object.values(resourcesOf(synthesized, type)).filter((rule) => rule.security_group_id === groupId(synthesized, tier));
}

describe('security group tiers', () => {
  const synthesized = synth();

  it('creates web, app and data groups with no inline rules', () => {
    const groups = resourcesOf(synthesized, 'aws_security_group');
    expect(Object.keys(groups).sort()).toEqual(['sg_app', 'sg_data', 'sg_web']);
    for (const group of Object.values(groups)) {
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
    }
    expect(synthesized).toHaveResourceWithProperties(SecurityGroup, { name: 'payments-app', vpc_id: 'vpc-1' });
  });

  it('opens the web tier on 80 and 443 from anywhere, IPv4 and IPv6', () => {
    const ingress = rulesOf(synthesized, 'web', 'ingress').map((rule) => [rule.from_port, rule.cidr_ipv4 ?? rule.cidr_ipv6]);
    expect(ingress.sort()).toEqual([
      [443, '0.0.0.0/0'],
      [443, '::/0'],
      [80, '0.0.0.0/0'],
      [80, '::/0'],
    ]);
  });

  it('opens the app tier on 8080 only to the web group', () => {
    expect(rulesOf(synthesized, 'app', 'ingress')).toEqual([
      expect.objectContaining({
        ip_protocol: 'tcp',
        from_port: 8080,
        to_port: 8080,
        referenced_security_group_id: groupId(synthesized, 'web'),
      }),
    ]);
  });

  it('opens the data tier on the database ports only to the app group', () => {
    const ingress = rulesOf(synthesized, 'data', 'ingress');
    expect(ingress.map((rule) => rule.from_port).sort()).toEqual([3306, 5432]);
    for (const rule of ingress) expect(rule.referenced_security_group_id).toBe(groupId(synthesized, 'app'));
  });

  it('never names a CIDR of anywhere on app or data', () => {
    for (const tier of ['app', 'data'])
      for (const direction of ['ingress', 'egress'] as const)
        for (const rule of rulesOf(synthesized, tier, direction)) {
          expect(rule.cidr_ipv4).not.toBe('0.0.0.0/0');
          expect(rule.cidr_ipv6).not.toBe('::/0');
        }
  });

  it('keeps egress narrow: web to app, app to data, data nowhere', () => {
    expect(rulesOf(synthesized, 'web', 'egress')).toEqual([
      expect.objectContaining({ from_port: 8080, referenced_security_group_id: groupId(synthesized, 'app') }),
    ]);
    expect(rulesOf(synthesized, 'app', 'egress').map((rule) => [rule.from_port, rule.referenced_security_group_id])).toEqual([
      [3306, groupId(synthesized, 'data')],
      [5432, groupId(synthesized, 'data')],
    ]);
    expect(rulesOf(synthesized, 'data', 'egress')).toEqual([]);
  });

  it('lets the app tier reach named ranges and prefix lists on HTTPS', () => {
    const withEndpoints = synth({
      appHttpsIpv4CidrBlocks: { 'shared-services': '10.100.0.0/16' },
      appHttpsIpv6CidrBlocks: { 'shared-services': '2001:db8::/56' },
      appHttpsPrefixListIds: { s3: 'pl-s3' },
    });
    const https = resourcesOf(withEndpoints, 'aws_vpc_security_group_egress_rule');
    expect(https['sg_app-egress-https-to-shared-services-ipv4']).toMatchObject({ from_port: 443, cidr_ipv4: '10.100.0.0/16' });
    expect(https['sg_app-egress-https-to-shared-services-ipv6']).toMatchObject({ from_port: 443, cidr_ipv6: '2001:db8::/56' });
    expect(https['sg_app-egress-https-to-s3']).toMatchObject({ from_port: 443, prefix_list_id: 'pl-s3' });
  });

  describe('with IPv6 off', () => {
    it('opens the web tier to IPv4 anywhere only', () => {
      expect(rulesOf(synth({ ipv6: false }), 'web', 'ingress').filter((rule) => rule.cidr_ipv6)).toEqual([]);
    });
  });

  describe('refuses', () => {
    it('anywhere as an app HTTPS destination', () => {
      expect(() => synth({ appHttpsIpv6CidrBlocks: { internet: '::/0' } })).toThrow(
        'SecurityGroupTiers payments: appHttpsIpv6CidrBlocks.internet is ::/0; the app tier never names anywhere — give the actual range',
      );
    });

    it('a port out of range', () => {
      expect(() => synth({ appPort: 70000 })).toThrow('SecurityGroupTiers payments: appPort has 70000, which is not a TCP port (1–65535)');
    });

    it('no database ports', () => {
      expect(() => synth({ databasePorts: [] })).toThrow('databasePorts is empty; give at least one port');
    });
  });
});
