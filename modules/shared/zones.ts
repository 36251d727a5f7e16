import { Token } from 'cdktf';

const ZONE_LETTERS = 'abcdefghijklmnop';

/** The letter an availability zone name ends in (`eu-west-1a` → `a`): the stable part of per-zone construct IDs. */
export function zoneLetter(availabilityZone: string): string {
  return availabilityZone.slice(-1);
}

/** True for a literal zone name ending in a letter a–p (the zones that get an IPv6 /64 by letter). */
export function isLetteredZone(availabilityZone: string): boolean {
  return !Token.isUnresolved(availabilityZone) && /[a-p]$/.test(availabilityZone);
}

/** Position of a zone's letter in the alphabet (a = 0 … p = 15); -1 for a zone that does not end in a–p. */
export function zoneIndex(availabilityZone: string): number {
  return /[a-p]$/.test(availabilityZone) ? ZONE_LETTERS.indexOf(zoneLetter(availabilityZone)) : -1;
}

/** Sorts zone specs by zone letter, so per-zone resources come out in a stable order. */
export function byZoneLetter<T extends { readonly availabilityZone: string }>(zones: readonly T[]): T[] {
  return [...zones].sort((a, b) => zoneLetter(a.availabilityZone).localeCompare(zoneLetter(b.availabilityZone)));
}
