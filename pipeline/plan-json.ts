/*
 * The parts of `terraform show -json <planfile>` the summary reads (format 1.x), and a check that a
 * file really is such a plan, with errors that name the file.
 */

/** One step of an attribute path: an object key or a list index. */
export type PathStep = string | number;

export interface PlanChange {
  readonly actions: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
  /** Mirrors `after`; `true` where the value is known only after apply. */
  readonly after_unknown?: unknown;
  /** Mirror `before` / `after`; `true` where the value is sensitive. */
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
  /** Attribute paths whose change forces the replacement. */
  readonly replace_paths?: readonly (readonly PathStep[])[];
  /** Present when the resource is being imported. */
  readonly importing?: unknown;
}

export interface PlanResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly mode?: string;
  readonly type?: string;
  readonly action_reason?: string;
  readonly change: PlanChange;
}

export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly PlanResourceChange[];
  /** Changes Terraform found in real infrastructure that were made outside Terraform. */
  readonly resource_drift?: readonly PlanResourceChange[];
  readonly output_changes?: Readonly<Record<string, PlanChange>>;
  /** Terraform writes `errored: true` when planning failed half-way; the changes listed are then partial. */
  readonly errored?: boolean;
  /** `false` when Terraform knows the plan leaves work for a later plan (deferred actions, errors). */
  readonly complete?: boolean;
  /** Changes Terraform put off to a later plan, each with why (e.g. `resource_config_unknown`). */
  readonly deferred_changes?: readonly PlanDeferredChange[];
}

export interface PlanDeferredChange {
  readonly reason?: string;
  readonly resource_change?: PlanResourceChange;
}

/** A file that cannot be summarized; the message starts with the file name. */
export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'PlanFileError';
  }
}

const NOT_A_PLAN = 'is not a Terraform plan in JSON (expected the output of `terraform show -json <planfile>`)';

/** Parses and checks a plan; throws PlanFileError naming `file` when it is not one. */
export function parsePlanJson(text: string, file: string): PlanJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(file, `is not valid JSON (${(error as Error).message})`);
  }
  return checkPlanJson(value, file);
}

export function checkPlanJson(value: unknown, file: string): PlanJson {
  if (!isObject(value)) throw new PlanFileError(file, `${NOT_A_PLAN}: the top level is not an object`);
  if (typeof value.format_version !== 'string') throw new PlanFileError(file, `${NOT_A_PLAN}: format_version is missing`);
  if (!('planned_values' in value) && !('resource_changes' in value)) {
    const hint = 'values' in value ? ' — this looks like state (terraform show -json without a plan file)' : '';
    throw new PlanFileError(file, `${NOT_A_PLAN}: it has neither planned_values nor resource_changes${hint}`);
  }
  for (const key of ['resource_changes', 'resource_drift'] as const) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new PlanFileError(file, `${NOT_A_PLAN}: ${key} is not a list`);
    list.forEach((entry, index) => {
      if (!isObject(entry) || typeof entry.address !== 'string')
        throw new PlanFileError(file, `${NOT_A_PLAN}: ${key}[${index}] has no address`);
      if (!isObject(entry.change) || !Array.isArray(entry.change.actions))
        throw new PlanFileError(file, `${NOT_A_PLAN}: ${key}[${index}] (${entry.address}) has no change.actions`);
    });
  }
  if (value.deferred_changes !== undefined && !Array.isArray(value.deferred_changes))
    throw new PlanFileError(file, `${NOT_A_PLAN}: deferred_changes is not a list`);
  if (value.output_changes !== undefined && !isObject(value.output_changes))
    throw new PlanFileError(file, `${NOT_A_PLAN}: output_changes is not an object`);
  return value as unknown as PlanJson;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
