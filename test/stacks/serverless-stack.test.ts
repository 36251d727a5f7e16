import { readConfigDir } from '../../model/load';
import { SAMPLE_DIR, sampleModel } from '../support/config';
import { synthesize, type StackJson } from '../support/synth';

const { stacks } = synthesize(sampleModel(readConfigDir(SAMPLE_DIR)));
const resourcesOf = (stack: StackJson, type: string): Record<string, any>[] => Object.values(stack.resource?.[type] ?? {});

describe('serverless in the sample workload stacks', () => {
  describe.each(['dev', 'staging', 'prod'])('%s', (environment) => {
    const payments = stacks[`${environment}-workloads-payments-${environment}`];
    const orders = stacks[`${environment}-workloads-orders-${environment}`];

    it('has a private REST API whose endpoint and policy name the hub’s execute-api endpoint from remote state', () => {
      const [api] = resourcesOf(payments, 'aws_api_gateway_rest_api');
      const endpoint = '${data.terraform_remote_state.hub-outputs-serverless.outputs.interface_endpoint_ids["execute-api"]}';
      expect(api.endpoint_configuration).toEqual({ types: ['PRIVATE'], vpc_endpoint_ids: [endpoint] });
      const [policy] = resourcesOf(payments, 'aws_api_gateway_rest_api_policy');
      // Not JSON until Terraform interpolates the reference (its quotes sit inside the string).
      expect(policy.policy).toContain(`"StringEquals":{"aws:SourceVpce":["${endpoint}"]}`);
      expect(payments.data.terraform_remote_state['hub-outputs-serverless'].config.path).toContain(`${environment}-network-hub`);
    });

    it('has a Lambda token authorizer and a usage plan with API keys', () => {
      expect(resourcesOf(payments, 'aws_api_gateway_authorizer').map((authorizer) => authorizer.type)).toEqual(['TOKEN']);
      expect(resourcesOf(payments, 'aws_api_gateway_usage_plan_key')).toHaveLength(2);
    });

    it('owns the account’s API Gateway CloudWatch role once, and the orders stack (HTTP API only) does not', () => {
      expect(resourcesOf(payments, 'aws_api_gateway_account')).toHaveLength(1);
      expect(resourcesOf(orders, 'aws_api_gateway_account')).toHaveLength(0);
    });

    it('has a public HTTP API in the orders account, behind a JWT authorizer', () => {
      expect(resourcesOf(orders, 'aws_apigatewayv2_api')).toHaveLength(1);
      expect(resourcesOf(orders, 'aws_apigatewayv2_route').map((route) => route.authorization_type)).toEqual(['JWT']);
    });
  });
});
