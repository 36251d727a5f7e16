import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { terraform } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

/**
 * Synthesizes `build` into a one-stack app (providers `aws` and alias `network`, as in
 * terraformValidate) and runs `terraform test` with `tests`: the body of a `.tftest.hcl` file with
 * `mock_provider "aws"` blocks and `run` blocks using `command = apply`. Both providers are mocked
 * (an empty `mock_provider "aws" { alias = "network" }` is added), so nothing calls AWS.
 *
 * Why not validate alone: `terraform validate` does not type-check the body of a for expression
 * over a computed (unknown) list, so a wrong attribute name there passes. A mocked apply computes
 * every attribute locally and evaluates such expressions on concrete values. About 6 s.
 */
export async function terraformMockApply(build: (stack: TerraformStack) => void, tests: string): Promise<void> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-mock-apply-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'check');
  const offline = { region: 'eu-west-1', accessKey: 'x', secretKey: 'x', skipCredentialsValidation: true, skipRequestingAccountId: true };
  new AwsProvider(stack, 'aws', offline);
  new AwsProvider(stack, 'network', { ...offline, alias: 'network' });
  build(stack);
  app.synth();
  const dir = path.join(outdir, 'stacks', 'check');
  fs.writeFileSync(path.join(dir, 'check.tftest.hcl'), `mock_provider "aws" {\n  alias = "network"\n}\n\n${tests}\n`);
  const cli = writeTerraformCliConfig(path.join(outdir, '.terraform-cli'));
  await terraform(['init', '-input=false', '-no-color', '-backend=false'], dir, cli.env);
  await terraform(['test', '-no-color'], dir, cli.env);
}
