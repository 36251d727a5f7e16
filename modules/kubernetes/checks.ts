import { checkArn, isKnown } from '../containers/checks';

/** Prop checks of the Kubernetes modules; every message names the prop and the fix. */

export { checkAccountId, checkIntegerRange, checkLogRetention, checkName, checkRegion, isKnown } from '../containers/checks';

/** Control-plane log types EKS offers; api, audit and authenticator are always on here. */
export const EKS_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;
export type EksLogType = (typeof EKS_LOG_TYPES)[number];
export const REQUIRED_LOG_TYPES: readonly EksLogType[] = ['api', 'audit', 'authenticator'];

export function checkKubernetesVersion(where: string, prop: string, version: string): void {
  if (isKnown(version) && !/^1\.\d{2}$/.test(version)) {
    throw new Error(`${where}: ${prop} "${version}" is not a Kubernetes minor version; give it as "1.31"`);
  }
}

export function checkRoleArn(where: string, prop: string, value: string): void {
  checkArn(where, prop, value, 'iam', /^role\//);
}

export function checkCidrs(where: string, prop: string, cidrs: readonly string[]): void {
  for (const cidr of cidrs) {
    if (isKnown(cidr) && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr)) {
      throw new Error(`${where}: ${prop} has "${cidr}", which is not an IPv4 CIDR such as 203.0.113.0/24`);
    }
  }
}

export function checkNotEmpty(where: string, prop: string, values: readonly unknown[], fix: string): void {
  if (values.length === 0) throw new Error(`${where}: ${prop} is empty; ${fix}`);
}
