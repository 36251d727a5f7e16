import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { NetworkfirewallLoggingConfiguration } from '@cdktf/provider-aws/lib/networkfirewall-logging-configuration';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { Fn, TerraformIterator, TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as ipaddr from 'ipaddr.js';

/** AWS managed domain-list rule groups (strict-order variants) that drop traffic to known-bad domains. */
export const DEFAULT_MANAGED_DOMAIN_RULE_GROUPS = [
  'AbusedLegitMalwareDomainsStrictOrder',
  'MalwareDomainsStrictOrder',
  'BotNetCommandAndControlDomainsStrictOrder',
] as const;

export interface InspectionFirewallProps {
  /** Name of the firewall, its policy (`<name>`) and rule group (`<name>-baseline`). CAUTION: changing it replaces all three. */
  readonly name: string;
  /** Region of the firewall, for the ARNs of AWS managed rule groups. */
  readonly region: string;
  /** The inspection VPC. CAUTION: changing it replaces the firewall. */
  readonly vpcId: string;
  /**
   * One dedicated firewall subnet per AZ, keyed by AZ name (`eu-west-1a`); `endpointId(az)` gives
   * the endpoint in each. The inspection VPC's Transit Gateway attachment must use appliance mode
   * (`TransitGatewayAttachment` with `applianceMode: true`), or the two directions of a flow can
   * cross different AZs' endpoints and the stateful engine drops them.
   */
  readonly firewallSubnetIds: Readonly<Record<string, string>>;
  /**
   * The ranges whose traffic is inspected (`HOME_NET`): every spoke and hub range of the
   * environment, IPv4 and IPv6. Without it `HOME_NET` is only the inspection VPC and no rule matches spoke traffic.
   */
  readonly homeNetCidrs: readonly string[];
  /**
   * Domains dropped for TLS (SNI) and HTTP (Host): `bad.example` exactly, `.bad.example` for the
   * domain and all its subdomains.
   * @default []
   */
  readonly deniedDomains?: readonly string[];
  /** AWS managed strict-order domain-list rule groups, evaluated before the baseline rules. @default DEFAULT_MANAGED_DOMAIN_RULE_GROUPS */
  readonly managedDomainRuleGroups?: readonly string[];
  /** Endpoints in dual-stack mode, to inspect IPv6 traffic; the firewall subnets need IPv6. CAUTION: changing it replaces the endpoints. @default false */
  readonly dualStack?: boolean;
  /** Capacity of the baseline rule group. CAUTION: changing it replaces the rule group. @default 100 */
  readonly ruleGroupCapacity?: number;
  /** Retention of the alert and flow log groups. @default 365 */
  readonly logRetentionDays?: number;
  /** Refuse deletion of the firewall through the API; turn off and apply before destroying. @default true */
  readonly deleteProtection?: boolean;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * AWS Network Firewall for an inspection VPC on the Transit Gateway path.
 *
 * Policy: stateless engine forwards everything to the stateful engine (`aws:forward_to_sfe`).
 * Stateful engine in STRICT_ORDER with default actions `aws:drop_established` +
 * `aws:alert_established`: whatever no rule passes is dropped once the connection is established
 * and logged as an alert. In order: AWS managed known-bad domain lists (drop), then the baseline
 * group — traffic between `HOME_NET` ranges passes (segmentation is the Transit Gateway's job),
 * denied domains drop, and egress to the internet passes only as TLS on 443 or HTTP on 80
 * (protocol detected, so no SSH or tunnels over those ports). Alert and flow logs go to CloudWatch Logs.
 */
export class InspectionFirewall extends Construct {
  readonly firewall: NetworkfirewallFirewall;
  readonly policy: NetworkfirewallFirewallPolicy;
  readonly ruleGroup: NetworkfirewallRuleGroup;
  readonly alertLogGroup: CloudwatchLogGroup;
  readonly flowLogGroup: CloudwatchLogGroup;
  private readonly availabilityZones: string[];

  constructor(scope: Construct, id: string, props: InspectionFirewallProps) {
    super(scope, id);
    validate(props);
    const provider = props.provider;
    this.availabilityZones = Object.keys(props.firewallSubnetIds);
    const rules = baselineRules(props.deniedDomains ?? []);
    this.ruleGroup = new NetworkfirewallRuleGroup(this, 'baseline-rule-group', {
      provider,
      name: `${props.name}-baseline`,
      description: 'Pass east-west and TLS/HTTP egress; drop denied domains; everything else is dropped by the policy',
      type: 'STATEFUL',
      capacity: props.ruleGroupCapacity ?? 100,
      ruleGroup: {
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
        ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definition: [...props.homeNetCidrs] } }] },
        rulesSource: { rulesString: rules.join('\n') },
      },
      tags: { Name: `${props.name}-baseline` },
    });
    const managed = props.managedDomainRuleGroups ?? DEFAULT_MANAGED_DOMAIN_RULE_GROUPS;
    this.policy = new NetworkfirewallFirewallPolicy(this, 'policy', {
      provider,
      name: props.name,
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER', streamExceptionPolicy: 'DROP' },
        statefulDefaultActions: ['aws:drop_established', 'aws:alert_established'],
        statefulRuleGroupReference: [
          ...managed.map((group, index) => ({
            priority: 10 * (index + 1),
            resourceArn: `arn:aws:network-firewall:${props.region}:aws-managed:stateful-rulegroup/${group}`,
          })),
          { priority: 1000, resourceArn: this.ruleGroup.arn },
        ],
      },
      tags: { Name: props.name },
    });
    this.firewall = new NetworkfirewallFirewall(this, 'firewall', {
      provider,
      name: props.name,
      vpcId: props.vpcId,
      firewallPolicyArn: this.policy.arn,
      deleteProtection: props.deleteProtection ?? true,
      subnetMapping: Object.values(props.firewallSubnetIds).map((subnetId) => ({
        subnetId,
        ipAddressType: props.dualStack ? 'DUALSTACK' : 'IPV4',
      })),
      tags: { Name: props.name },
    });
    const logGroup = (logType: 'alert' | 'flow'): CloudwatchLogGroup =>
      new CloudwatchLogGroup(this, `${logType}-logs`, {
        provider,
        name: `/aws/network-firewall/${props.name}/${logType}`,
        retentionInDays: props.logRetentionDays ?? 365,
        tags: { Name: `${props.name}-${logType}` },
      });
    this.alertLogGroup = logGroup('alert');
    this.flowLogGroup = logGroup('flow');
    new NetworkfirewallLoggingConfiguration(this, 'logging', {
      provider,
      firewallArn: this.firewall.arn,
      loggingConfiguration: {
        logDestinationConfig: [
          { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: this.alertLogGroup.name } },
          { logType: 'FLOW', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: this.flowLogGroup.name } },
        ],
      },
    });
  }

  /**
   * Firewall endpoint ids keyed by AZ name (`vpce-…`), from `firewall_status[0].sync_states`:
   * route tables (TGW subnets, NAT or public subnets) target the endpoint of their own AZ.
   */
  get endpointIds(): Record<string, string> {
    return Object.fromEntries(this.availabilityZones.map((zone) => [zone, this.endpointId(zone)]));
  }

  /** The firewall endpoint in one AZ (a token); throws if `firewallSubnetIds` has no subnet in that AZ. */
  endpointId(availabilityZone: string): string {
    if (!this.availabilityZones.includes(availabilityZone)) {
      throw new Error(`InspectionFirewall: no firewall subnet in ${availabilityZone}; add it to firewallSubnetIds`);
    }
    const endpointsByZone = TerraformIterator.fromComplexList(
      this.firewall.firewallStatus.get(0).syncStates,
      'availability_zone',
    ).forExpressionForMap('val.availability_zone', 'val.attachment[0].endpoint_id');
    return Token.asString(Fn.lookup(endpointsByZone, availabilityZone));
  }
}

function baselineRules(deniedDomains: readonly string[]): string[] {
  let sid = 1000000;
  const rule = (text: string): string => `${text} sid:${++sid}; rev:1;)`;
  return [
    rule('pass ip $HOME_NET any -> $HOME_NET any (msg:"east-west within the landing zone";'),
    ...deniedDomains.flatMap((domain) => {
      const match = domain.startsWith('.')
        ? `dotprefix; content:"${domain}"; nocase; endswith;`
        : `content:"${domain}"; nocase; startswith; endswith;`;
      return [
        rule(`drop tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; ${match} msg:"denied domain ${domain}"; flow:to_server;`),
        rule(`drop http $HOME_NET any -> $EXTERNAL_NET any (http.host; ${match} msg:"denied domain ${domain}"; flow:to_server;`),
      ];
    }),
    rule('pass tls $HOME_NET any -> $EXTERNAL_NET 443 (msg:"egress TLS"; flow:to_server;'),
    rule('pass http $HOME_NET any -> $EXTERNAL_NET 80 (msg:"egress HTTP"; flow:to_server;'),
  ];
}

function validate(props: InspectionFirewallProps): void {
  const where = `InspectionFirewall ${props.name}`;
  if (!/^[a-zA-Z0-9-]{1,128}$/.test(props.name)) throw new Error(`${where}: name may hold only letters, digits and hyphens (at most 128)`);
  if (Object.keys(props.firewallSubnetIds).length === 0) throw new Error(`${where}: give one firewall subnet per AZ in firewallSubnetIds`);
  if (props.homeNetCidrs.length === 0) {
    throw new Error(`${where}: homeNetCidrs is empty; give the environment's ranges so the rules match spoke traffic`);
  }
  const malformed = props.homeNetCidrs.find((cidr) => !Token.isUnresolved(cidr) && !ipaddr.isValidCIDR(cidr));
  if (malformed) throw new Error(`${where}: homeNetCidrs entry ${malformed} is not an IPv4 or IPv6 CIDR block`);
  const domain = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
  for (const denied of props.deniedDomains ?? []) {
    if (!domain.test(denied)) {
      throw new Error(
        `${where}: deniedDomains entry ${JSON.stringify(denied)} is not a lower-case domain such as bad.example or .bad.example`,
      );
    }
  }
  const managed = props.managedDomainRuleGroups ?? [];
  const notStrict = managed.find((group) => !group.endsWith('StrictOrder'));
  if (notStrict) {
    throw new Error(`${where}: managedDomainRuleGroups entry ${notStrict} is not a StrictOrder group; the policy uses strict order`);
  }
  const capacity = props.ruleGroupCapacity ?? 100;
  const needed = baselineRules(props.deniedDomains ?? []).length;
  if (capacity < needed) throw new Error(`${where}: ruleGroupCapacity ${capacity} is below the ${needed} baseline rules; raise it`);
}
