import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { terraformInit } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

describe('terraform init against a shared plugin cache', () => {
  it('succeeds for every one of several processes installing into an empty cache at once', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-init-race-'));
    const cache = path.join(work, 'plugin-cache');
    const setup = writeTerraformCliConfig(path.join(work, 'cli'), { ...process.env, TF_PLUGIN_CACHE_DIR: cache });
    // Terraform reads TF_PLUGIN_CACHE_DIR before its CLI config: set it too, in case the caller's environment has one.
    const env = { ...setup.env, TF_PLUGIN_CACHE_DIR: cache };
    const roots = ['a', 'b', 'c'].map((name) => {
      const dir = path.join(work, name);
      fs.mkdirSync(dir);
      const root = { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } } };
      fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(root));
      return dir;
    });
    await Promise.all(roots.map((dir) => terraformInit(['-input=false', '-no-color', '-backend=false'], dir, env)));
    for (const dir of roots) expect(fs.existsSync(path.join(dir, '.terraform.lock.hcl'))).toBe(true);
    expect(fs.readdirSync(path.join(cache, 'registry.terraform.io', 'hashicorp', 'aws'))).toEqual(['5.100.0']);
  });
});
