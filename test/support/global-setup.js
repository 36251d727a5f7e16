/*
 * Once per test run, before any worker starts:
 * - `npm run build`, so tests that run the app as users do (`node dist/main.js`, the scripts) see
 *   the sources under test;
 * - one `terraform init` against the project's CLI config, so the shared plugin cache holds
 *   hashicorp/aws before parallel workers init their stacks (Terraform's cache is not safe for
 *   concurrent first installs; pipeline/terraform.ts retries, this avoids the race altogether).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build } = require('../../scripts/build');

function warmPluginCache() {
  const { writeTerraformCliConfig } = require('../../dist/pipeline/terraform-cli-config');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-warm-cache-'));
  const { env } = writeTerraformCliConfig(path.join(dir, '.terraform-cli'));
  const root = { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } } };
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(root));
  const init = spawnSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], {
    cwd: dir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  fs.rmSync(dir, { recursive: true, force: true });
  if (init.status !== 0) throw new Error(`warming the Terraform plugin cache failed:\n${init.stderr}${init.stdout}`);
}

module.exports = async function globalSetup() {
  build();
  warmPluginCache();
};
