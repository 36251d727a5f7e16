import { changeKind, countPlan, type PlanCounts } from '../plan-counts';
import { changedAttributes, createdAttributes, formatPath, type AttributeChange } from './attributes';
import { checkPlanJson, type PlanChange, type PlanResourceChange } from '../plan-json';
import { compareGroups, environmentOfStack, stackFromPlanPath } from './stack-names';

/** A plan to summarize: the parsed `terraform show -json` and where it came from. */
export interface PlanInput {
  readonly file: string;
  /** Parsed JSON; checked to be a plan (PlanFileError naming `file` otherwise). */
  readonly plan: unknown;
  /** @default derived from `file` (`.../stacks/<stack>/plan.json`), else the file path */
  readonly stack?: string;
}

/** What happens to one resource, for people: replacements and moves get their own words. */
export type ResourceAction = 'create' | 'update' | 'delete' | 'replace' | 'forget' | 'move' | 'import';

export interface ResourceChangeSummary {
  readonly address: string;
  readonly action: ResourceAction;
  /** Order of a replacement: ["delete","create"] or, with create_before_destroy, ["create","delete"]. */
  readonly replaceOrder?: 'delete-before-create' | 'create-before-destroy';
  /** Why Terraform deletes or replaces it, in words (from action_reason). */
  readonly reason?: string;
  /** Attribute paths whose change forces the replacement (replace_paths). */
  readonly forcedBy: readonly string[];
  readonly previousAddress?: string;
  readonly importing?: true;
  readonly attributes: readonly AttributeChange[];
}

export interface StackSummary {
  readonly stack: string;
  /** `global` for `org`, the environment for hub and spoke stacks, `other` otherwise. */
  readonly environment: string;
  readonly file: string;
  /** Counted as Terraform counts (pipeline/plan-summary.ts). */
  readonly counts: PlanCounts;
  /** Managed resources that stay as they are (moves and imports without changes included). */
  readonly unchanged: number;
  /** Every managed resource that is not a plain no-op: destroys and replacements first. */
  readonly changes: readonly ResourceChangeSummary[];
  /** Changes made outside Terraform (resource_drift). */
  readonly drift: readonly ResourceChangeSummary[];
  /** Root outputs that change; the path is the output name. */
  readonly outputs: readonly AttributeChange[];
  /** Terraform marked the plan `errored` (planning failed half-way): its changes are partial, never "no changes". */
  readonly errored: boolean;
  /** Terraform marked the plan `complete: false`, or it errored: another plan is needed after applying it. */
  readonly incomplete: boolean;
  /** Changes Terraform deferred to a later plan (deferred_changes). */
  readonly deferred: readonly DeferredChangeSummary[];
}

export interface DeferredChangeSummary {
  readonly address: string;
  /** What Terraform would do once it can, as far as it knows (`create`, `update`, …). */
  readonly action: string;
  /** Terraform's reason, e.g. `resource_config_unknown`, `provider_config_unknown`. */
  readonly reason: string;
}

/** Summaries of every plan; `environments` (the organization's names) groups organization-wide stacks under `global`. */
export function summarizePlans(inputs: readonly PlanInput[], environments?: readonly string[]): StackSummary[] {
  return inputs
    .map((input) => summarizePlan(input, environments))
    .sort((a, b) => compareGroups(a.environment, b.environment) || a.stack.localeCompare(b.stack) || a.file.localeCompare(b.file));
}

export function summarizePlan(input: PlanInput, environments?: readonly string[]): StackSummary {
  const plan = checkPlanJson(input.plan, input.file);
  const stack = input.stack ?? stackFromPlanPath(input.file);
  const managed = (plan.resource_changes ?? []).filter((change) => change.mode !== 'data');
  const changes = managed.map(summarizeResourceChange).filter((change): change is ResourceChangeSummary => change !== undefined);
  return {
    stack,
    environment: environmentOfStack(stack, environments),
    file: input.file,
    counts: countPlan(plan),
    unchanged: managed.filter((change) => changeKind(change.change.actions) === 'no-op').length,
    changes: changes.sort(byReviewOrder),
    drift: (plan.resource_drift ?? [])
      .filter((change) => change.mode !== 'data')
      .map(summarizeResourceChange)
      .filter((change): change is ResourceChangeSummary => change !== undefined)
      .sort(byReviewOrder),
    outputs: Object.entries(plan.output_changes ?? {})
      .filter(([, change]) => !['no-op', 'read'].includes(changeKind(change.actions)))
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, change]) => changedAttributes(wrapped(name, change))),
    errored: plan.errored === true,
    incomplete: plan.errored === true || plan.complete === false,
    deferred: (plan.deferred_changes ?? []).map((deferred) => ({
      address: deferred.resource_change?.address ?? '(unknown address)',
      action: deferred.resource_change ? changeKind(deferred.resource_change.change?.actions ?? []) : 'unknown',
      reason: deferred.reason ?? 'unknown',
    })),
  };
}

/** Something a reviewer must look at: changes, changed outputs, deferred work or a plan that is not whole. */
export function hasChanges(summary: StackSummary): boolean {
  return summary.changes.length > 0 || summary.outputs.length > 0 || summary.deferred.length > 0 || summary.incomplete;
}

export function isDestructive(change: ResourceChangeSummary): boolean {
  return change.action === 'delete' || change.action === 'replace';
}

function summarizeResourceChange(resource: PlanResourceChange): ResourceChangeSummary | undefined {
  const { change } = resource;
  const kind = changeKind(change.actions);
  const moved = resource.previous_address !== undefined && resource.previous_address !== resource.address;
  const importing = change.importing !== undefined && change.importing !== null;
  let action: ResourceAction;
  if (kind === 'no-op') {
    if (importing) action = 'import';
    else if (moved) action = 'move';
    else return undefined;
  } else if (kind === 'read') return undefined;
  else action = kind;
  const summary: ResourceChangeSummary = {
    address: resource.address,
    action,
    forcedBy: (change.replace_paths ?? []).map(formatPath),
    attributes:
      action === 'create' ? createdAttributes(change) : action === 'delete' || action === 'forget' ? [] : changedAttributes(change),
    ...(action === 'replace' ? { replaceOrder: change.actions[0] === 'create' ? 'create-before-destroy' : 'delete-before-create' } : {}),
    ...(reasonText(resource.action_reason) ? { reason: reasonText(resource.action_reason) } : {}),
    ...(moved ? { previousAddress: resource.previous_address } : {}),
    ...(importing ? { importing: true } : {}),
  };
  return summary;
}

const REASONS: Record<string, string> = {
  replace_because_tainted: 'the object is tainted',
  replace_by_request: 'replacement requested with -replace',
  replace_by_triggers: 'replace_triggered_by',
  delete_because_no_resource_config: 'removed from the configuration',
  delete_because_no_module: 'its module was removed from the configuration',
  delete_because_wrong_repetition: 'count/for_each changed how it is repeated',
  delete_because_count_index: 'its count index is out of range',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_no_move_target: 'its moved target does not exist',
  read_because_config_unknown: 'its configuration is known only after apply',
};

function reasonText(reason: string | undefined): string | undefined {
  return reason === undefined ? undefined : REASONS[reason];
}

const ACTION_ORDER: Record<ResourceAction, number> = { replace: 0, delete: 1, update: 2, create: 3, forget: 4, import: 5, move: 6 };

function byReviewOrder(a: ResourceChangeSummary, b: ResourceChangeSummary): number {
  return ACTION_ORDER[a.action] - ACTION_ORDER[b.action] || a.address.localeCompare(b.address, 'en', { numeric: true });
}

/** An output change as a change of a one-key object, so the attribute path is the output's name. */
function wrapped(name: string, change: PlanChange): PlanChange {
  const wrap = (value: unknown) => (value === undefined ? undefined : { [name]: value });
  return {
    actions: change.actions,
    before: wrap(change.before),
    after: wrap(change.after),
    after_unknown: wrap(change.after_unknown),
    before_sensitive: wrap(change.before_sensitive),
    after_sensitive: wrap(change.after_sensitive),
  };
}
