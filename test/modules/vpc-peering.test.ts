import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route } from '@cdktf/provider-aws/lib/route';
import { VpcPeeringConnection } from '@cdktf/provider-aws/lib/vpc-peering-connection';
import { VpcPeeringConnectionAccepterA } from '@cdktf/provider-aws/lib/vpc-peering-connection-accepter';
import { VpcPeeringConnectionOptions } from '@cdktf/provider-aws/lib/vpc-peering-connection-options';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { VpcPeering, type VpcPeeringProps } from '../../modules/network/vpc-peering';
import { pair } from './vpc-peering.validate';

function synthPair(adjust: (props: VpcPeeringProps) => VpcPeeringProps = (props) => props): string {
  return Testing.synthScope((scope: Construct) => {
    const requester = new AwsProvider(scope, 'payments', { region: 'eu-west-1', alias: 'payments' });
    const accepter = new AwsProvider(scope, 'analytics', { region: 'eu-central-1', alias: 'analytics' });
    new VpcPeering(scope, 'peering', adjust(pair(requester, accepter)));
  });
}

function resources(synthesized: string, type: string): Record<string, Record<string, any>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

describe('VPC peering', () => {
  describe('across accounts and regions', () => {
    const synthesized = synthPair();

    it('requests from the requester account without auto-accepting, naming the peer’s owner and region', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcPeeringConnection, {
        provider: 'aws.payments',
        vpc_id: 'vpc-payments',
        peer_vpc_id: 'vpc-analytics',
        peer_owner_id: '444444444444',
        peer_region: 'eu-central-1',
        auto_accept: false,
      });
    });

    it('accepts in the accepter account', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcPeeringConnectionAccepterA, {
        provider: 'aws.analytics',
        vpc_peering_connection_id: expect.stringMatching(/^\$\{aws_vpc_peering_connection\..*\.id\}$/),
        auto_accept: true,
      });
    });

    it('allows remote DNS resolution on each side with that side’s provider, once accepted', () => {
      expect(synthesized).toHaveResourceWithProperties(VpcPeeringConnectionOptions, {
        provider: 'aws.payments',
        requester: { allow_remote_vpc_dns_resolution: true },
        depends_on: [expect.stringMatching(/^aws_vpc_peering_connection_accepter\./)],
      });
      expect(synthesized).toHaveResourceWithProperties(VpcPeeringConnectionOptions, {
        provider: 'aws.analytics',
        accepter: { allow_remote_vpc_dns_resolution: true },
      });
      const options = Object.values(resources(synthesized, 'aws_vpc_peering_connection_options'));
      expect(options.find((option) => option.accepter)).not.toHaveProperty('requester');
    });

    it('routes the other side’s IPv4 and IPv6 CIDRs in every given route table, keyed by side and tier', () => {
      const routes = resources(synthesized, 'aws_route');
      expect(
        Object.keys(routes)
          .map((id) => id.replace(/_[0-9A-F]{8}$/, ''))
          .sort(),
      ).toEqual([
        'peering_accepter-app-ipv4',
        'peering_accepter-app-ipv6',
        'peering_requester-app-ipv4',
        'peering_requester-app-ipv6',
        'peering_requester-data-ipv4',
        'peering_requester-data-ipv6',
      ]);
      expect(synthesized).toHaveResourceWithProperties(Route, {
        provider: 'aws.payments',
        route_table_id: 'rtb-payments-data',
        destination_ipv6_cidr_block: '2001:db8:2::/56',
      });
      expect(synthesized).toHaveResourceWithProperties(Route, {
        provider: 'aws.analytics',
        route_table_id: 'rtb-analytics-app',
        destination_cidr_block: '10.16.0.0/16',
      });
      for (const route of Object.values(routes)) {
        expect(route.vpc_peering_connection_id).toMatch(/^\$\{aws_vpc_peering_connection\..*\.id\}$/);
        expect(route.depends_on).toEqual([expect.stringMatching(/^aws_vpc_peering_connection_accepter\./)]);
      }
    });
  });

  describe('when only one side has IPv6', () => {
    it('creates IPv4 routes only', () => {
      const synthesized = synthPair((props) => ({ ...props, accepter: { ...props.accepter, ipv6Cidr: undefined } }));
      const routes = Object.values(resources(synthesized, 'aws_route'));
      expect(routes).toHaveLength(3);
      expect(routes.every((route) => route.destination_cidr_block && !route.destination_ipv6_cidr_block)).toBe(true);
    });
  });

  describe('with DNS resolution turned off', () => {
    it('sets the option to false on both sides', () => {
      const synthesized = synthPair((props) => ({ ...props, allowRemoteVpcDnsResolution: false }));
      expect(synthesized).toHaveResourceWithProperties(VpcPeeringConnectionOptions, {
        requester: { allow_remote_vpc_dns_resolution: false },
      });
      expect(synthesized).toHaveResourceWithProperties(VpcPeeringConnectionOptions, {
        accepter: { allow_remote_vpc_dns_resolution: false },
      });
    });
  });

  describe('refuses', () => {
    it('overlapping IPv4 CIDRs', () => {
      expect(() => synthPair((props) => ({ ...props, accepter: { ...props.accepter, cidr: '10.16.128.0/17' } }))).toThrow(
        'VpcPeering payments-to-analytics: requester.cidr 10.16.0.0/16 overlaps accepter.cidr 10.16.128.0/17; peered VPCs need distinct ranges',
      );
    });

    it('overlapping IPv6 CIDRs', () => {
      expect(() => synthPair((props) => ({ ...props, accepter: { ...props.accepter, ipv6Cidr: '2001:db8:1::/48' } }))).toThrow(
        'requester.ipv6Cidr 2001:db8:1::/56 overlaps accepter.ipv6Cidr 2001:db8:1::/48',
      );
    });

    it('a side without route tables', () => {
      expect(() => synthPair((props) => ({ ...props, accepter: { ...props.accepter, routeTableIds: {} } }))).toThrow(
        'accepter.routeTableIds is empty; give the route tables (by tier) that should reach the other VPC',
      );
    });

    it('an owner account id that is not 12 digits', () => {
      expect(() => synthPair((props) => ({ ...props, accepter: { ...props.accepter, ownerAccountId: '4444' } }))).toThrow(
        'accepter.ownerAccountId 4444 is not a 12-digit account id',
      );
    });

    it('a VPC peered with itself', () => {
      expect(() => synthPair((props) => ({ ...props, accepter: { ...props.accepter, vpcId: 'vpc-payments' } }))).toThrow(
        'requester and accepter are the same VPC',
      );
    });
  });
});
