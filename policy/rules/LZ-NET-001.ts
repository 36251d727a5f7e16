import { describePermission, ingressPermissions, reachesPort, SECURITY_GROUP_INGRESS_TYPES } from '../security-group-ingress';
import type { PolicyRule } from '../types';

export const noSshFromAnywhere: PolicyRule = {
  id: 'LZ-NET-001',
  checkov: 'CKV_AWS_24',
  title: 'No security group ingress from 0.0.0.0/0 or ::/0 to port 22 (SSH)',
  severity: 'error',
  resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
  evaluate: (resource) =>
    ingressPermissions(resource)
      .filter((permission) => permission.anywhereSources.length > 0 && reachesPort(permission, 22))
      .map((permission) => ({ detail: describePermission(permission) })),
  fix: 'allow port 22 only from known CIDRs or security groups, or use SSM Session Manager and close port 22',
};
