import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lz-cli-'));

describe('Terraform CLI config', () => {
  const cache = tmp();

  it('uses a filesystem mirror for hashicorp/aws when one is present, and a shared plugin cache', () => {
    const mirror = tmp();
    fs.mkdirSync(path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws'), { recursive: true });
    const setup = writeTerraformCliConfig(tmp(), { LZ_PROVIDER_MIRROR: mirror, TF_PLUGIN_CACHE_DIR: cache });
    const content = fs.readFileSync(setup.file, 'utf8');
    expect(setup.mirror).toBe(mirror);
    expect(content).toContain(`plugin_cache_dir = "${cache}"`);
    expect(content).toContain('plugin_cache_may_break_dependency_lock_file = true');
    expect(content).toContain(`filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/aws"]`);
    expect(content).toContain('direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]');
    expect(setup.env).toEqual({ TF_CLI_CONFIG_FILE: setup.file, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' });
  });

  it('falls back to the public registry when asked to, keeping the cache', () => {
    const setup = writeTerraformCliConfig(tmp(), { LZ_PROVIDER_MIRROR: 'none', TF_PLUGIN_CACHE_DIR: cache });
    expect(setup.mirror).toBeUndefined();
    expect(fs.readFileSync(setup.file, 'utf8')).not.toContain('provider_installation');
  });

  it('refuses a named mirror that does not hold the AWS provider', () => {
    expect(() => writeTerraformCliConfig(tmp(), { LZ_PROVIDER_MIRROR: tmp(), TF_PLUGIN_CACHE_DIR: cache })).toThrow(
      /holds no registry.terraform.io\/hashicorp\/aws/,
    );
  });
});
