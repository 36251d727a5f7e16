/** Names that become part of construct IDs (and so of Terraform addresses): lowercase letters, digits and `-`. */
export const CONSTRUCT_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export function isConstructName(name: string): boolean {
  return CONSTRUCT_NAME_PATTERN.test(name);
}

/**
 * Refuses a name that cannot be part of a construct ID. `what` says where the name comes from
 * (`routeTableIds key`, `ipv6Destinations name`); the message names it and the fix.
 */
export function validateConstructNames(owner: string, what: string, names: Iterable<string>): void {
  for (const name of names) {
    if (!isConstructName(name)) throw new Error(`${owner}: ${what} "${name}" must be lowercase letters, digits and -`);
  }
}
