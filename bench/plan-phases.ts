/*
 * Where one `terraform plan` spends its time, read from Terraform's own debug log (TF_LOG_CORE=DEBUG,
 * provider logs off: about 1,600 lines for a spoke, so the logging costs little). Each phase ends at
 * a line Terraform 1.11 writes:
 * - startup: CLI config, backend, and the check of the provider binary (~700 MB) against the lock
 *   file's hash — until "checking for provisioner";
 * - schema: starting the AWS provider and loading its schema — until "Building and walking validate graph";
 * - validate: the validate walk (one provider process per provider configuration) — until "Building and walking plan graph";
 * - plan: the plan walk (the provider processes again, configured, then the diff) — until "writing plan output";
 * - write: writing the plan file and exiting — until the process ends.
 */

export const PHASE_LOG_ENV = { TF_LOG_CORE: 'DEBUG', TF_LOG_PROVIDER: 'OFF' } as const;

export interface PlanPhases {
  readonly startup: number;
  readonly schema: number;
  readonly validate: number;
  readonly plan: number;
  readonly write: number;
}

export const PHASE_NAMES: readonly (keyof PlanPhases)[] = ['startup', 'schema', 'validate', 'plan', 'write'];

const MARKERS: readonly [keyof PlanPhases, string][] = [
  ['startup', 'checking for provisioner in'],
  ['schema', 'Building and walking validate graph'],
  ['validate', 'Building and walking plan graph'],
  ['plan', 'writing plan output to'],
];

/** Phases of a plan from its debug log and its wall time; undefined when a marker is missing. */
export function planPhases(log: string, wallSeconds: number): PlanPhases | undefined {
  const lines = log.split('\n');
  const start = timeOf(lines.find((line) => line.includes('CLI args')));
  if (start === undefined) return undefined;
  const ends: number[] = [];
  for (const [, marker] of MARKERS) {
    const at = timeOf(lines.find((line) => line.includes(marker)));
    if (at === undefined) return undefined;
    ends.push(at);
  }
  const [startup, schema, validate, plan] = ends.map((end, index) => end - (index === 0 ? start : ends[index - 1]));
  return { startup, schema, validate, plan, write: Math.max(0, wallSeconds - (ends[ends.length - 1] - start)) };
}

function timeOf(line: string | undefined): number | undefined {
  const stamp = line?.match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z)/)?.[1];
  return stamp ? Date.parse(stamp) / 1000 : undefined;
}
