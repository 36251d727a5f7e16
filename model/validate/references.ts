import { closest, distance } from 'fastest-levenshtein';

/** Fix text for a name that does not resolve: the options, and the nearest one when it is close. */
export function chooseFrom(options: readonly string[], given: string, what: string): string {
  if (options.length === 0) return `define a ${what} first`;
  const nearest = closest(given, [...options]);
  const hint = distance(given, nearest) <= Math.max(2, Math.floor(given.length / 3)) ? ` (did you mean ${nearest}?)` : '';
  return `use one of: ${[...options].sort().join(', ')}${hint}`;
}
