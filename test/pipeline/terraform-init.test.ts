import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { terraformInit } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

const providerRoot = { terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } } };

/** A scratch plugin cache and CLI config; TF_PLUGIN_CACHE_DIR too, as Terraform reads it before its CLI config. */
function scratch() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-init-'));
  const cache = path.join(work, 'plugin-cache');
  const setup = writeTerraformCliConfig(path.join(work, 'cli'), { ...process.env, TF_PLUGIN_CACHE_DIR: cache });
  const root = (name: string) => {
    const dir = path.join(work, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(providerRoot));
    return dir;
  };
  return { cache, env: { ...setup.env, TF_PLUGIN_CACHE_DIR: cache }, root };
}

const initArgs = ['-input=false', '-no-color', '-backend=false'];

describe('terraform init against a shared plugin cache', () => {
  it('leaves the cached provider untouched once it is there, so plans of other stacks keep their binary', async () => {
    const { cache, env, root } = scratch();
    await terraformInit(initArgs, root('first'), env);
    const entry = path.join(cache, 'registry.terraform.io', 'hashicorp', 'aws', '5.100.0', 'linux_amd64');
    const before = fs.lstatSync(entry, { bigint: true });
    await terraformInit(initArgs, root('second'), env);
    const after = fs.lstatSync(entry, { bigint: true });
    expect([after.ino, after.ctimeNs]).toEqual([before.ino, before.ctimeNs]);
  });

  it('succeeds for every one of several processes installing into an empty cache at once', async () => {
    const { cache, env, root } = scratch();
    const roots = ['a', 'b', 'c'].map(root);
    await Promise.all(roots.map((dir) => terraformInit(initArgs, dir, env)));
    for (const dir of roots) expect(fs.existsSync(path.join(dir, '.terraform.lock.hcl'))).toBe(true);
    expect(fs.readdirSync(path.join(cache, 'registry.terraform.io', 'hashicorp', 'aws'))).toEqual(['5.100.0']);
  });
});
