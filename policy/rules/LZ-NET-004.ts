import type { PolicyRule } from '../types';
import { blocks } from '../values';

const RULE_RESOURCES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

/*
 * AWS creates every VPC with a default security group that allows all traffic between its members
 * and all egress. Only an aws_default_security_group with no rules takes them away.
 */
export const defaultSecurityGroupDeniesAll: PolicyRule = {
  id: 'LZ-NET-004',
  checkov: 'CKV2_AWS_12',
  title: "Every VPC's default security group restricts all traffic",
  severity: 'error',
  resourceTypes: ['aws_vpc', 'aws_default_security_group', ...RULE_RESOURCES],
  evaluate: (resource, context) => {
    if (resource.type === 'aws_vpc') {
      const managed = context.referencing(resource, ['aws_default_security_group'], 'vpc_id');
      return managed.length > 0
        ? []
        : [{ detail: 'has no aws_default_security_group, so its default security group keeps the AWS rules (all traffic)' }];
    }
    if (resource.type === 'aws_default_security_group') {
      const ingress = blocks(resource.values.ingress).length;
      const egress = blocks(resource.values.egress).length;
      return ingress + egress === 0 ? [] : [{ detail: `has ${ingress} ingress and ${egress} egress rules` }];
    }
    const target = context
      .ofType('aws_default_security_group')
      .find((group) => resource.references.security_group_id?.includes(group.configAddress));
    return target ? [{ detail: `adds a rule to the default security group ${target.address}` }] : [];
  },
  fix: 'give the VPC an aws_default_security_group with ingress = [] and egress = [] (TieredVpc does), and put rules on security groups of your own',
};
