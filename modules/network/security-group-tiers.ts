import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { validateConstructNames } from '../shared/names';
import { DEFAULT_DATABASE_PORTS, portName, validatePorts } from '../shared/ports';
import type { SecurityGroupTier } from '../shared/tiers';

export type { SecurityGroupTier } from '../shared/tiers';

export interface SecurityGroupTiersProps {
  /** Name prefix: the groups are `<name>-web`, `<name>-app`, `<name>-data`. CAUTION: changing it replaces the groups. */
  readonly name: string;
  /** CAUTION: changing it replaces the groups. */
  readonly vpcId: string;
  /** TCP ports the web tier serves to anywhere. @default [80, 443] */
  readonly webPorts?: readonly number[];
  /** TCP port the app tier serves to the web tier. @default 8080 */
  readonly appPort?: number;
  /** TCP ports the data tier serves to the app tier. @default DEFAULT_DATABASE_PORTS ([5432, 3306]) */
  readonly databasePorts?: readonly number[];
  /** Also open the web ports to `::/0`. @default true */
  readonly ipv6?: boolean;
  /**
   * IPv4 ranges the app tier may reach on HTTPS, keyed by a stable name: e.g. the shared-services VPC
   * that holds the interface endpoints. Never anywhere: a workload that needs the internet adds its own group.
   * @default {}
   */
  readonly appHttpsIpv4CidrBlocks?: Readonly<Record<string, string>>;
  /** IPv6 ranges the app tier may reach on HTTPS, keyed by a stable name. Never anywhere. @default {} */
  readonly appHttpsIpv6CidrBlocks?: Readonly<Record<string, string>>;
  /**
   * Prefix lists the app tier may reach on HTTPS, keyed by name: e.g. the S3 and DynamoDB gateway
   * endpoints' prefix lists (`GatewayEndpoints.prefixListId`).
   * @default {}
   */
  readonly appHttpsPrefixListIds?: Readonly<Record<string, string>>;
}

/**
 * Security groups web → app → data, each tier reachable only from the one before it:
 * web serves `webPorts` to anywhere (IPv4 and IPv6); app serves `appPort` only to the web group;
 * data serves `databasePorts` only to the app group.
 *
 * Egress is explicit and narrow (groups are stateful, so responses need no rule):
 * web may open only `appPort` to the app group; app may open `databasePorts` to the data group and
 * HTTPS to `appHttpsIpv4CidrBlocks`, `appHttpsIpv6CidrBlocks` and `appHttpsPrefixListIds`; data opens nothing.
 * No rule of the app or data group names a CIDR of anywhere.
 */
export class SecurityGroupTiers extends Construct {
  readonly web: SecurityGroup;
  readonly app: SecurityGroup;
  readonly data: SecurityGroup;

  constructor(scope: Construct, id: string, props: SecurityGroupTiersProps) {
    super(scope, id);
    validate(props);
    const webPorts = props.webPorts ?? [80, 443];
    const appPort = props.appPort ?? 8080;
    const databasePorts = props.databasePorts ?? DEFAULT_DATABASE_PORTS;
    const group = (tier: SecurityGroupTier, description: string) =>
      new SecurityGroup(this, tier, {
        name: `${props.name}-${tier}`,
        description,
        vpcId: props.vpcId,
        tags: { Name: `${props.name}-${tier}`, Tier: tier },
      });
    this.web = group('web', `Web tier: ${webPorts.join(', ')} from anywhere`);
    this.app = group('app', `App tier: ${appPort} from the web tier only`);
    this.data = group('data', `Data tier: ${databasePorts.join(', ')} from the app tier only`);

    for (const port of webPorts) {
      const anywhere = { ipv4: { cidrIpv4: '0.0.0.0/0' }, ...(props.ipv6 !== false && { ipv6: { cidrIpv6: '::/0' } }) };
      for (const [family, peer] of Object.entries(anywhere)) {
        new VpcSecurityGroupIngressRule(this, `web-ingress-${portName(port)}-${family}`, {
          securityGroupId: this.web.id,
          description: `${portName(port)} from anywhere (${family})`,
          ...tcp(port),
          ...peer,
        });
      }
    }
    new VpcSecurityGroupEgressRule(this, `web-egress-${portName(appPort)}-to-app`, {
      securityGroupId: this.web.id,
      description: 'to the app tier',
      referencedSecurityGroupId: this.app.id,
      ...tcp(appPort),
    });
    new VpcSecurityGroupIngressRule(this, `app-ingress-${portName(appPort)}-from-web`, {
      securityGroupId: this.app.id,
      description: 'from the web tier',
      referencedSecurityGroupId: this.web.id,
      ...tcp(appPort),
    });
    for (const port of databasePorts) {
      new VpcSecurityGroupEgressRule(this, `app-egress-${portName(port)}-to-data`, {
        securityGroupId: this.app.id,
        description: 'to the data tier',
        referencedSecurityGroupId: this.data.id,
        ...tcp(port),
      });
      new VpcSecurityGroupIngressRule(this, `data-ingress-${portName(port)}-from-app`, {
        securityGroupId: this.data.id,
        description: 'from the app tier',
        referencedSecurityGroupId: this.app.id,
        ...tcp(port),
      });
    }
    this.allowAppHttps(props);
  }

  /** App-tier HTTPS egress to the named ranges and prefix lists (never anywhere). */
  private allowAppHttps(props: SecurityGroupTiersProps): void {
    const ranges = { ipv4: props.appHttpsIpv4CidrBlocks ?? {}, ipv6: props.appHttpsIpv6CidrBlocks ?? {} };
    for (const [family, byName] of Object.entries(ranges)) {
      for (const [name, cidr] of Object.entries(byName)) {
        new VpcSecurityGroupEgressRule(this, `app-egress-https-to-${name}-${family}`, {
          securityGroupId: this.app.id,
          description: `HTTPS to ${name} (${family})`,
          ...(family === 'ipv6' ? { cidrIpv6: cidr } : { cidrIpv4: cidr }),
          ...tcp(443),
        });
      }
    }
    for (const [name, prefixListId] of Object.entries(props.appHttpsPrefixListIds ?? {})) {
      new VpcSecurityGroupEgressRule(this, `app-egress-https-to-${name}`, {
        securityGroupId: this.app.id,
        description: `HTTPS to ${name}`,
        prefixListId,
        ...tcp(443),
      });
    }
  }

  get webSecurityGroupId(): string {
    return this.web.id;
  }

  get appSecurityGroupId(): string {
    return this.app.id;
  }

  get dataSecurityGroupId(): string {
    return this.data.id;
  }

  /** Group ids keyed by tier. */
  get securityGroupIds(): Record<SecurityGroupTier, string> {
    return { web: this.web.id, app: this.app.id, data: this.data.id };
  }
}

function tcp(port: number) {
  return { ipProtocol: 'tcp', fromPort: port, toPort: port };
}

function validate(props: SecurityGroupTiersProps): void {
  const owner = `SecurityGroupTiers ${props.name}`;
  const portLists: [string, readonly number[]][] = [
    ['webPorts', props.webPorts ?? [80, 443]],
    ['appPort', [props.appPort ?? 8080]],
    ['databasePorts', props.databasePorts ?? DEFAULT_DATABASE_PORTS],
  ];
  for (const [prop, ports] of portLists) validatePorts(owner, prop, ports);
  const cidrProps = { appHttpsIpv4CidrBlocks: props.appHttpsIpv4CidrBlocks, appHttpsIpv6CidrBlocks: props.appHttpsIpv6CidrBlocks };
  for (const [prop, byName] of Object.entries({ ...cidrProps, appHttpsPrefixListIds: props.appHttpsPrefixListIds })) {
    validateConstructNames(owner, `${prop} name`, Object.keys(byName ?? {}));
  }
  for (const [prop, byName] of Object.entries(cidrProps)) {
    for (const [name, cidr] of Object.entries(byName ?? {})) {
      if (!Token.isUnresolved(cidr) && /\/0$/.test(cidr.trim()))
        throw new Error(`${owner}: ${prop}.${name} is ${cidr}; the app tier never names anywhere — give the actual range`);
    }
  }
}
