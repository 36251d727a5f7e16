import { secretResourceArn, secretService, type EcsContainerProps } from './container-definitions';
import type { PolicyStatement } from './iam';

/*
 * Least-privilege statements of a service's two roles. The execution role is what ECS uses to
 * start the task (pull the image, write logs, read secrets); the task role is what the code runs as.
 */

export interface ExecutionRoleGrants {
  /** ECR repositories the images come from. */
  readonly ecrRepositoryArns: readonly string[];
  /** The service's log group ARN. */
  readonly logGroupArn: string;
  readonly containers: Readonly<Record<string, EcsContainerProps>>;
  /** KMS keys that encrypt the secrets or parameters. */
  readonly secretKmsKeyArns: readonly string[];
}

export function executionRoleStatements(grants: ExecutionRoleGrants): PolicyStatement[] {
  const secrets = Object.values(grants.containers).flatMap((container) => Object.values(container.secrets ?? {}));
  const secretArns = unique(secrets.filter((arn) => secretService(arn) === 'secretsmanager').map(secretResourceArn));
  const parameterArns = unique(secrets.filter((arn) => secretService(arn) === 'ssm'));
  const statements: PolicyStatement[] = [
    {
      Sid: 'WriteServiceLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${grants.logGroupArn}:*`,
    },
  ];
  if (grants.ecrRepositoryArns.length > 0) {
    // GetAuthorizationToken is account-wide: it cannot be scoped to a repository.
    statements.push({ Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' });
    statements.push({
      Sid: 'PullImages',
      Effect: 'Allow',
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      Resource: unique(grants.ecrRepositoryArns),
    });
  }
  if (secretArns.length > 0) {
    statements.push({ Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArns });
  }
  if (parameterArns.length > 0)
    statements.push({ Sid: 'ReadParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: parameterArns });
  if (grants.secretKmsKeyArns.length > 0 && secrets.length > 0) {
    statements.push({ Sid: 'DecryptSecrets', Effect: 'Allow', Action: 'kms:Decrypt', Resource: unique(grants.secretKmsKeyArns) });
  }
  return statements;
}

export interface ExecGrants {
  /** Log group of ECS Exec sessions (the cluster's). */
  readonly execLogGroupArn: string;
  /** Key that encrypts exec sessions and their logs (the cluster's). */
  readonly kmsKeyArn: string;
}

/** What the SSM agent inside the task needs for ECS Exec, with sessions logged and encrypted. */
export function execStatements(grants: ExecGrants): PolicyStatement[] {
  return [
    {
      Sid: 'ExecSessionChannels',
      Effect: 'Allow',
      Action: [
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ],
      Resource: '*',
    },
    { Sid: 'ExecFindLogGroup', Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
    {
      Sid: 'ExecWriteSessionLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${grants.execLogGroupArn}:*`,
    },
    { Sid: 'ExecDecryptSessions', Effect: 'Allow', Action: 'kms:Decrypt', Resource: grants.kmsKeyArn },
  ];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
