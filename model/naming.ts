/** Stack names and state keys: derived from config names only, never from positions. */

export const ORG_STACK = 'org';
/** Organization-wide stack in the log-archive account: the central flow-log bucket. */
export const LOG_ARCHIVE_STACK = 'log-archive';
/** Organization-wide stack in the network account: VPC IPAM and its pools. */
export const IPAM_STACK = 'network-ipam';

export function hubStackName(environment: string): string {
  return `${environment}-network-hub`;
}

export function spokeStackName(environment: string, account: string): string {
  return `${environment}-spoke-${account}`;
}

/** State key of a stack: `<env>/<stack>.tfstate`; organization-wide stacks live under `global/`. */
export function stateKey(stackName: string, environment: string | undefined): string {
  return `${environment ?? 'global'}/${stackName}.tfstate`;
}

export function deployRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}
