/**
 * Interface-endpoint services the landing zone can centralize: the name after
 * `com.amazonaws.<region>.`. Validation rejects anything else, so a typo never reaches AWS.
 */
export const INTERFACE_ENDPOINT_SERVICES = [
  'ec2',
  'ec2messages',
  'ecr.api',
  'ecr.dkr',
  'ecs',
  'ecs-agent',
  'ecs-telemetry',
  'elasticloadbalancing',
  'events',
  'execute-api',
  'kms',
  'lambda',
  'logs',
  'monitoring',
  'secretsmanager',
  'sns',
  'sqs',
  'ssm',
  'ssmmessages',
  'states',
  'sts',
  'xray',
] as const;

export type InterfaceEndpointService = (typeof INTERFACE_ENDPOINT_SERVICES)[number];

/** Gateway endpoints exist only for these two services; they are free and are route-table targets. */
export const GATEWAY_ENDPOINT_SERVICES = ['s3', 'dynamodb'] as const;
