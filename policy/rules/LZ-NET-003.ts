import { describePermission, ingressPermissions, reachesEveryPort, SECURITY_GROUP_INGRESS_TYPES } from '../security-group-ingress';
import type { PolicyRule } from '../types';

export const noAllPortsFromAnywhere: PolicyRule = {
  id: 'LZ-NET-003',
  checkov: 'CKV_AWS_277',
  title: 'No security group ingress from 0.0.0.0/0 or ::/0 to every port',
  severity: 'error',
  resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
  evaluate: (resource) =>
    ingressPermissions(resource)
      .filter((permission) => permission.anywhereSources.length > 0 && reachesEveryPort(permission))
      .map((permission) => ({ detail: describePermission(permission) })),
  fix: 'open only the ports the service listens on (e.g. tcp 443), not protocol -1 or 0-65535',
};
