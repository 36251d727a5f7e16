import { describePermission, ingressPermissions, reachesPort, SECURITY_GROUP_INGRESS_TYPES } from '../security-group-ingress';
import type { PolicyRule } from '../types';

export const noRdpFromAnywhere: PolicyRule = {
  id: 'LZ-NET-002',
  checkov: 'CKV_AWS_25',
  title: 'No security group ingress from 0.0.0.0/0 or ::/0 to port 3389 (RDP)',
  severity: 'error',
  resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
  evaluate: (resource) =>
    ingressPermissions(resource)
      .filter((permission) => permission.anywhereSources.length > 0 && reachesPort(permission, 3389))
      .map((permission) => ({ detail: describePermission(permission) })),
  fix: 'allow port 3389 only from known CIDRs or security groups, or use SSM Session Manager (port forwarding) and close port 3389',
};
