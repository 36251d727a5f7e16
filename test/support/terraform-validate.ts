import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { terraform, terraformInit } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

export interface ScratchStack {
  /** The stack's working directory (cdk.tf.json). */
  readonly dir: string;
  /** Environment for Terraform (the project's CLI config: mirror and plugin cache). */
  readonly env: Record<string, string>;
}

/**
 * Synthesizes `build` into a one-stack app with an offline AWS provider (plus a `network` alias)
 * and runs `terraform init` there, ready for validate, test or plan.
 */
export async function initScratchStack(prefix: string, build: (stack: TerraformStack) => void): Promise<ScratchStack> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'check');
  const offline = { region: 'eu-west-1', accessKey: 'x', secretKey: 'x', skipCredentialsValidation: true, skipRequestingAccountId: true };
  new AwsProvider(stack, 'aws', offline);
  new AwsProvider(stack, 'network', { ...offline, alias: 'network' });
  build(stack);
  app.synth();
  const dir = path.join(outdir, 'stacks', 'check');
  const { env } = writeTerraformCliConfig(path.join(outdir, '.terraform-cli'));
  await terraformInit(['-input=false', '-no-color', '-backend=false'], dir, env);
  return { dir, env };
}

/**
 * Runs `terraform validate` on `build` against the real hashicorp/aws schema. Rejects with
 * Terraform's diagnostics when the configuration is invalid. About 4 s: use sparingly in tests.
 */
export async function terraformValidate(build: (stack: TerraformStack) => void): Promise<void> {
  const { dir, env } = await initScratchStack('lz-validate', build);
  await terraform(['validate', '-no-color'], dir, env);
}
