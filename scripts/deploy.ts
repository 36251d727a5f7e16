/*
 * npm run deploy -- <stack>... [cdktf deploy options]: `cdktf deploy` with the project's Terraform
 * CLI config (mirror, plugin cache). Refuses to run in offline mode: an offline synth is plan-only.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { decideMode, synthSettingsFromEnv } from '../pipeline/mode';
import { writeTerraformCliConfig } from '../pipeline/terraform-cli-config';
import { installReadableStacks } from '../pipeline/readable-stacks';

installReadableStacks();

function main(): number {
  const args = process.argv.slice(2);
  const decision = decideMode();
  if (decision.mode === 'offline') {
    console.error(
      `Refusing to deploy: the synth would be offline (${decision.reason}).\n` +
        'Offline stacks carry dummy credentials and cannot be applied. Provide AWS credentials that can assume ' +
        'the deploy role in each target account (see README, "Deploying for real") and run again.',
    );
    return 2;
  }
  if (args.filter((arg) => !arg.startsWith('-')).length === 0) {
    console.error("Name the stacks to deploy, e.g. npm run deploy -- org, or npm run deploy -- 'dev-*'");
    return 2;
  }
  const settings = synthSettingsFromEnv(process.env, decision);
  const cli = writeTerraformCliConfig(path.join(settings.outdir, '.terraform-cli'));
  const result = spawnSync('npx', ['cdktf', 'deploy', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...cli.env, LZ_OFFLINE: '0' },
  });
  return result.status ?? 1;
}

process.exit(main());
