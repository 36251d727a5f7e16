import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { terraform } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

/**
 * Synthesizes `build` into a one-stack app with an offline AWS provider (plus a `network` alias)
 * and runs `terraform init` + `validate` against the real hashicorp/aws schema. Rejects with
 * Terraform's diagnostics when the configuration is invalid. About 4 s: use sparingly in tests.
 */
export async function terraformValidate(build: (stack: TerraformStack) => void): Promise<void> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-validate-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'check');
  const offline = { region: 'eu-west-1', accessKey: 'x', secretKey: 'x', skipCredentialsValidation: true, skipRequestingAccountId: true };
  new AwsProvider(stack, 'aws', offline);
  new AwsProvider(stack, 'network', { ...offline, alias: 'network' });
  build(stack);
  app.synth();
  const cli = writeTerraformCliConfig(path.join(outdir, '.terraform-cli'));
  const dir = path.join(outdir, 'stacks', 'check');
  await terraform(['init', '-input=false', '-no-color', '-backend=false'], dir, cli.env);
  await terraform(['validate', '-no-color'], dir, cli.env);
}
