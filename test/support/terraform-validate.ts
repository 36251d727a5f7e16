import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { terraformInit } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

export interface ScratchStack {
  /** The stack's working directory (cdk.tf.json). */
  readonly dir: string;
  /** Environment for Terraform (the project's CLI config: mirror and plugin cache). */
  readonly env: Record<string, string>;
}

/**
 * Gives `stack` the offline AWS provider every scratch configuration uses (no credentials, no
 * account lookup) and a second one aliased `network`, for modules that take a provider.
 */
export function addOfflineProviders(stack: TerraformStack): void {
  const offline = { region: 'eu-west-1', accessKey: 'x', secretKey: 'x', skipCredentialsValidation: true, skipRequestingAccountId: true };
  new AwsProvider(stack, 'aws', offline);
  new AwsProvider(stack, 'network', { ...offline, alias: 'network' });
}

/**
 * Synthesizes `build` into a one-stack app with the offline providers (addOfflineProviders) and
 * runs `terraform init` there, ready for validate, test or plan. To validate module
 * configurations, add a case to test/modules/validate-cases.ts instead: those share one Terraform
 * run (terraform-validate-cases.ts).
 */
export async function initScratchStack(prefix: string, build: (stack: TerraformStack) => void): Promise<ScratchStack> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'check');
  addOfflineProviders(stack);
  build(stack);
  app.synth();
  const dir = path.join(outdir, 'stacks', 'check');
  const { env } = writeTerraformCliConfig(path.join(outdir, '.terraform-cli'));
  await terraformInit(['-input=false', '-no-color', '-backend=false'], dir, env);
  return { dir, env };
}
