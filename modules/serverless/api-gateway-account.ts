import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { Construct } from 'constructs';
import { ServiceRole, serviceTrustPolicy } from '../containers/iam';

export interface ApiGatewayCloudWatchRoleProps {
  /** Role name. CAUTION: changing it replaces the role (and briefly leaves execution logging without one). */
  readonly name: string;
  readonly accountId: string;
}

/**
 * The API Gateway account settings of one account and region: the role API Gateway writes
 * execution logs with. A singleton: exactly one stack per account and region may own it, or the
 * stacks overwrite each other's role.
 */
export class ApiGatewayCloudWatchRole extends Construct {
  readonly role: ServiceRole;
  readonly account: ApiGatewayAccount;

  constructor(scope: Construct, id: string, props: ApiGatewayCloudWatchRoleProps) {
    super(scope, id);
    this.role = new ServiceRole(this, 'role', {
      name: props.name,
      description: 'API Gateway writes execution and access logs to CloudWatch Logs',
      trustPolicy: serviceTrustPolicy('apigateway.amazonaws.com', props.accountId),
      managedPolicyArns: { 'push-to-cloudwatch': 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' },
    });
    this.account = new ApiGatewayAccount(this, 'account', { cloudwatchRoleArn: this.role.roleArn });
  }
}
