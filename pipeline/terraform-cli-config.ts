import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const DEFAULT_PROVIDER_MIRROR = '/opt/tf-plugins';
const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

export interface TerraformCliSetup {
  /** The CLI config file written. */
  readonly file: string;
  /** Filesystem mirror in use, or undefined for the public registry. */
  readonly mirror?: string;
  readonly pluginCacheDir: string;
  /** Environment for every Terraform process (and for `cdktf deploy`). */
  readonly env: Record<string, string>;
}

/**
 * Writes the project's own Terraform CLI config: a shared plugin cache, and a filesystem mirror for
 * hashicorp/aws when one is present (`LZ_PROVIDER_MIRROR`, else /opt/tf-plugins; `none` for the
 * public registry). The environment's own TF_CLI_CONFIG_FILE is ignored on purpose.
 */
export function writeTerraformCliConfig(workDir: string, env: NodeJS.ProcessEnv = process.env): TerraformCliSetup {
  const mirror = chooseMirror(env);
  const pluginCacheDir = path.resolve(
    env.TF_PLUGIN_CACHE_DIR || path.join(os.homedir(), '.cache', 'aws-landing-zone', 'terraform-plugins'),
  );
  fs.mkdirSync(pluginCacheDir, { recursive: true });
  fs.mkdirSync(workDir, { recursive: true });
  const file = path.resolve(workDir, 'terraform.rc');
  const installation = mirror
    ? [
        'provider_installation {',
        `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["${AWS_PROVIDER}"]\n  }`,
        `  direct {\n    exclude = ["${AWS_PROVIDER}"]\n  }`,
        '}',
      ]
    : [];
  const content = [
    `# Written by aws-landing-zone; do not edit.`,
    `plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}`,
    // Stack directories have no lock file, and without this Terraform re-installs the provider into
    // the cache on every init (for an unpacked mirror it deletes and re-creates the cache's link), so
    // a plan running in another process can find no provider binary. With it, an init only links
    // from the cache. The lock file then records only this platform's checksum, as a mirror already does.
    'plugin_cache_may_break_dependency_lock_file = true',
    ...installation,
    '',
  ].join('\n');
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) fs.writeFileSync(file, content);
  return {
    file,
    mirror,
    pluginCacheDir,
    env: { TF_CLI_CONFIG_FILE: file, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
  };
}

function chooseMirror(env: NodeJS.ProcessEnv): string | undefined {
  const requested = env.LZ_PROVIDER_MIRROR?.trim();
  if (requested === 'none' || requested === '') return undefined;
  const candidate = path.resolve(requested ?? DEFAULT_PROVIDER_MIRROR);
  const hasAws = fs.existsSync(path.join(candidate, AWS_PROVIDER));
  if (requested && !hasAws) {
    throw new Error(
      `LZ_PROVIDER_MIRROR=${requested} holds no ${AWS_PROVIDER}; point it at a filesystem mirror (terraform providers mirror <dir>) or set it to none`,
    );
  }
  return hasAws ? candidate : undefined;
}
