import type { PolicyRule } from '../types';

/** Flow logs must record accepted and rejected traffic: one log with ALL, or an ACCEPT and a REJECT log. */
export const vpcFlowLogsEnabled: PolicyRule = {
  id: 'LZ-NET-005',
  checkov: 'CKV2_AWS_11',
  title: 'Every VPC has flow logs of accepted and rejected traffic',
  severity: 'error',
  resourceTypes: ['aws_vpc'],
  evaluate: (resource, context) => {
    const flowLogs = context.referencing(resource, ['aws_flow_log'], 'vpc_id');
    if (flowLogs.length === 0) return [{ detail: 'has no aws_flow_log' }];
    const types = flowLogs.map((log) => log.values.traffic_type);
    if (types.some((type) => type === undefined || type === 'ALL')) return [];
    return types.includes('ACCEPT') && types.includes('REJECT') ? [] : [{ detail: `has flow logs of ${types.join(', ')} traffic only` }];
  },
  fix: 'add an aws_flow_log with vpc_id set to the VPC and traffic_type = "ALL"',
};
