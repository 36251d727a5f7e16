import { policyDocument, type PolicyDocument } from '../containers/iam';

export interface ClusterKeyPolicyProps {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /** Principals from config (deploy role, cluster admins); never the identity running the plan. */
  readonly keyAdministratorArns: readonly string[];
  readonly clusterRoleArn: string;
  readonly logGroupName: string;
}

const ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/**
 * The secrets key of a cluster: the account root (so IAM policies apply and the key can never be
 * orphaned), the administrators named in config, the cluster role for envelope encryption, and
 * CloudWatch Logs for the control-plane log group only.
 */
export function clusterKeyPolicy(props: ClusterKeyPolicyProps): PolicyDocument {
  const { partition, region, accountId } = props;
  return policyDocument([
    {
      Sid: 'AccountRoot',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'KeyAdministrators',
      Effect: 'Allow',
      Principal: { AWS: [...props.keyAdministratorArns] },
      Action: ADMIN_ACTIONS,
      Resource: '*',
    },
    {
      Sid: 'ClusterEncryptsSecrets',
      Effect: 'Allow',
      Principal: { AWS: props.clusterRoleArn },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey',
        'kms:CreateGrant',
        'kms:ListGrants',
      ],
      Resource: '*',
    },
    {
      Sid: 'ControlPlaneLogs',
      Effect: 'Allow',
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${accountId}:log-group:${props.logGroupName}` },
      },
    },
  ]);
}
