import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';

/** Who may reach a service's container ports, each source keyed by a stable name. */
export interface ServiceCallers {
  /** Security groups of callers, e.g. `{ 'web-tier': 'sg-…' }`. @default {} */
  readonly securityGroupIds?: Readonly<Record<string, string>>;
  /** IPv4 ranges of callers, e.g. `{ 'shared-services': '10.16.0.0/20' }`. @default {} */
  readonly ipv4Cidrs?: Readonly<Record<string, string>>;
  /** IPv6 ranges of callers. @default {} */
  readonly ipv6Cidrs?: Readonly<Record<string, string>>;
}

export interface EgressRule {
  /** Exactly one destination. */
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
  readonly securityGroupId?: string;
  readonly prefixListId?: string;
  /** `tcp`, `udp` or `-1` (all). @default '-1' */
  readonly protocol?: 'tcp' | 'udp' | '-1';
  /** Required for tcp and udp. */
  readonly fromPort?: number;
  readonly toPort?: number;
}

export const ALL_EGRESS: Readonly<Record<string, EgressRule>> = {
  'all-ipv4': { cidrIpv4: '0.0.0.0/0' },
  'all-ipv6': { cidrIpv6: '::/0' },
};

/** Where VPC Lattice sends traffic and health checks from (the `vpc-lattice` managed prefix lists), written out so no lookup is needed. */
export const LATTICE_SOURCES = { ipv4: '169.254.171.0/24', ipv6: 'fd00:ec2:80::/64' };

export interface TaskPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
}

export interface TaskSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  readonly ports: readonly TaskPort[];
  readonly callers: ServiceCallers;
  readonly egress: Readonly<Record<string, EgressRule>>;
  /** The port Lattice forwards to, opened to the Lattice ranges. @default - none */
  readonly latticePort?: TaskPort;
  readonly tags: Readonly<Record<string, string>>;
}

/** The task security group of one service: its ports open only to the named callers, one rule resource per port and caller. */
export class TaskSecurityGroup extends Construct {
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: TaskSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, 'group', {
      name: `${props.name}-task`,
      description: `Tasks of ECS service ${props.name}`,
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-task`, ...props.tags },
    });
    const securityGroupId = this.securityGroup.id;
    for (const port of props.ports) {
      const rule = { securityGroupId, ipProtocol: port.protocol, fromPort: port.port, toPort: port.port, tags: props.tags };
      for (const [caller, groupId] of Object.entries(props.callers.securityGroupIds ?? {})) {
        new VpcSecurityGroupIngressRule(this, `ingress-${port.name}-from-${caller}`, {
          ...rule,
          referencedSecurityGroupId: groupId,
          description: caller,
        });
      }
      for (const [caller, cidr] of Object.entries(props.callers.ipv4Cidrs ?? {})) {
        new VpcSecurityGroupIngressRule(this, `ingress-${port.name}-from-${caller}-ipv4`, { ...rule, cidrIpv4: cidr, description: caller });
      }
      for (const [caller, cidr] of Object.entries(props.callers.ipv6Cidrs ?? {})) {
        new VpcSecurityGroupIngressRule(this, `ingress-${port.name}-from-${caller}-ipv6`, { ...rule, cidrIpv6: cidr, description: caller });
      }
    }
    if (props.latticePort) {
      const { name, port, protocol } = props.latticePort;
      const rule = { securityGroupId, ipProtocol: protocol, fromPort: port, toPort: port, tags: props.tags, description: 'VPC Lattice' };
      new VpcSecurityGroupIngressRule(this, `ingress-${name}-from-lattice-ipv4`, { ...rule, cidrIpv4: LATTICE_SOURCES.ipv4 });
      new VpcSecurityGroupIngressRule(this, `ingress-${name}-from-lattice-ipv6`, { ...rule, cidrIpv6: LATTICE_SOURCES.ipv6 });
    }
    for (const [name, egress] of Object.entries(props.egress)) {
      const protocol = egress.protocol ?? '-1';
      new VpcSecurityGroupEgressRule(this, `egress-${name}`, {
        securityGroupId,
        ipProtocol: protocol,
        fromPort: protocol === '-1' ? undefined : egress.fromPort,
        toPort: protocol === '-1' ? undefined : egress.toPort,
        cidrIpv4: egress.cidrIpv4,
        cidrIpv6: egress.cidrIpv6,
        referencedSecurityGroupId: egress.securityGroupId,
        prefixListId: egress.prefixListId,
        description: name,
        tags: props.tags,
      });
    }
  }

  get securityGroupId(): string {
    return this.securityGroup.id;
  }
}

export function checkEgress(where: string, egress: Readonly<Record<string, EgressRule>>): void {
  for (const [name, rule] of Object.entries(egress)) {
    const destinations = [rule.cidrIpv4, rule.cidrIpv6, rule.securityGroupId, rule.prefixListId].filter((value) => value !== undefined);
    if (destinations.length !== 1) {
      throw new Error(
        `${where}: egress.${name} has ${destinations.length} destinations; give exactly one of cidrIpv4, cidrIpv6, securityGroupId, prefixListId`,
      );
    }
    if ((rule.protocol ?? '-1') !== '-1' && (rule.fromPort === undefined || rule.toPort === undefined)) {
      throw new Error(`${where}: egress.${name} is ${rule.protocol}; give fromPort and toPort`);
    }
  }
}
