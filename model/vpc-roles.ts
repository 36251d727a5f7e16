import type { VpcRole } from './types';

/** Whether a VPC of this role attaches to the hub's Transit Gateway in a segment (egress and inspection have their own tables). */
export function attachesToHub(role: VpcRole): boolean {
  return role === 'workload' || role === 'shared-services';
}

/** Segments that may never reach each other, whatever networkHub.connect says. */
export const ISOLATED_SEGMENT_PAIRS: readonly (readonly [string, string])[] = [['prod', 'nonprod']];
