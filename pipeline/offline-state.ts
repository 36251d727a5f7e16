import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Offline, every local state a stack writes or reads must exist: Terraform applies a remote
 * state's `defaults` only when a state file is there ("Unable to find remote state" otherwise).
 * Writes an empty state (format 4, no resources) wherever one is missing; returns the files written.
 */
export function ensureOfflineStates(stackDir: string, stackJson: StackJson): string[] {
  const paths = [
    stackJson.terraform?.backend?.local?.path,
    ...Object.values(stackJson.data?.terraform_remote_state ?? {}).map((state) =>
      state.backend === 'local' ? state.config?.path : undefined,
    ),
  ].filter((file): file is string => typeof file === 'string');
  const written: string[] = [];
  for (const relative of paths) {
    const file = path.resolve(stackDir, relative);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(emptyState(), null, 2));
    written.push(file);
  }
  return written;
}

export function emptyState(): object {
  return { version: 4, terraform_version: '1.11.4', serial: 0, lineage: randomUUID(), outputs: {}, resources: [], check_results: null };
}

/** The parts of a synthesized `cdk.tf.json` this module reads. */
export interface StackJson {
  readonly terraform?: { readonly backend?: { readonly local?: { readonly path?: string } } };
  readonly data?: {
    readonly terraform_remote_state?: Record<string, { readonly backend?: string; readonly config?: { readonly path?: string } }>;
  };
}
