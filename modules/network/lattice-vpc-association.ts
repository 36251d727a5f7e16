import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpclatticeServiceNetworkVpcAssociation } from '@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export interface LatticeVpcAssociationProps {
  /** Name of the VPC (config name, e.g. the account name): names the security group and tags. */
  readonly vpcName: string;
  /** CAUTION: changing it replaces the association and its security group. */
  readonly vpcId: string;
  /**
   * The environment's service network: its ARN when it belongs to another account (shared through
   * RAM), as an id is resolved only in the owner's account. CAUTION: changing it replaces the association.
   */
  readonly serviceNetworkIdentifier: string;
  /** The VPC's own IPv4 CIDRs: the clients allowed to send traffic into the service network. */
  readonly vpcCidrBlocks: readonly string[];
  /** The VPC's IPv6 CIDRs, for dual-stack clients. @default [] */
  readonly vpcIpv6CidrBlocks?: readonly string[];
  /** Provider of the VPC's account. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * Associates a VPC with a VPC Lattice service network, so its clients reach the network's services
 * by name without routes or peering. The association's security group admits HTTP and HTTPS from
 * the VPC's own ranges only; the service network's auth policy decides who may invoke what.
 */
export class LatticeVpcAssociation extends Construct {
  readonly securityGroup: SecurityGroup;
  readonly association: VpclatticeServiceNetworkVpcAssociation;

  constructor(scope: Construct, id: string, props: LatticeVpcAssociationProps) {
    super(scope, id);
    if (props.vpcCidrBlocks.length === 0 && (props.vpcIpv6CidrBlocks ?? []).length === 0) {
      throw new Error(
        `LatticeVpcAssociation ${props.vpcName}: vpcCidrBlocks is empty; give the VPC's CIDRs so its clients can reach the service network`,
      );
    }
    const rule = (port: number, protocolName: string) => ({
      description: `${protocolName} from ${props.vpcName}`,
      protocol: 'tcp',
      fromPort: port,
      toPort: port,
      cidrBlocks: [...props.vpcCidrBlocks],
      ipv6CidrBlocks: [...(props.vpcIpv6CidrBlocks ?? [])],
    });
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      provider: props.provider,
      name: `${props.vpcName}-lattice`,
      description: `Clients in ${props.vpcName} to the VPC Lattice service network`,
      vpcId: props.vpcId,
      ingress: [rule(443, 'HTTPS'), rule(80, 'HTTP')],
      egress: [],
      tags: { Name: `${props.vpcName}-lattice` },
    });
    this.association = new VpclatticeServiceNetworkVpcAssociation(this, 'association', {
      provider: props.provider,
      vpcIdentifier: props.vpcId,
      serviceNetworkIdentifier: props.serviceNetworkIdentifier,
      securityGroupIds: [this.securityGroup.id],
      tags: { Name: props.vpcName },
    });
  }

  get associationId(): string {
    return this.association.id;
  }

  get securityGroupId(): string {
    return this.securityGroup.id;
  }
}
