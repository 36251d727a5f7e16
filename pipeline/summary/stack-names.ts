import { ORG_STACK } from '../../model/naming';

/*
 * Environment and stack of a plan file, from where the pipeline writes it:
 * `<outdir>/stacks/<stack>/plan.json`. Stack names are `org`, `<env>-network-hub`,
 * `<env>-spoke-<account>` and, when the environments are known, any `<env>-…` stack; every other
 * stack is organization-wide then (`log-archive`, `network-ipam`).
 */

/** Group of organization-wide stacks (their state lives under `global/`). */
export const GLOBAL_GROUP = 'global';
/** Group of plans whose stack or environment the path does not tell. */
export const OTHER_GROUP = 'other';

const PIPELINE_PLAN_PATH = /(?:^|[\\/])stacks[\\/]([^\\/]+)[\\/]plan\.json$/;

/** The stack a plan file belongs to, or the path itself when it is not where the pipeline writes plans. */
export function stackFromPlanPath(file: string): string {
  return PIPELINE_PLAN_PATH.exec(file)?.[1] ?? file;
}

/**
 * The group of a stack in the summary: `global`, an environment, or `other`. With the
 * organization's environment names, a stack that belongs to none of them is organization-wide.
 */
export function environmentOfStack(stack: string, environments?: readonly string[]): string {
  if (stack === ORG_STACK) return GLOBAL_GROUP;
  if (environments) {
    const owner = [...environments].sort((a, b) => b.length - a.length).find((environment) => stack.startsWith(`${environment}-`));
    return owner ?? GLOBAL_GROUP;
  }
  const match = /^([a-z][a-z0-9-]*?)-(?:network-hub$|spoke-.)/.exec(stack);
  return match ? match[1] : OTHER_GROUP;
}

/** `global` first, then environments by name, `other` last. */
export function compareGroups(a: string, b: string): number {
  const rank = (group: string) => (group === GLOBAL_GROUP ? 0 : group === OTHER_GROUP ? 2 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}
