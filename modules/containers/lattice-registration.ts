import { VpclatticeAuthPolicy } from '@cdktf/provider-aws/lib/vpclattice-auth-policy';
import { VpclatticeListener } from '@cdktf/provider-aws/lib/vpclattice-listener';
import { VpclatticeService } from '@cdktf/provider-aws/lib/vpclattice-service';
import { VpclatticeServiceNetworkServiceAssociation } from '@cdktf/provider-aws/lib/vpclattice-service-network-service-association';
import { VpclatticeTargetGroup } from '@cdktf/provider-aws/lib/vpclattice-target-group';
import { Construct } from 'constructs';
import { checkAccountId, checkIntegerRange, isKnown } from './checks';
import { policyDocument, ServiceRole, serviceTrustPolicy, type PolicyStatement } from './iam';

export interface EcsServiceLattice {
  /** ARN of the environment's service network (an id works only in the account that owns it). */
  readonly serviceNetworkIdentifier: string;
  /** Name of the container port Lattice forwards to (a key of a container's portMappings). */
  readonly portName: string;
  /** @default 'HTTPS' (Lattice provides the certificate of its generated domain) */
  readonly listenerProtocol?: 'HTTP' | 'HTTPS';
  /** @default 443 for HTTPS, 80 for HTTP */
  readonly listenerPort?: number;
  /** @default '/' */
  readonly healthCheckPath?: string;
  /** Who may invoke the service (the auth policy; Lattice denies everything without one). Give at least one. */
  readonly invokers: {
    /** Any principal of this organization. @default - none */
    readonly organizationId?: string;
    /** Account ids or IAM principal ARNs. @default [] */
    readonly principals?: readonly string[];
  };
}

export interface LatticeRegistrationProps extends EcsServiceLattice {
  readonly name: string;
  readonly vpcId: string;
  readonly containerPort: number;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Registers an ECS service in a VPC Lattice service network: an IP target group that ECS fills
 * with the tasks, a Lattice service with IAM auth and a listener, its association with the service
 * network, and the infrastructure role ECS uses to register targets.
 */
export class LatticeRegistration extends Construct {
  readonly targetGroup: VpclatticeTargetGroup;
  readonly service: VpclatticeService;
  readonly infrastructureRole: ServiceRole;

  constructor(scope: Construct, id: string, props: LatticeRegistrationProps) {
    super(scope, id);
    const tags = { Name: props.name, ...props.tags };
    this.targetGroup = new VpclatticeTargetGroup(this, 'target-group', {
      name: props.name,
      type: 'IP',
      config: {
        vpcIdentifier: props.vpcId,
        port: props.containerPort,
        protocol: 'HTTP',
        protocolVersion: 'HTTP1',
        ipAddressType: 'IPV4',
        healthCheck: { enabled: true, path: props.healthCheckPath ?? '/', protocol: 'HTTP', port: props.containerPort },
      },
      tags,
    });
    this.service = new VpclatticeService(this, 'service', { name: props.name, authType: 'AWS_IAM', tags });
    new VpclatticeAuthPolicy(this, 'auth-policy', {
      resourceIdentifier: this.service.arn,
      policy: JSON.stringify(policyDocument(invokeStatements(props))),
    });
    const protocol = props.listenerProtocol ?? 'HTTPS';
    new VpclatticeListener(this, 'listener', {
      name: protocol.toLowerCase(),
      serviceIdentifier: this.service.id,
      protocol,
      port: props.listenerPort ?? (protocol === 'HTTPS' ? 443 : 80),
      defaultAction: { forward: [{ targetGroups: [{ targetGroupIdentifier: this.targetGroup.id, weight: 100 }] }] },
      tags,
    });
    new VpclatticeServiceNetworkServiceAssociation(this, 'association', {
      serviceIdentifier: this.service.arn,
      serviceNetworkIdentifier: props.serviceNetworkIdentifier,
      tags,
    });
    this.infrastructureRole = new ServiceRole(this, 'infrastructure-role', {
      name: `${props.name}-ecs-lattice`,
      description: `Lets ECS register the tasks of ${props.name} in its VPC Lattice target group`,
      trustPolicy: serviceTrustPolicy('ecs.amazonaws.com', props.accountId),
      managedPolicyArns: {
        'vpc-lattice': `arn:${props.partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForVpcLattice`,
      },
      tags: props.tags,
    });
  }

  get targetGroupArn(): string {
    return this.targetGroup.arn;
  }

  get serviceArn(): string {
    return this.service.arn;
  }

  /** The generated DNS name callers use. */
  get dnsName(): string {
    return this.service.dnsEntry.get(0).domainName;
  }
}

function invokeStatements(props: LatticeRegistrationProps): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const principals = [...(props.invokers.principals ?? [])].sort();
  if (principals.length > 0) {
    statements.push({
      Sid: 'NamedInvokers',
      Effect: 'Allow',
      Principal: {
        AWS: principals.map((principal) => (/^\d{12}$/.test(principal) ? `arn:${props.partition}:iam::${principal}:root` : principal)),
      },
      Action: 'vpc-lattice-svcs:Invoke',
      Resource: '*',
    });
  }
  if (props.invokers.organizationId) {
    statements.push({
      Sid: 'OrganizationInvokers',
      Effect: 'Allow',
      Principal: '*',
      Action: 'vpc-lattice-svcs:Invoke',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': props.invokers.organizationId } },
    });
  }
  return statements;
}

export function checkLattice(where: string, name: string, lattice: EcsServiceLattice): void {
  if (isKnown(name) && (name.length < 3 || name.length > 40)) {
    throw new Error(`${where}: a service registered in VPC Lattice needs a name of 3–40 characters; "${name}" has ${name.length}`);
  }
  checkIntegerRange(where, 'lattice.listenerPort', lattice.listenerPort, 1, 65535);
  const principals = lattice.invokers.principals ?? [];
  if (principals.length === 0 && !lattice.invokers.organizationId) {
    throw new Error(
      `${where}: lattice.invokers is empty; give an organizationId or principals, or no one can call the service (IAM auth denies by default)`,
    );
  }
  for (const principal of principals.filter((value) => isKnown(value) && !value.startsWith('arn:'))) {
    checkAccountId(where, 'lattice.invokers.principals[]', principal);
  }
  if (
    lattice.invokers.organizationId &&
    isKnown(lattice.invokers.organizationId) &&
    !/^o-[a-z0-9]{10,32}$/.test(lattice.invokers.organizationId)
  ) {
    throw new Error(
      `${where}: lattice.invokers.organizationId "${lattice.invokers.organizationId}" is not an organization id such as o-a1b2c3d4e5`,
    );
  }
}
