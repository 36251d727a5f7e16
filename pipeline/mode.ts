import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SynthSettings } from '../stacks/settings';

export interface ModeDecision {
  readonly mode: SynthSettings['mode'];
  /** Why, in words a person reads in the log. */
  readonly reason: string;
}

/**
 * Offline when `LZ_OFFLINE` says so, or when no AWS credentials can be found; live otherwise.
 * `LZ_OFFLINE=0` forces live (e.g. credentials from a source this check does not know).
 */
export function decideMode(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): ModeDecision {
  const flag = env.LZ_OFFLINE?.trim().toLowerCase();
  if (flag && ['1', 'true', 'yes'].includes(flag)) return { mode: 'offline', reason: 'LZ_OFFLINE is set' };
  if (flag && ['0', 'false', 'no'].includes(flag)) return { mode: 'live', reason: 'LZ_OFFLINE=0' };
  const source = credentialSource(env, home);
  return source
    ? { mode: 'live', reason: `AWS credentials found (${source})` }
    : { mode: 'offline', reason: 'no AWS credentials found (set LZ_OFFLINE=0 to force live mode)' };
}

function credentialSource(env: NodeJS.ProcessEnv, home: string): string | undefined {
  if (env.AWS_ACCESS_KEY_ID) return 'AWS_ACCESS_KEY_ID';
  if (env.AWS_PROFILE) return 'AWS_PROFILE';
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'AWS_WEB_IDENTITY_TOKEN_FILE';
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return 'container credentials';
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials');
  if (fs.existsSync(credentialsFile)) return credentialsFile;
  const configFile = env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config');
  return fs.existsSync(configFile) ? configFile : undefined;
}

/** Synth settings from the environment: `CDKTF_OUTDIR` (set by `cdktf synth --output`), `LZ_STATE_DIR`. */
export function synthSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, decision: ModeDecision = decideMode(env)): SynthSettings {
  return {
    mode: decision.mode,
    outdir: path.resolve(env.CDKTF_OUTDIR || 'cdktf.out'),
    stateDir: path.resolve(env.LZ_STATE_DIR || 'terraform-state'),
  };
}
