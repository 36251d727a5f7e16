import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Construct } from 'constructs';

/** AWS managed rule groups a regional API gets by default: common exploits and known bad inputs. */
export const DEFAULT_MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'] as const;

export interface RegionalWebAclProps {
  /** CAUTION: changing it replaces the web ACL (and detaches it from its APIs until they are reassociated). */
  readonly name: string;
  /** AWS managed rule groups, in priority order. @default DEFAULT_MANAGED_RULE_GROUPS */
  readonly managedRuleGroups?: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A regional WAFv2 web ACL that allows by default and applies AWS managed rule groups, with metrics and sampled requests. */
export class RegionalWebAcl extends Construct {
  readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: RegionalWebAclProps) {
    super(scope, id);
    const groups = props.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS;
    if (groups.length === 0) throw new Error(`RegionalWebAcl ${props.name}: managedRuleGroups is empty; leave it out for the defaults`);
    const visibility = (metric: string) => ({ CloudWatchMetricsEnabled: true, MetricName: metric, SampledRequestsEnabled: true });
    const rules = groups.map((group, priority) => ({
      Name: group,
      Priority: priority,
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: group } },
      VisibilityConfig: visibility(`${props.name}-${group}`),
    }));
    this.webAcl = new Wafv2WebAcl(this, 'web-acl', {
      name: props.name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      ruleJson: JSON.stringify(rules),
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: props.name, sampledRequestsEnabled: true },
      tags: { Name: props.name, ...props.tags },
    });
  }

  get webAclArn(): string {
    return this.webAcl.arn;
  }
}
