import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Route53ZoneAssociation } from '@cdktf/provider-aws/lib/route53-zone-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { TerraformOutput, TerraformProvider, Testing } from 'cdktf';
import { InterfaceEndpoints, interfaceEndpointZoneName, type InterfaceEndpointsProps } from '../../modules/network/interface-endpoints';
import { PrivateZoneAssociation } from '../../modules/network/private-zone-association';
import { terraformMockApply } from '../support/terraform-mock-apply';

const props: InterfaceEndpointsProps = {
  name: 'acme-dev-shared',
  region: 'eu-west-1',
  vpcId: 'vpc-shared',
  subnetIds: ['subnet-a', 'subnet-b'],
  services: ['ssm', 'ecr.api', 'ecr.dkr', 'sts'],
  allowedCidrBlocks: ['10.16.0.0/12'],
  organizationId: 'o-a1b2c3d4e5',
  servicesWithoutPolicy: ['sts'],
  spokeVpcIds: { payments: 'vpc-payments', orders: 'vpc-orders' },
};

function synth(overrides: Partial<InterfaceEndpointsProps> = {}): string {
  return Testing.synthScope((scope) => {
    new InterfaceEndpoints(scope, 'endpoints', { ...props, ...overrides });
  });
}

function resources(synthesized: string, type: string): Record<string, Record<string, any>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

function ids(synthesized: string, type: string): string[] {
  return Object.keys(resources(synthesized, type))
    .map((id) => id.replace(/_[0-9A-F]{8}$/, ''))
    .sort();
}

describe('centralized interface endpoints', () => {
  const synthesized = synth();

  it('creates one interface endpoint per service with private DNS off', () => {
    expect(ids(synthesized, 'aws_vpc_endpoint')).toEqual([
      'endpoints_endpoint-ecr-api',
      'endpoints_endpoint-ecr-dkr',
      'endpoints_endpoint-ssm',
      'endpoints_endpoint-sts',
    ]);
    expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
      service_name: 'com.amazonaws.eu-west-1.ecr.dkr',
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: false,
      ip_address_type: 'ipv4',
      subnet_ids: ['subnet-a', 'subnet-b'],
    });
  });

  it('restricts each endpoint to principals of the organization', () => {
    const [ssm] = Object.values(resources(synthesized, 'aws_vpc_endpoint')).filter((endpoint) => endpoint.service_name.endsWith('.ssm'));
    expect(JSON.parse(ssm.policy).Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
    ]);
  });

  it('leaves the policy off the services listed in servicesWithoutPolicy', () => {
    const [sts] = Object.values(resources(synthesized, 'aws_vpc_endpoint')).filter((endpoint) => endpoint.service_name.endsWith('.sts'));
    expect(sts).not.toHaveProperty('policy');
  });

  it('allows only HTTPS from the given ranges, and nothing out', () => {
    expect(synthesized).toHaveResourceWithProperties(SecurityGroup, {
      vpc_id: 'vpc-shared',
      ingress: [
        expect.objectContaining({ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.16.0.0/12'], ipv6_cidr_blocks: [] }),
      ],
      egress: [],
    });
  });

  describe('private DNS', () => {
    it('names each zone after the service’s private DNS name', () => {
      expect(interfaceEndpointZoneName('ssm', 'eu-west-1')).toBe('ssm.eu-west-1.amazonaws.com');
      expect(interfaceEndpointZoneName('ecr.api', 'eu-west-1')).toBe('api.ecr.eu-west-1.amazonaws.com');
      const zones = Object.values(resources(synthesized, 'aws_route53_zone')).map((zone) => zone.name);
      expect(zones.sort()).toEqual([
        'api.ecr.eu-west-1.amazonaws.com',
        'dkr.ecr.eu-west-1.amazonaws.com',
        'ssm.eu-west-1.amazonaws.com',
        'sts.eu-west-1.amazonaws.com',
      ]);
    });

    it('associates each zone with the hub VPC and ignores the spokes’ associations', () => {
      expect(synthesized).toHaveResourceWithProperties(Route53Zone, {
        name: 'ssm.eu-west-1.amazonaws.com',
        vpc: [{ vpc_id: 'vpc-shared' }],
        lifecycle: { ignore_changes: ['vpc'] },
      });
    });

    it('aliases the zone apex to the endpoint’s regional DNS name', () => {
      expect(synthesized).toHaveResourceWithProperties(Route53Record, {
        name: 'ssm.eu-west-1.amazonaws.com',
        type: 'A',
        alias: {
          name: expect.stringMatching(/^\$\{aws_vpc_endpoint\.endpoints_endpoint-ssm_[0-9A-F]{8}\.dns_entry\[0\]\.dns_name\}$/),
          zone_id: expect.stringMatching(/\.dns_entry\[0\]\.hosted_zone_id\}$/),
          evaluate_target_health: false,
        },
      });
    });

    it('adds a wildcard for services called on subdomains (registries), and AAAA records only when dual-stack', () => {
      expect(synthesized).toHaveResourceWithProperties(Route53Record, { name: '*.dkr.ecr.eu-west-1.amazonaws.com', type: 'A' });
      expect(Object.values(resources(synthesized, 'aws_route53_record')).filter((record) => record.type === 'AAAA')).toEqual([]);
      const dualStack = synth({ dualStack: true, allowedIpv6CidrBlocks: ['2001:db8::/48'] });
      expect(dualStack).toHaveResourceWithProperties(Route53Record, { name: 'ssm.eu-west-1.amazonaws.com', type: 'AAAA' });
      expect(dualStack).toHaveResourceWithProperties(VpcEndpoint, { ip_address_type: 'dualstack' });
      expect(dualStack).toHaveResourceWithProperties(SecurityGroup, {
        ingress: [expect.objectContaining({ ipv6_cidr_blocks: ['2001:db8::/48'] })],
      });
    });

    it('authorizes each spoke VPC for each zone, keyed by spoke and service', () => {
      expect(ids(synthesized, 'aws_route53_vpc_association_authorization')).toHaveLength(8);
      expect(ids(synthesized, 'aws_route53_vpc_association_authorization')).toContain('endpoints_authorize-payments-ecr-api');
      expect(synthesized).toHaveResourceWithProperties(Route53VpcAssociationAuthorization, {
        vpc_id: 'vpc-orders',
        zone_id: expect.stringMatching(/^\$\{aws_route53_zone\.endpoints_zone-ssm_[0-9A-F]{8}\.zone_id\}$/),
      });
    });
  });

  it('leaves every other service’s resources untouched when one service is added', () => {
    const withMore = synth({ services: ['kms', ...props.services] });
    for (const type of ['aws_vpc_endpoint', 'aws_route53_zone', 'aws_route53_record']) {
      const before = resources(synthesized, type);
      const after = resources(withMore, type);
      for (const [id, resource] of Object.entries(before)) expect(after[id]).toEqual(resource);
    }
  });

  describe('refuses', () => {
    it('a service whose names a dedicated zone cannot serve', () => {
      expect(() => synth({ services: ['ssm', 's3'] })).toThrow(
        'InterfaceEndpoints acme-dev-shared: s3 cannot be centralized with a private hosted zone; use the S3 gateway endpoint in each spoke',
      );
    });

    it('a service listed twice', () => {
      expect(() => synth({ services: ['ssm', 'ssm'] })).toThrow('services lists ssm twice; list each service once');
    });

    it('a policy exemption for a service that is not created', () => {
      expect(() => synth({ servicesWithoutPolicy: ['kms'] })).toThrow('servicesWithoutPolicy names kms, which is not in services');
    });

    it('a malformed organization id', () => {
      expect(() => synth({ organizationId: 'acme' })).toThrow('organizationId acme is not an organization id such as o-a1b2c3d4e5');
    });

    it('no allowed ranges', () => {
      expect(() => synth({ allowedCidrBlocks: [] })).toThrow('allowedCidrBlocks is empty, so nothing could reach the endpoints');
    });
  });
});

describe('private zone association (spoke side)', () => {
  const hostedZoneIds = { ssm: 'Z-SSM', 'ecr.api': 'Z-ECR-API' };

  it('associates each zone with the spoke VPC in the spoke account, keyed by service', () => {
    const synthesized = Testing.synthScope((scope) => {
      const spoke = new AwsProvider(scope, 'spoke', { region: 'eu-west-1', alias: 'spoke' });
      new PrivateZoneAssociation(scope, 'private-dns', { name: 'payments', vpcId: 'vpc-payments', hostedZoneIds, vpcProvider: spoke });
    });
    expect(ids(synthesized, 'aws_route53_zone_association')).toEqual(['private-dns_association-ecr-api', 'private-dns_association-ssm']);
    expect(synthesized).toHaveResourceWithProperties(Route53ZoneAssociation, {
      zone_id: 'Z-SSM',
      vpc_id: 'vpc-payments',
      provider: 'aws.spoke',
    });
    expect(synthesized).not.toHaveResource(Route53VpcAssociationAuthorization);
  });

  describe('with the zone owner’s provider', () => {
    it('authorizes in the network account and associates only after the authorization exists', () => {
      const synthesized = Testing.synthScope((scope) => {
        const network = new AwsProvider(scope, 'network', { region: 'eu-west-1', alias: 'network' });
        new PrivateZoneAssociation(scope, 'private-dns', {
          name: 'payments',
          vpcId: 'vpc-payments',
          hostedZoneIds,
          zoneOwnerProvider: network,
        });
      });
      expect(synthesized).toHaveResourceWithProperties(Route53VpcAssociationAuthorization, {
        zone_id: 'Z-ECR-API',
        vpc_id: 'vpc-payments',
        provider: 'aws.network',
      });
      const associations = Object.values(resources(synthesized, 'aws_route53_zone_association'));
      expect(associations.map((association) => association.depends_on)).toEqual([
        [expect.stringMatching(/^aws_route53_vpc_association_authorization\.private-dns_authorization-ecr-api_/)],
        [expect.stringMatching(/^aws_route53_vpc_association_authorization\.private-dns_authorization-ssm_/)],
      ]);
    });
  });

  it('refuses an empty set of zones', () => {
    expect(() =>
      Testing.synthScope(
        (scope) => void new PrivateZoneAssociation(scope, 'private-dns', { name: 'payments', vpcId: 'vpc-1', hostedZoneIds: {} }),
      ),
    ).toThrow("PrivateZoneAssociation payments: hostedZoneIds is empty; give the hub's zone ids or leave the module out");
  });
});

describe('interface endpoints and zone association on the real provider schema', () => {
  it('are valid, and the alias records point at the endpoint’s regional DNS name on a mocked apply', async () => {
    await terraformMockApply(
      (stack) => {
        const network = stack.node.tryFindChild('network') as TerraformProvider;
        const endpoints = new InterfaceEndpoints(stack, 'endpoints', {
          ...props,
          services: ['ssm', 'ecr.dkr', 'sts'],
          spokeVpcIds: { orders: 'vpc-orders' },
          dualStack: true,
          allowedIpv6CidrBlocks: ['2001:db8::/48'],
        });
        new PrivateZoneAssociation(stack, 'private-dns', {
          name: 'payments',
          vpcId: 'vpc-payments',
          hostedZoneIds: endpoints.hostedZoneIds,
          zoneOwnerProvider: network,
        });
        const record = endpoints.node.findChild('record-ssm-apex-aaaa') as Route53Record;
        new TerraformOutput(stack, 'ssm_alias', { value: record.alias.name });
      },
      `
mock_provider "aws" {
  mock_resource "aws_vpc_endpoint" {
    defaults = {
      dns_entry = [
        { dns_name = "vpce-0abc-regional.ssm.eu-west-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
        { dns_name = "vpce-0abc-eu-west-1a.ssm.eu-west-1.vpce.amazonaws.com", hosted_zone_id = "Z7HUB22UULQXV" },
      ]
    }
  }
}

run "alias_targets_regional_name" {
  command = apply
  assert {
    condition     = output.ssm_alias == "vpce-0abc-regional.ssm.eu-west-1.vpce.amazonaws.com"
    error_message = "alias target: \${output.ssm_alias}"
  }
}
`,
    );
  });
});
