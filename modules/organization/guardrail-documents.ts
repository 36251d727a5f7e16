/** Policy documents of the guardrail SCPs; plain data, so tests can read them directly. */

import type { PolicyCondition, PolicyDocument } from '../shared/policy-document';

/** Services that are global or run their control plane in us-east-1; a region allow-list must not block them. */
export const GLOBAL_SERVICE_ACTIONS = [
  'a4b:*',
  'account:*',
  'acm:*',
  'aws-marketplace-management:*',
  'aws-marketplace:*',
  'aws-portal:*',
  'budgets:*',
  'ce:*',
  'chime:*',
  'cloudfront:*',
  'config:*',
  'cur:*',
  'directconnect:*',
  'ec2:DescribeRegions',
  'ec2:DescribeTransitGateways',
  'ec2:DescribeVpnGateways',
  'fms:*',
  'globalaccelerator:*',
  'health:*',
  'iam:*',
  'importexport:*',
  'kms:*',
  'networkmanager:*',
  'organizations:*',
  'pricing:*',
  'route53:*',
  'route53domains:*',
  'route53-recovery-cluster:*',
  'route53-recovery-control-config:*',
  'route53-recovery-readiness:*',
  's3:GetAccountPublic*',
  's3:ListAllMyBuckets',
  's3:ListMultiRegionAccessPoints',
  's3:PutAccountPublic*',
  'shield:*',
  'sso:*',
  'sts:*',
  'support:*',
  'trustedadvisor:*',
  'waf-regional:*',
  'waf:*',
  'wafv2:*',
  'wellarchitected:*',
] as const;

const SECURITY_SERVICE_ACTIONS = [
  'cloudtrail:DeleteTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:StopLogging',
  'cloudtrail:UpdateTrail',
  'guardduty:DeleteDetector',
  'guardduty:DeleteMembers',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:DisassociateMembers',
  'guardduty:StopMonitoringMembers',
  'guardduty:UpdateDetector',
  'config:DeleteConfigRule',
  'config:DeleteConfigurationRecorder',
  'config:DeleteDeliveryChannel',
  'config:DeleteRetentionConfiguration',
  'config:StopConfigurationRecorder',
] as const;

export function denyLeavingOrganization(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyLeavingOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
  };
}

export function protectSecurityServices(exemptRoleNames: readonly string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectSecurityServices',
        Effect: 'Deny',
        Action: [...SECURITY_SERVICE_ACTIONS],
        Resource: '*',
        ...exemptCondition(exemptRoleNames),
      },
    ],
  };
}

export function restrictRegions(allowedRegions: readonly string[], exemptRoleNames: readonly string[]): PolicyDocument {
  const exempt = exemptCondition(exemptRoleNames).Condition ?? {};
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyOutsideAllowedRegions',
        Effect: 'Deny',
        NotAction: [...GLOBAL_SERVICE_ACTIONS],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': [...allowedRegions] }, ...exempt },
      },
    ],
  };
}

function exemptCondition(roleNames: readonly string[]): { Condition?: PolicyCondition } {
  if (roleNames.length === 0) return {};
  return { Condition: { ArnNotLike: { 'aws:PrincipalARN': roleNames.map((name) => `arn:aws:iam::*:role/${name}`) } } };
}
