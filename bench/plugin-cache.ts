import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diskUsageKb, measureOrFail, type Measurement } from './measure';
import type { BenchStack, TerraformSetup } from './terraform-phases';

/*
 * What the plugin cache buys. An unpacked filesystem mirror (/opt/tf-plugins) is linked into
 * .terraform even without a cache; a packed provider (a zip, as the registry serves it) is
 * extracted — 700 MB per stack — unless a plugin cache lets later inits link it.
 */

export interface InitMeasurement {
  readonly init: Measurement;
  readonly dotTerraformKb: number;
}

export interface PluginCacheEffect {
  readonly unpackedMirrorWithoutCache: InitMeasurement;
  /** Undefined without a filesystem mirror to pack (public registry mode) or without `zip`. */
  readonly packedMirror?: {
    readonly withoutCache: InitMeasurement;
    readonly withCacheFirst: InitMeasurement;
    readonly withCacheLater: InitMeasurement;
  };
}

const AWS = 'registry.terraform.io/hashicorp/aws';

export async function measurePluginCacheEffect(stack: BenchStack, setup: TerraformSetup): Promise<PluginCacheEffect> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bench-plugin-cache-'));
  try {
    const unpackedMirrorWithoutCache = await initIn(stack, work, 'unpacked', cliConfig(work, 'unpacked.rc', setup.mirror), setup.env);
    if (!setup.mirror) return { unpackedMirrorWithoutCache };
    const packed = packMirror(setup.mirror, path.join(work, 'packed-mirror'));
    if (!packed) return { unpackedMirrorWithoutCache };
    const cache = path.join(work, 'cache');
    fs.mkdirSync(cache);
    const noCacheConfig = cliConfig(work, 'packed.rc', packed);
    const cacheConfig = cliConfig(work, 'packed-cache.rc', packed, cache);
    return {
      unpackedMirrorWithoutCache,
      packedMirror: {
        withoutCache: await initIn(stack, work, 'packed-no-cache', noCacheConfig, setup.env),
        withCacheFirst: await initIn(stack, work, 'packed-cache-1', cacheConfig, setup.env),
        withCacheLater: await initIn(stack, work, 'packed-cache-2', cacheConfig, setup.env),
      },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function initIn(stack: BenchStack, work: string, name: string, config: string, env: Record<string, string>) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(stack.dir, 'cdk.tf.json'), path.join(dir, 'cdk.tf.json'));
  const init = await measureOrFail('terraform', ['init', '-input=false', '-no-color', '-backend=false'], {
    cwd: dir,
    env: { ...env, TF_CLI_CONFIG_FILE: config },
  });
  const measured: InitMeasurement = { init, dotTerraformKb: diskUsageKb(path.join(dir, '.terraform')) };
  fs.rmSync(path.join(dir, '.terraform'), { recursive: true, force: true });
  return measured;
}

function cliConfig(work: string, name: string, mirror: string | undefined, pluginCacheDir?: string): string {
  const lines = pluginCacheDir ? [`plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}`] : [];
  if (mirror) {
    lines.push(
      'provider_installation {',
      `  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["${AWS}"]\n  }`,
      `  direct {\n    exclude = ["${AWS}"]\n  }`,
      '}',
    );
  }
  const file = path.join(work, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The packed mirror layout: `<host>/<namespace>/<type>/terraform-provider-<type>_<version>_<os>_<arch>.zip`. */
function packMirror(unpackedMirror: string, packedMirror: string): string | undefined {
  const providerDir = path.join(unpackedMirror, AWS);
  const target = path.join(packedMirror, AWS);
  fs.mkdirSync(target, { recursive: true });
  for (const version of fs.readdirSync(providerDir)) {
    for (const platform of fs.readdirSync(path.join(providerDir, version))) {
      const zip = path.join(target, `terraform-provider-aws_${version}_${platform}.zip`);
      // Stored, not deflated: the cost measured is Terraform's extraction, not our compression.
      const files = fs
        .readdirSync(path.join(providerDir, version, platform))
        .map((file) => path.join(providerDir, version, platform, file));
      if (spawnSync('zip', ['-0', '-q', '-j', zip, ...files]).status !== 0) return undefined;
    }
  }
  return packedMirror;
}
