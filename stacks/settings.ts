import * as path from 'node:path';

/** How stacks are synthesized; decided once per run (see pipeline/mode.ts). */
export interface SynthSettings {
  /**
   * `offline`: dummy credentials, no assume_role, local state under the synth output, placeholder
   * remote-state outputs; plannable anywhere, never deployable. `live`: the real thing.
   */
  readonly mode: 'offline' | 'live';
  /** Absolute path of the synth output (the cdktf App's outdir). */
  readonly outdir: string;
  /** Absolute folder of live local state (when the state backend is `local`). */
  readonly stateDir: string;
}

/** Working directory cdktf gives a stack: Terraform resolves relative paths from here. */
export function stackWorkingDir(settings: SynthSettings, stackName: string): string {
  return path.join(settings.outdir, 'stacks', stackName);
}

/** Where offline state lives: inside the synth output, never next to real state. */
export function offlineStateRoot(outdir: string): string {
  return path.join(outdir, 'offline-state');
}

/** Path of a stack's local state file, relative to the consuming stack's working directory. */
export function localStatePath(settings: SynthSettings, fromStack: string, key: string): string {
  const root = settings.mode === 'offline' ? offlineStateRoot(settings.outdir) : settings.stateDir;
  return path.relative(stackWorkingDir(settings, fromStack), path.join(root, key)).split(path.sep).join('/');
}
