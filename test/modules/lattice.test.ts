import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpclatticeAccessLogSubscription } from '@cdktf/provider-aws/lib/vpclattice-access-log-subscription';
import { VpclatticeServiceNetwork } from '@cdktf/provider-aws/lib/vpclattice-service-network';
import { VpclatticeServiceNetworkVpcAssociation } from '@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association';
import { Testing } from 'cdktf';
import { LatticeServiceNetwork } from '../../modules/network/lattice-service-network';
import { LatticeVpcAssociation } from '../../modules/network/lattice-vpc-association';
import { props } from './lattice.validate';

function resources(synthesized: string, type: string): Record<string, Record<string, any>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

describe('VPC Lattice service network', () => {
  const synthesized = Testing.synthScope((scope) => {
    new LatticeServiceNetwork(scope, 'lattice', props);
  });

  it('uses IAM auth', () => {
    expect(synthesized).toHaveResourceWithProperties(VpclatticeServiceNetwork, { name: 'acme-dev', auth_type: 'AWS_IAM' });
  });

  it('lets only principals of the organization invoke services', () => {
    const [authPolicy] = Object.values(resources(synthesized, 'aws_vpclattice_auth_policy'));
    expect(authPolicy.resource_identifier).toMatch(/^\$\{aws_vpclattice_service_network\..*\.arn\}$/);
    expect(JSON.parse(authPolicy.policy).Statement).toEqual([
      {
        Sid: 'OrganizationPrincipalsOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: 'vpc-lattice-svcs:Invoke',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
    ]);
  });

  it('sends access logs to a CloudWatch log group', () => {
    expect(synthesized).toHaveResourceWithProperties(VpclatticeAccessLogSubscription, {
      destination_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.lattice_access-logs_[0-9A-F]{8}\.arn\}$/),
    });
  });

  it('shares the service network with each principal through RAM, within the organization', () => {
    expect(synthesized).toHaveResourceWithProperties(RamResourceShare, {
      name: 'acme-dev-service-network',
      allow_external_principals: false,
    });
    expect(
      Object.values(resources(synthesized, 'aws_ram_principal_association'))
        .map((association) => association.principal)
        .sort(),
    ).toEqual(['222222222222', '333333333333']);
    const [association] = Object.values(resources(synthesized, 'aws_ram_resource_association'));
    expect(association.resource_arn).toMatch(/^\$\{aws_vpclattice_service_network\..*\.arn\}$/);
  });

  describe('with an explicit provider', () => {
    it('creates everything, the RAM share included, with it', () => {
      const withProvider = Testing.synthScope((scope) => {
        const network = new AwsProvider(scope, 'network', { region: 'eu-west-1', alias: 'network' });
        new LatticeServiceNetwork(scope, 'lattice', { ...props, provider: network });
      });
      const all = Object.values(JSON.parse(withProvider).resource as Record<string, Record<string, { provider?: string }>>).flatMap(
        (byId) => Object.values(byId),
      );
      expect(all).toHaveLength(8);
      expect(all.every((resource) => resource.provider === 'aws.network')).toBe(true);
      expect(withProvider).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: '222222222222', provider: 'aws.network' });
    });
  });

  it('refuses a name VPC Lattice rejects', () => {
    expect(() => Testing.synthScope((scope) => void new LatticeServiceNetwork(scope, 'lattice', { ...props, name: 'Acme--Dev' }))).toThrow(
      'LatticeServiceNetwork Acme--Dev: name must be 3–63 lower-case letters, digits and hyphens, with no leading, trailing or double hyphen',
    );
  });
});

describe('VPC Lattice VPC association', () => {
  const synthesized = Testing.synthScope((scope) => {
    const spoke = new AwsProvider(scope, 'spoke', { region: 'eu-west-1', alias: 'spoke' });
    new LatticeVpcAssociation(scope, 'lattice-payments', {
      vpcName: 'acme-dev-payments',
      vpcId: 'vpc-payments',
      serviceNetworkIdentifier: 'arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123',
      vpcCidrBlocks: ['10.16.0.0/16'],
      vpcIpv6CidrBlocks: ['2001:db8:1::/56'],
      provider: spoke,
    });
  });

  it('associates the VPC with the shared service network in the spoke account', () => {
    expect(synthesized).toHaveResourceWithProperties(VpclatticeServiceNetworkVpcAssociation, {
      vpc_identifier: 'vpc-payments',
      service_network_identifier: 'arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123',
      security_group_ids: [expect.stringMatching(/^\$\{aws_security_group\..*\.id\}$/)],
      provider: 'aws.spoke',
    });
  });

  it('admits HTTPS and HTTP from the VPC’s own IPv4 and IPv6 ranges only', () => {
    expect(synthesized).toHaveResourceWithProperties(SecurityGroup, {
      vpc_id: 'vpc-payments',
      provider: 'aws.spoke',
      egress: [],
    });
    const [group] = Object.values(resources(synthesized, 'aws_security_group'));
    expect(
      group.ingress.map((rule: Record<string, unknown>) => [rule.from_port, rule.to_port, rule.cidr_blocks, rule.ipv6_cidr_blocks]),
    ).toEqual([
      [443, 443, ['10.16.0.0/16'], ['2001:db8:1::/56']],
      [80, 80, ['10.16.0.0/16'], ['2001:db8:1::/56']],
    ]);
  });

  it('refuses a VPC without CIDRs', () => {
    expect(() =>
      Testing.synthScope(
        (scope) =>
          void new LatticeVpcAssociation(scope, 'lattice', {
            vpcName: 'empty',
            vpcId: 'vpc-1',
            serviceNetworkIdentifier: 'sn-1',
            vpcCidrBlocks: [],
          }),
      ),
    ).toThrow("LatticeVpcAssociation empty: vpcCidrBlocks is empty; give the VPC's CIDRs");
  });
});
