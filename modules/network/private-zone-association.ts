import { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
import { Route53ZoneAssociation } from '@cdktf/provider-aws/lib/route53-zone-association';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface PrivateZoneAssociationProps {
  /** Used in error messages only. */
  readonly name: string;
  /** The spoke VPC that resolves through the hub's zones. CAUTION: changing it replaces every association. */
  readonly vpcId: string;
  /**
   * Private hosted zone ids keyed by service name (the hub's `InterfaceEndpoints.hostedZoneIds`,
   * read through remote state). Service names become construct IDs.
   */
  readonly hostedZoneIds: Readonly<Record<string, string>>;
  /** Provider of the spoke's account, which owns the VPC. @default - the stack's default provider */
  readonly vpcProvider?: TerraformProvider;
  /**
   * Provider of the zones' owner (the network account). When given, this construct also creates
   * the `aws_route53_vpc_association_authorization` for each zone, and each association waits
   * for it: one stack, no ordering between stacks. When omitted, the hub must already have
   * authorized this VPC (`InterfaceEndpoints.spokeVpcIds`) — the hub is applied first and needs
   * the VPC id, so the VPC must exist before the hub's apply.
   * @default - no authorization here; the hub authorizes
   */
  readonly zoneOwnerProvider?: TerraformProvider;
}

/**
 * Associates the hub's private hosted zones (one per centralized interface endpoint service) with
 * a spoke VPC in another account, so the standard service names resolve to the hub's endpoints.
 * Do not use it in a VPC that has its own endpoint with private DNS for the same service: the two
 * zones for the same name conflict.
 */
export class PrivateZoneAssociation extends Construct {
  private readonly associations = new Map<string, Route53ZoneAssociation>();

  constructor(scope: Construct, id: string, props: PrivateZoneAssociationProps) {
    super(scope, id);
    if (Object.keys(props.hostedZoneIds).length === 0) {
      throw new Error(`PrivateZoneAssociation ${props.name}: hostedZoneIds is empty; give the hub's zone ids or leave the module out`);
    }
    for (const [service, zoneId] of Object.entries(props.hostedZoneIds)) {
      const key = service.replace(/\./g, '-');
      const authorization = props.zoneOwnerProvider
        ? new Route53VpcAssociationAuthorization(this, `authorization-${key}`, {
            provider: props.zoneOwnerProvider,
            zoneId,
            vpcId: props.vpcId,
          })
        : undefined;
      this.associations.set(
        service,
        new Route53ZoneAssociation(this, `association-${key}`, {
          provider: props.vpcProvider,
          zoneId,
          vpcId: props.vpcId,
          dependsOn: authorization ? [authorization] : undefined,
        }),
      );
    }
  }

  /** Services whose zone is associated with the VPC. */
  get services(): string[] {
    return [...this.associations.keys()];
  }
}
