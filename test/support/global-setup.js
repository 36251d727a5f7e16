/*
 * Once per test run, before any worker starts:
 * - `npm run build`, so tests that run the app as users do (`node dist/main.js`, the scripts) see
 *   the sources under test;
 * - one `terraform init` against the project's CLI config, so the shared plugin cache holds
 *   hashicorp/aws before parallel workers init their stacks (Terraform's cache is not safe for
 *   concurrent first installs; pipeline/terraform.ts retries, this avoids the race altogether);
 * - the whole sample, synthesized offline once (test/support/synth.ts hands a copy to every test
 *   that synthesizes the unchanged sample, instead of a synth of its own in each suite).
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

function synthesizeSample() {
  const { loadLandingZone } = require('../../dist/model/load');
  const { synthesizeModel } = require('../../dist/pipeline/synth-output');
  const { SAMPLE_SYNTH_ENV, modelKey } = require('./sample-synth');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-sample-synth-'));
  const model = loadLandingZone(path.join(__dirname, '..', '..', 'environments'));
  const outdir = path.join(dir, 'out');
  fs.writeFileSync(path.join(dir, 'model.sha256'), modelKey(model));
  synthesizeModel(model, { mode: 'offline', outdir, stateDir: path.join(outdir, 'live-state') });
  process.env[SAMPLE_SYNTH_ENV] = dir;
}

module.exports = async function globalSetup() {
  build();
  warmPluginCache();
  synthesizeSample();
};
