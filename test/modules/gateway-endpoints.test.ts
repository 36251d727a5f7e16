import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { TerraformOutput, Testing } from 'cdktf';
import { GatewayEndpoints, type GatewayEndpointsProps } from '../../modules/network/gateway-endpoints';
import { referenceTo, resourceAt, resourcesOf } from './synthesized';
import { props } from './gateway-endpoints.validate';

function synth(overrides: Partial<GatewayEndpointsProps> = {}): string {
  return Testing.synthScope((scope) => void new GatewayEndpoints(scope, 'endpoints', { ...props, ...overrides }));
}

describe('gateway endpoints', () => {
  const synthesized = synth();

  it('creates S3 and DynamoDB gateway endpoints for the region', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
      service_name: 'com.amazonaws.eu-west-1.s3',
      vpc_endpoint_type: 'Gateway',
      vpc_id: 'vpc-1',
    });
    expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, {
      service_name: 'com.amazonaws.eu-west-1.dynamodb',
      vpc_endpoint_type: 'Gateway',
    });
  });

  it('attaches each endpoint to every route table, named by tier', () => {
    const associations = resourcesOf(synthesized, 'aws_vpc_endpoint_route_table_association');
    expect(Object.keys(associations).sort()).toEqual([
      'endpoints_dynamodb-app',
      'endpoints_dynamodb-data',
      'endpoints_s3-app',
      'endpoints_s3-data',
    ]);
    const s3 = referenceTo(synthesized, 'aws_vpc_endpoint', 'endpoints_s3');
    expect(associations['endpoints_s3-data']).toEqual({ route_table_id: 'rtb-data', vpc_endpoint_id: `\${${s3}.id}` });
  });

  it('admits only principals of the organization', () => {
    const policy = JSON.parse(resourceAt(synthesized, 'aws_vpc_endpoint', 'endpoints_dynamodb').policy);
    expect(policy.Statement).toEqual([
      {
        Sid: 'OrganizationPrincipalsOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: 'dynamodb:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
    ]);
  });

  it('creates only the services asked for and exposes their prefix lists', () => {
    const s3Only = Testing.synthScope((scope) => {
      const endpoints = new GatewayEndpoints(scope, 'endpoints', { ...props, services: ['s3'] });
      new TerraformOutput(scope, 'prefix-list', { value: endpoints.prefixListId('s3') });
      expect(() => endpoints.endpointId('dynamodb')).toThrow('GatewayEndpoints: no dynamodb endpoint; add it to services');
    });
    expect(Object.keys(resourcesOf(s3Only, 'aws_vpc_endpoint'))).toEqual(['endpoints_s3']);
    expect(JSON.parse(s3Only).output['prefix-list'].value).toBe(
      `\${${referenceTo(s3Only, 'aws_vpc_endpoint', 'endpoints_s3')}.prefix_list_id}`,
    );
  });

  describe('refuses', () => {
    it('a service without a gateway endpoint', () => {
      expect(() => synth({ services: ['sqs' as 's3'] })).toThrow(
        'GatewayEndpoints payments: services has sqs; gateway endpoints exist only for s3 and dynamodb (use an interface endpoint)',
      );
    });

    it('no route tables', () => {
      expect(() => synth({ routeTableIds: {} })).toThrow('routeTableIds is empty; give the route tables to attach to');
    });

    it('an organization id that is not one', () => {
      expect(() => synth({ organizationId: '123456789012' })).toThrow(
        'organizationId 123456789012 is not an organization id (o-xxxxxxxxxx)',
      );
    });
  });
});
