import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointRouteTableAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-route-table-association';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import type { PolicyDocument } from '../shared/policy-document';

/** The only two services with gateway endpoints. */
export type GatewayEndpointService = 's3' | 'dynamodb';

export interface GatewayEndpointsProps {
  /** Name tag prefix: endpoints are tagged `<name>-<service>`. */
  readonly name: string;
  /** CAUTION: changing it replaces the endpoints. */
  readonly vpcId: string;
  /** Region of the VPC, for the service names (`com.amazonaws.<region>.s3`). CAUTION: changing it replaces the endpoints. */
  readonly region: string;
  /** Route tables that get the endpoints' prefix-list routes, keyed by a stable name (the tier). */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** Only principals of this organization (`aws:PrincipalOrgID`) may use the endpoints, e.g. `o-a1b2c3d4e5`. */
  readonly organizationId: string;
  /** @default ['s3', 'dynamodb'] */
  readonly services?: readonly GatewayEndpointService[];
}

/**
 * S3 and DynamoDB gateway endpoints on a VPC's route tables (free; they keep that traffic off the
 * NAT and the Transit Gateway). The endpoint policy admits only principals of the organization; it
 * does not restrict the resource's owner (`aws:ResourceOrgID`), because AWS-owned buckets (ECR image
 * layers, package repositories, SSM) must stay reachable.
 */
export class GatewayEndpoints extends Construct {
  private readonly endpoints = new Map<GatewayEndpointService, VpcEndpoint>();

  constructor(scope: Construct, id: string, props: GatewayEndpointsProps) {
    super(scope, id);
    const services = props.services ?? ['s3', 'dynamodb'];
    validate(props, services);
    for (const service of services) {
      const endpoint = new VpcEndpoint(this, service, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: 'Gateway',
        policy: JSON.stringify(organizationOnlyEndpointPolicy(service, props.organizationId)),
        tags: { Name: `${props.name}-${service}` },
      });
      this.endpoints.set(service, endpoint);
      for (const [key, routeTableId] of Object.entries(props.routeTableIds)) {
        new VpcEndpointRouteTableAssociation(this, `${service}-${key}`, { vpcEndpointId: endpoint.id, routeTableId });
      }
    }
  }

  endpointId(service: GatewayEndpointService): string {
    return this.endpointOf(service).id;
  }

  /** The service's prefix list (`pl-…`), for security-group egress rules. */
  prefixListId(service: GatewayEndpointService): string {
    return this.endpointOf(service).prefixListId;
  }

  private endpointOf(service: GatewayEndpointService): VpcEndpoint {
    const endpoint = this.endpoints.get(service);
    if (!endpoint) throw new Error(`GatewayEndpoints: no ${service} endpoint; add it to services`);
    return endpoint;
  }
}

export function organizationOnlyEndpointPolicy(service: GatewayEndpointService, organizationId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OrganizationPrincipalsOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: `${service}:*`,
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      },
    ],
  };
}

function validate(props: GatewayEndpointsProps, services: readonly GatewayEndpointService[]): void {
  const owner = `GatewayEndpoints ${props.name}`;
  if (services.length === 0) throw new Error(`${owner}: services is empty; give s3, dynamodb or both`);
  const unknown = services.find((service) => service !== 's3' && service !== 'dynamodb');
  if (unknown)
    throw new Error(`${owner}: services has ${unknown}; gateway endpoints exist only for s3 and dynamodb (use an interface endpoint)`);
  if (new Set(services).size !== services.length) throw new Error(`${owner}: services lists a service twice`);
  if (Object.keys(props.routeTableIds).length === 0)
    throw new Error(`${owner}: routeTableIds is empty; give the route tables to attach to`);
  validateConstructNames(owner, 'routeTableIds key', Object.keys(props.routeTableIds));
  if (!Token.isUnresolved(props.organizationId) && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId))
    throw new Error(`${owner}: organizationId ${props.organizationId} is not an organization id (o-xxxxxxxxxx)`);
  if (!Token.isUnresolved(props.region) && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(props.region))
    throw new Error(`${owner}: region ${props.region} is not a region name (e.g. eu-west-1)`);
}
