import type { EcsClusterAttributes } from '../../../modules/containers/ecs-cluster';
import type { EcsServiceProps } from '../../../modules/containers/ecs-service';

/** Shared inputs of the container module tests: a cluster read from outputs, and an orders API. */

export const ACCOUNT = '222222222222';
export const REGION = 'eu-west-1';

export const cluster: EcsClusterAttributes = {
  clusterName: 'orders',
  clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/orders`,
  serviceConnectNamespaceArn: `arn:aws:servicediscovery:${REGION}:${ACCOUNT}:namespace/ns-abc`,
  kmsKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111-2222`,
  execLogGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/ecs/orders/exec`,
};

export const REPOSITORY_ARN = `arn:aws:ecr:${REGION}:111111111111:repository/orders-api`;
export const DB_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:orders/db-AbCdEf`;
export const FLAG_PARAMETER_ARN = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/orders/flags`;

export const apiProps: EcsServiceProps = {
  name: 'orders-api',
  cluster,
  accountId: ACCOUNT,
  region: REGION,
  vpcId: 'vpc-1',
  subnetIds: ['subnet-a', 'subnet-b'],
  containers: {
    app: {
      image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders-api:1.4.2',
      portMappings: { http: { containerPort: 8080, serviceConnect: { dnsName: 'orders-api', port: 80 } } },
      environment: { LOG_LEVEL: 'info' },
      secrets: { DB_PASSWORD: `${DB_SECRET_ARN}:password::`, FEATURE_FLAGS: FLAG_PARAMETER_ARN },
    },
  },
  ecrRepositoryArns: [REPOSITORY_ARN],
  callers: { securityGroupIds: { web: 'sg-web' }, ipv4Cidrs: { 'shared-services': '10.16.0.0/20' } },
};
