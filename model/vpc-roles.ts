import type { VpcRole } from './types';

/** Workload and shared-services VPCs join the hub's segments; egress and inspection VPCs are the hub's own plumbing. */
export function attachesToHub(role: VpcRole): boolean {
  return role === 'workload' || role === 'shared-services';
}
