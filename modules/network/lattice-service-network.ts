import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { VpclatticeAccessLogSubscription } from '@cdktf/provider-aws/lib/vpclattice-access-log-subscription';
import { VpclatticeAuthPolicy } from '@cdktf/provider-aws/lib/vpclattice-auth-policy';
import { VpclatticeServiceNetwork } from '@cdktf/provider-aws/lib/vpclattice-service-network';
import { TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceShare } from '../sharing/resource-share';

export interface LatticeServiceNetworkProps {
  /**
   * Name of the service network (3–63 lower-case letters, digits and single hyphens), its log
   * group and RAM share. CAUTION: changing it replaces the service network and every association.
   */
  readonly name: string;
  /** Organization id (`o-…`): the auth policy allows only principals of this organization. */
  readonly organizationId: string;
  /** Accounts (or OU / organization ARNs) the service network is shared with, keyed by a stable name such as the account name. */
  readonly principals: Readonly<Record<string, string>>;
  /** Retention of the access log group. @default 365 */
  readonly logRetentionDays?: number;
  /** Provider of the hub (network) account. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A VPC Lattice service network for an environment: IAM auth with an auth policy that lets only
 * principals of the organization invoke services, access logs to CloudWatch Logs, and a RAM share
 * so spoke accounts can associate their VPCs (`LatticeVpcAssociation`) and services.
 */
export class LatticeServiceNetwork extends Construct {
  readonly serviceNetwork: VpclatticeServiceNetwork;
  readonly accessLogGroup: CloudwatchLogGroup;
  readonly share: ResourceShare;

  constructor(scope: Construct, id: string, props: LatticeServiceNetworkProps) {
    super(scope, id);
    validate(props);
    const { provider } = props;
    this.serviceNetwork = new VpclatticeServiceNetwork(this, 'service-network', {
      provider,
      name: props.name,
      authType: 'AWS_IAM',
      tags: { Name: props.name },
    });
    new VpclatticeAuthPolicy(this, 'auth-policy', {
      provider,
      resourceIdentifier: this.serviceNetwork.arn,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OrganizationPrincipalsOnly',
            Effect: 'Allow',
            Principal: '*',
            Action: 'vpc-lattice-svcs:Invoke',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } },
          },
        ],
      }),
    });
    this.accessLogGroup = new CloudwatchLogGroup(this, 'access-logs', {
      provider,
      name: `/aws/vpc-lattice/${props.name}`,
      retentionInDays: props.logRetentionDays ?? 365,
      tags: { Name: `${props.name}-access-logs` },
    });
    new VpclatticeAccessLogSubscription(this, 'access-log-subscription', {
      provider,
      resourceIdentifier: this.serviceNetwork.arn,
      destinationArn: this.accessLogGroup.arn,
      tags: { Name: props.name },
    });
    this.share = new ResourceShare(this, 'share', {
      name: `${props.name}-service-network`,
      resourceArns: { 'service-network': this.serviceNetwork.arn },
      principals: props.principals,
    });
    if (provider) overrideProviderOfShare(this.share, provider);
  }

  get serviceNetworkId(): string {
    return this.serviceNetwork.id;
  }

  /** What spokes in other accounts pass as `serviceNetworkIdentifier` (an id works only in the owner account). */
  get serviceNetworkArn(): string {
    return this.serviceNetwork.arn;
  }
}

/** ResourceShare has no provider prop, and a share must live in the account that owns the shared resource. */
function overrideProviderOfShare(share: ResourceShare, provider: TerraformProvider): void {
  for (const child of share.node.children) {
    if (child instanceof TerraformResource) child.provider = provider;
  }
}

function validate(props: LatticeServiceNetworkProps): void {
  const where = `LatticeServiceNetwork ${props.name}`;
  if (!/^(?!-)(?!.*--)[a-z0-9-]{3,63}(?<!-)$/.test(props.name)) {
    throw new Error(`${where}: name must be 3–63 lower-case letters, digits and hyphens, with no leading, trailing or double hyphen`);
  }
  if (!Token.isUnresolved(props.organizationId) && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId)) {
    throw new Error(`${where}: organizationId ${props.organizationId} is not an organization id such as o-a1b2c3d4e5`);
  }
}
