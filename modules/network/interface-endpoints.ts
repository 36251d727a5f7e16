import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';

/**
 * Services whose private DNS name is not `<service>.<region>.amazonaws.com`, and whether clients
 * call subdomains of it (registries, API ids) so the zone also needs a wildcard record.
 */
const DNS_EXCEPTIONS: Readonly<Record<string, { readonly label: string; readonly wildcard: boolean }>> = {
  'ecr.api': { label: 'api.ecr', wildcard: false },
  'ecr.dkr': { label: 'dkr.ecr', wildcard: true },
  'execute-api': { label: 'execute-api', wildcard: true },
};

/** Services a dedicated private hosted zone cannot serve, with what to do instead. */
const NOT_CENTRALIZABLE: Readonly<Record<string, string>> = {
  s3: 'use the S3 gateway endpoint in each spoke',
  dynamodb: 'use the DynamoDB gateway endpoint in each spoke',
  'ecs-agent': 'its names (ecs-a-*.<region>.amazonaws.com) share the regional domain; use a local endpoint in the spoke',
  'ecs-telemetry': 'its names (ecs-t-*.<region>.amazonaws.com) share the regional domain; use a local endpoint in the spoke',
};

/** The private DNS name a centralized endpoint's hosted zone answers for, e.g. `api.ecr.eu-west-1.amazonaws.com`. */
export function interfaceEndpointZoneName(service: string, region: string): string {
  return `${DNS_EXCEPTIONS[service]?.label ?? service}.${region}.amazonaws.com`;
}

export interface InterfaceEndpointsProps {
  /** Name prefix of the security group, endpoints and zones' tags. */
  readonly name: string;
  /** Region of the VPC (a literal): it is part of every service name and zone name. */
  readonly region: string;
  /** The shared-services VPC. CAUTION: changing it replaces every endpoint and zone. */
  readonly vpcId: string;
  /** One subnet per AZ for the endpoints' network interfaces. */
  readonly subnetIds: readonly string[];
  /**
   * Service short names (`ssm`, `ecr.api`, `execute-api`…). Each becomes the construct IDs of its
   * endpoint, zone and records, so adding or removing one touches no other.
   */
  readonly services: readonly string[];
  /** IPv4 ranges allowed to reach the endpoints on 443: the environment's ranges. */
  readonly allowedCidrBlocks: readonly string[];
  /** IPv6 ranges allowed on 443. @default [] */
  readonly allowedIpv6CidrBlocks?: readonly string[];
  /** Dual-stack endpoints and AAAA alias records; the subnets need IPv6. CAUTION: changing it replaces the endpoints. @default false */
  readonly dualStack?: boolean;
  /** Organization id (`o-…`): endpoint policies allow only principals of this organization. */
  readonly organizationId: string;
  /**
   * Services whose endpoint gets no policy (full access): services that reject endpoint policies
   * ("only supports the full-access endpoint policy", e.g. `eks`), and `sts` if workloads federate
   * through the endpoint — `AssumeRoleWithWebIdentity` (EKS IRSA) is anonymous, carries no
   * `aws:PrincipalOrgID`, and the organization condition would deny it.
   * @default []
   */
  readonly servicesWithoutPolicy?: readonly string[];
  /**
   * Spoke VPC ids (same region) whose account may associate the zones, keyed by spoke name:
   * one `aws_route53_vpc_association_authorization` per spoke and service. The VPC must exist
   * when this stack applies; `PrivateZoneAssociation` with `zoneOwnerProvider` authorizes from the spoke's stack instead.
   * @default {}
   */
  readonly spokeVpcIds?: Readonly<Record<string, string>>;
  /** Provider of the hub (network) account. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Interface endpoints centralized in a shared-services VPC. Each endpoint has private DNS off;
 * instead a Route 53 private hosted zone per service (`ssm.eu-west-1.amazonaws.com`) answers with
 * an alias to the endpoint, and spoke VPCs in other accounts associate that zone
 * (`PrivateZoneAssociation`), so their SDKs resolve the standard names to the hub's endpoints.
 */
export class InterfaceEndpoints extends Construct {
  readonly securityGroup: SecurityGroup;
  private readonly endpoints = new Map<string, VpcEndpoint>();
  private readonly zones = new Map<string, Route53Zone>();

  constructor(scope: Construct, id: string, props: InterfaceEndpointsProps) {
    super(scope, id);
    validate(props);
    const { provider } = props;
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      provider,
      name: `${props.name}-interface-endpoints`,
      description: 'HTTPS from the environment to the centralized interface endpoints',
      vpcId: props.vpcId,
      ingress: [
        {
          description: 'HTTPS from the environment',
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: [...props.allowedCidrBlocks],
          ipv6CidrBlocks: [...(props.allowedIpv6CidrBlocks ?? [])],
        },
      ],
      egress: [],
      tags: { Name: `${props.name}-interface-endpoints` },
    });
    const policy = organizationOnlyPolicy(props.organizationId);
    for (const service of props.services) {
      const withoutPolicy = (props.servicesWithoutPolicy ?? []).includes(service);
      const endpoint = this.endpointFor(service, props, withoutPolicy ? undefined : policy);
      this.endpoints.set(service, endpoint);
      this.zones.set(service, this.privateDnsFor(service, props, endpoint));
    }
  }

  /** Private hosted zone ids keyed by service name: what spokes associate (`PrivateZoneAssociation.hostedZoneIds`). */
  get hostedZoneIds(): Record<string, string> {
    return Object.fromEntries([...this.zones].map(([service, zone]) => [service, zone.zoneId]));
  }

  /** Endpoint ids keyed by service name. */
  get endpointIds(): Record<string, string> {
    return Object.fromEntries([...this.endpoints].map(([service, endpoint]) => [service, endpoint.id]));
  }

  get securityGroupId(): string {
    return this.securityGroup.id;
  }

  private endpointFor(service: string, props: InterfaceEndpointsProps, policy: string | undefined): VpcEndpoint {
    const key = constructKey(service);
    return new VpcEndpoint(this, `endpoint-${key}`, {
      provider: props.provider,
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.region}.${service}`,
      vpcEndpointType: 'Interface',
      privateDnsEnabled: false,
      ipAddressType: props.dualStack ? 'dualstack' : 'ipv4',
      subnetIds: [...props.subnetIds],
      securityGroupIds: [this.securityGroup.id],
      policy,
      tags: { Name: `${props.name}-${key}` },
    });
  }

  /** The service's private hosted zone with alias records to the endpoint, and the spokes' association authorizations. */
  private privateDnsFor(service: string, props: InterfaceEndpointsProps, endpoint: VpcEndpoint): Route53Zone {
    const { provider } = props;
    const key = constructKey(service);
    const zoneName = interfaceEndpointZoneName(service, props.region);
    const zone = new Route53Zone(this, `zone-${key}`, {
      provider,
      name: zoneName,
      comment: `Private DNS of the centralized ${service} endpoint`,
      vpc: [{ vpcId: props.vpcId }],
      // Spoke VPCs are associated by aws_route53_zone_association in their own stacks; without
      // this, every plan here would try to remove them from the zone.
      lifecycle: { ignoreChanges: ['vpc'] },
      tags: { Name: `${props.name}-${key}` },
    });
    // dns_entry[0] is the endpoint's regional name; the following entries are per AZ.
    const regional = endpoint.dnsEntry.get(0);
    const alias = { name: regional.dnsName, zoneId: regional.hostedZoneId, evaluateTargetHealth: false };
    const recordNames = DNS_EXCEPTIONS[service]?.wildcard ? { apex: zoneName, wildcard: `*.${zoneName}` } : { apex: zoneName };
    for (const [nameKind, name] of Object.entries(recordNames)) {
      for (const type of props.dualStack ? ['A', 'AAAA'] : ['A']) {
        new Route53Record(this, `record-${key}-${nameKind}-${type.toLowerCase()}`, { provider, zoneId: zone.zoneId, name, type, alias });
      }
    }
    for (const [spoke, vpcId] of Object.entries(props.spokeVpcIds ?? {})) {
      new Route53VpcAssociationAuthorization(this, `authorize-${spoke}-${key}`, { provider, zoneId: zone.zoneId, vpcId });
    }
    return zone;
  }
}

/** `ecr.api` → `ecr-api`: readable construct IDs (cdktf would drop the dot). */
function constructKey(service: string): string {
  return service.replace(/\./g, '-');
}

function organizationOnlyPolicy(organizationId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OrganizationPrincipalsOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: '*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      },
    ],
  });
}

function validate(props: InterfaceEndpointsProps): void {
  const where = `InterfaceEndpoints ${props.name}`;
  if (props.services.length === 0) throw new Error(`${where}: services is empty; list at least one service or leave the module out`);
  if (props.subnetIds.length === 0) throw new Error(`${where}: subnetIds is empty; give one subnet per AZ`);
  if (props.allowedCidrBlocks.length === 0 && (props.allowedIpv6CidrBlocks ?? []).length === 0) {
    throw new Error(`${where}: allowedCidrBlocks is empty, so nothing could reach the endpoints; give the environment's ranges`);
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(props.region)) {
    throw new Error(`${where}: region ${props.region} is not a region name such as eu-west-1`);
  }
  const repeated = props.services.find((service, index) => props.services.indexOf(service) !== index);
  if (repeated) throw new Error(`${where}: services lists ${repeated} twice; list each service once`);
  for (const service of props.services) {
    if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(service)) {
      throw new Error(`${where}: services entry ${JSON.stringify(service)} is not a service short name such as ssm or ecr.api`);
    }
    if (service in NOT_CENTRALIZABLE) {
      throw new Error(`${where}: ${service} cannot be centralized with a private hosted zone; ${NOT_CENTRALIZABLE[service]}`);
    }
  }
  const unknown = (props.servicesWithoutPolicy ?? []).find((service) => !props.services.includes(service));
  if (unknown) throw new Error(`${where}: servicesWithoutPolicy names ${unknown}, which is not in services; remove it or add the service`);
  if (!Token.isUnresolved(props.organizationId) && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId)) {
    throw new Error(`${where}: organizationId ${props.organizationId} is not an organization id such as o-a1b2c3d4e5`);
  }
}
