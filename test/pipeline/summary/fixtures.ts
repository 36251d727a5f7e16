import type { PlanChange, PlanResourceChange } from '../../../pipeline/plan-json';

/* Hand-made `terraform show -json` plans, built in code so each test shows what it feeds in. */

export function plan(resourceChanges: PlanResourceChange[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { format_version: '1.2', terraform_version: '1.11.4', planned_values: {}, resource_changes: resourceChanges, ...extra };
}

export function resource(address: string, actions: string[], change: Partial<PlanChange> = {}, extra: Partial<PlanResourceChange> = {}) {
  const type = address.split('.')[0];
  return {
    address,
    mode: 'managed',
    type,
    name: address.split('.')[1],
    change: { actions, before: null, after: null, ...change },
    ...extra,
  };
}

export const created = (
  address: string,
  after: Record<string, unknown> = { cidr_block: '10.0.0.0/24' },
  unknown: Record<string, unknown> = {},
) =>
  resource(address, ['create'], {
    before: null,
    after,
    after_unknown: { id: true, ...unknown },
    before_sensitive: false,
    after_sensitive: {},
  });

export const updated = (
  address: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  change: Partial<PlanChange> = {},
) => resource(address, ['update'], { before, after, after_unknown: {}, before_sensitive: {}, after_sensitive: {}, ...change });

export const deleted = (address: string, reason?: string) =>
  resource(address, ['delete'], { before: { id: 'x' }, after: null }, reason ? { action_reason: reason } : {});

export const replaced = (address: string, actions: ['delete', 'create'] | ['create', 'delete'], before: string, after: string) =>
  resource(
    address,
    actions,
    {
      before: { cidr_block: before, id: 'subnet-1', tags: { Name: 'a' } },
      after: { cidr_block: after, tags: { Name: 'a' } },
      after_unknown: { id: true },
      before_sensitive: {},
      after_sensitive: {},
      replace_paths: [['cidr_block']],
    },
    { action_reason: 'replace_because_cannot_update' },
  );

export const unchanged = (address: string) => resource(address, ['no-op'], { before: { id: 'x' }, after: { id: 'x' } });

/** A plan input as the pipeline writes it: `<outdir>/stacks/<stack>/plan.json`. */
export function input(stack: string, planJson: Record<string, unknown>) {
  return { file: `cdktf.out/stacks/${stack}/plan.json`, plan: planJson };
}
