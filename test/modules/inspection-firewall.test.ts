import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { NetworkfirewallLoggingConfiguration } from '@cdktf/provider-aws/lib/networkfirewall-logging-configuration';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { Route } from '@cdktf/provider-aws/lib/route';
import { TerraformOutput, Testing } from 'cdktf';
import { InspectionFirewall, type InspectionFirewallProps } from '../../modules/network/inspection-firewall';
import { terraformMockApply } from '../support/terraform-mock-apply';

const props: InspectionFirewallProps = {
  name: 'acme-prod-inspection',
  region: 'eu-west-1',
  vpcId: 'vpc-inspection',
  firewallSubnetIds: { 'eu-west-1a': 'subnet-fw-a', 'eu-west-1b': 'subnet-fw-b' },
  homeNetCidrs: ['10.32.0.0/12', '2001:db8::/48'],
  deniedDomains: ['.bad.example', 'exact.example'],
};

function synth(overrides: Partial<InspectionFirewallProps> = {}): string {
  return Testing.synthScope((scope) => {
    new InspectionFirewall(scope, 'inspection', { ...props, ...overrides });
  });
}

function resources(synthesized: string, type: string): Record<string, Record<string, any>> {
  return JSON.parse(synthesized).resource?.[type] ?? {};
}

function rulesOf(synthesized: string): string[] {
  const [group] = Object.values(resources(synthesized, 'aws_networkfirewall_rule_group'));
  return group.rule_group.rules_source.rules_string.split('\n');
}

describe('inspection firewall', () => {
  const synthesized = synth();

  describe('policy', () => {
    it('forwards every packet, fragments included, from the stateless to the stateful engine', () => {
      expect(synthesized).toHaveResourceWithProperties(NetworkfirewallFirewallPolicy, {
        firewall_policy: expect.objectContaining({
          stateless_default_actions: ['aws:forward_to_sfe'],
          stateless_fragment_default_actions: ['aws:forward_to_sfe'],
        }),
      });
    });

    it('evaluates in strict order and drops, with an alert, whatever no rule passes', () => {
      expect(synthesized).toHaveResourceWithProperties(NetworkfirewallFirewallPolicy, {
        firewall_policy: expect.objectContaining({
          stateful_engine_options: { rule_order: 'STRICT_ORDER', stream_exception_policy: 'DROP' },
          stateful_default_actions: ['aws:drop_established', 'aws:alert_established'],
        }),
      });
    });

    it('evaluates AWS managed known-bad domain lists before the baseline rule group', () => {
      const [policy] = Object.values(resources(synthesized, 'aws_networkfirewall_firewall_policy'));
      const references = policy.firewall_policy.stateful_rule_group_reference as { priority: number; resource_arn: string }[];
      expect(references.map((reference) => reference.resource_arn)).toEqual([
        'arn:aws:network-firewall:eu-west-1:aws-managed:stateful-rulegroup/AbusedLegitMalwareDomainsStrictOrder',
        'arn:aws:network-firewall:eu-west-1:aws-managed:stateful-rulegroup/MalwareDomainsStrictOrder',
        'arn:aws:network-firewall:eu-west-1:aws-managed:stateful-rulegroup/BotNetCommandAndControlDomainsStrictOrder',
        expect.stringMatching(/^\$\{aws_networkfirewall_rule_group\..*\.arn\}$/),
      ]);
      const priorities = references.map((reference) => reference.priority);
      expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
    });
  });

  describe('baseline rule group', () => {
    it('is a strict-order stateful group whose HOME_NET is the environment’s ranges', () => {
      expect(synthesized).toHaveResourceWithProperties(NetworkfirewallRuleGroup, {
        type: 'STATEFUL',
        rule_group: expect.objectContaining({
          stateful_rule_options: { rule_order: 'STRICT_ORDER' },
          rule_variables: { ip_sets: [{ key: 'HOME_NET', ip_set: { definition: ['10.32.0.0/12', '2001:db8::/48'] } }] },
        }),
      });
    });

    it('drops denied domains over TLS and HTTP before passing egress, and passes only TLS on 443 and HTTP on 80', () => {
      const rules = rulesOf(synthesized);
      expect(rules).toHaveLength(7);
      expect(rules[1]).toMatch(
        /^drop tls \$HOME_NET any -> \$EXTERNAL_NET any \(tls\.sni; dotprefix; content:"\.bad\.example"; nocase; endswith;/,
      );
      expect(rules[4]).toMatch(/^drop http .*http\.host; content:"exact\.example"; nocase; startswith; endswith;/);
      expect(rules.slice(-2)).toEqual([
        expect.stringMatching(/^pass tls \$HOME_NET any -> \$EXTERNAL_NET 443 /),
        expect.stringMatching(/^pass http \$HOME_NET any -> \$EXTERNAL_NET 80 /),
      ]);
      const sids = rules.map((rule) => rule.match(/sid:(\d+);/)?.[1]);
      expect(new Set(sids).size).toBe(rules.length);
    });
  });

  it('places the firewall in one subnet per AZ, delete-protected', () => {
    expect(synthesized).toHaveResourceWithProperties(NetworkfirewallFirewall, {
      vpc_id: 'vpc-inspection',
      delete_protection: true,
      subnet_mapping: [
        { subnet_id: 'subnet-fw-a', ip_address_type: 'IPV4' },
        { subnet_id: 'subnet-fw-b', ip_address_type: 'IPV4' },
      ],
    });
  });

  describe('dual-stack', () => {
    it('maps each subnet in dual-stack mode', () => {
      const [firewall] = Object.values(resources(synth({ dualStack: true }), 'aws_networkfirewall_firewall'));
      expect(firewall.subnet_mapping.map((mapping: { ip_address_type: string }) => mapping.ip_address_type)).toEqual([
        'DUALSTACK',
        'DUALSTACK',
      ]);
    });
  });

  it('logs alerts and flows to their own CloudWatch log groups', () => {
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/aws/network-firewall/acme-prod-inspection/alert',
      retention_in_days: 365,
    });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/network-firewall/acme-prod-inspection/flow' });
    const [logging] = Object.values(resources(synthesized, 'aws_networkfirewall_logging_configuration'));
    const destinations = logging.logging_configuration.log_destination_config as { log_type: string; log_destination_type: string }[];
    expect(destinations.map((destination) => [destination.log_type, destination.log_destination_type])).toEqual([
      ['ALERT', 'CloudWatchLogs'],
      ['FLOW', 'CloudWatchLogs'],
    ]);
    expect(synthesized).toHaveResource(NetworkfirewallLoggingConfiguration);
  });

  describe('endpoint ids', () => {
    it('looks up each AZ’s endpoint in the firewall’s sync states', () => {
      const endpoint = Testing.synthScope((scope) => {
        const firewall = new InspectionFirewall(scope, 'inspection', props);
        new Route(scope, 'to-firewall', {
          routeTableId: 'rtb-tgw-a',
          destinationCidrBlock: '0.0.0.0/0',
          vpcEndpointId: firewall.endpointIds['eu-west-1a'],
        });
      });
      const [route] = Object.values(resources(endpoint, 'aws_route'));
      expect(route.vpc_endpoint_id).toBe(
        '${{ for key, val in { for key, val in tolist(aws_networkfirewall_firewall.inspection_firewall_E8CA5939.firewall_status[0].sync_states): ' +
          'val.availability_zone => val }: val.availability_zone => val.attachment[0].endpoint_id }["eu-west-1a"]}',
      );
    });

    it('refuses an AZ without a firewall subnet', () => {
      expect(() => Testing.synthScope((scope) => void new InspectionFirewall(scope, 'inspection', props).endpointId('eu-west-1c'))).toThrow(
        'InspectionFirewall: no firewall subnet in eu-west-1c; add it to firewallSubnetIds',
      );
    });
  });

  describe('refuses', () => {
    it('an empty HOME_NET', () => {
      expect(() => synth({ homeNetCidrs: [] })).toThrow("homeNetCidrs is empty; give the environment's ranges");
    });

    it('a HOME_NET entry that is not a CIDR block', () => {
      expect(() => synth({ homeNetCidrs: ['10.32.0.0'] })).toThrow('homeNetCidrs entry 10.32.0.0 is not an IPv4 or IPv6 CIDR block');
    });

    it('a denied domain that could inject rule text', () => {
      expect(() => synth({ deniedDomains: ['bad.example"; sid:1;'] })).toThrow(
        'deniedDomains entry "bad.example\\"; sid:1;" is not a lower-case domain',
      );
    });

    it('an action-order managed rule group in a strict-order policy', () => {
      expect(() => synth({ managedDomainRuleGroups: ['MalwareDomainsActionOrder'] })).toThrow(
        'managedDomainRuleGroups entry MalwareDomainsActionOrder is not a StrictOrder group',
      );
    });

    it('a capacity below the number of rules', () => {
      expect(() => synth({ ruleGroupCapacity: 3 })).toThrow('ruleGroupCapacity 3 is below the 7 baseline rules; raise it');
    });
  });

  it('is valid for the real provider schema, and its endpoint lookup finds each AZ’s endpoint on a mocked apply', async () => {
    await terraformMockApply(
      (stack) => {
        const firewall = new InspectionFirewall(stack, 'inspection', { ...props, dualStack: true });
        new Route(stack, 'to-firewall-a', {
          routeTableId: 'rtb-tgw-a',
          destinationCidrBlock: '0.0.0.0/0',
          vpcEndpointId: firewall.endpointId('eu-west-1a'),
        });
        new TerraformOutput(stack, 'endpoints', { value: firewall.endpointIds });
      },
      `
mock_provider "aws" {
  mock_resource "aws_networkfirewall_rule_group" {
    defaults = { arn = "arn:aws:network-firewall:eu-west-1:111111111111:stateful-rulegroup/baseline" }
  }
  mock_resource "aws_networkfirewall_firewall_policy" {
    defaults = { arn = "arn:aws:network-firewall:eu-west-1:111111111111:firewall-policy/policy" }
  }
  mock_resource "aws_networkfirewall_firewall" {
    defaults = {
      arn = "arn:aws:network-firewall:eu-west-1:111111111111:firewall/firewall"
      firewall_status = [{
        status = "READY"
        configuration_sync_state_summary = "IN_SYNC"
        capacity_usage_summary = []
        sync_states = [
          { availability_zone = "eu-west-1b", attachment = [{ endpoint_id = "vpce-b", subnet_id = "subnet-fw-b", status = "READY", status_message = "" }] },
          { availability_zone = "eu-west-1a", attachment = [{ endpoint_id = "vpce-a", subnet_id = "subnet-fw-a", status = "READY", status_message = "" }] },
        ]
      }]
    }
  }
}

run "endpoint_ids_by_zone" {
  command = apply
  assert {
    condition     = output.endpoints == { "eu-west-1a" = "vpce-a", "eu-west-1b" = "vpce-b" }
    error_message = "endpoint ids by zone: \${jsonencode(output.endpoints)}"
  }
}
`,
    );
  });
});
