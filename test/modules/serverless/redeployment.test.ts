import { TerraformOutput, TerraformVariable } from 'cdktf';
import { RestApi } from '../../../modules/serverless/rest-api';
import { terraformMockApply } from '../../support/terraform-mock-apply';
import { restProps } from './fixtures';

/*
 * The provider#162 trap under Terraform itself (mocked provider, nothing calls AWS): apply, change
 * one method's authorization outside the synth-time hash (through a variable), apply again. The
 * deployment's plan-time trigger must change, and stay put when nothing changes. `triggers` forces
 * replacement in the provider schema; a mocked provider does not model ForceNew (it updates in
 * place), so the replacement itself is asserted on the synthesized JSON (rest-api.test.ts).
 */
describe('rest api redeployment under terraform test', () => {
  it('changes the deployment trigger when one method changes, and only then', async () => {
    await expect(
      terraformMockApply(
        (stack) => {
          const authorization = new TerraformVariable(stack, 'get_order_authorization', { type: 'string', default: 'CUSTOM' });
          const route = {
            ...restProps.routes['get-order'],
            authorization: { type: authorization.stringValue as 'CUSTOM', authorizer: 'token' },
          };
          const api = new RestApi(stack, 'api', { ...restProps, routes: { ...restProps.routes, 'get-order': route } });
          new TerraformOutput(stack, 'trigger', { value: api.deployment.triggersInput?.resources });
          new TerraformOutput(stack, 'stage_deployment_id', { value: api.stage.deploymentId });
          new TerraformOutput(stack, 'deployment_id', { value: api.deployment.id });
        },
        `mock_provider "aws" {
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:111111111111:log-group:access" }
  }
  mock_resource "aws_api_gateway_rest_api" {
    defaults = { execution_arn = "arn:aws:execute-api:eu-west-1:111111111111:a1b2c3d4e5" }
  }
}

run "first" {
  command = apply
}

run "one_method_changed" {
  command = apply
  variables {
    get_order_authorization = "AWS_IAM"
  }
  assert {
    condition     = output.trigger != run.first.trigger
    error_message = "the deployment trigger did not change with the method"
  }
  assert {
    condition     = output.stage_deployment_id == output.deployment_id
    error_message = "the stage is not on the deployment"
  }
}

run "nothing_changed" {
  command = apply
  variables {
    get_order_authorization = "AWS_IAM"
  }
  assert {
    condition     = output.trigger == run.one_method_changed.trigger
    error_message = "the deployment trigger changed without a change"
  }
}`,
      ),
    ).resolves.toBeUndefined();
  }, 300_000);
});
