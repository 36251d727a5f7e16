/** FIS action durations: 1 minute to 12 hours (https://docs.aws.amazon.com/fis/latest/userguide/fis-quotas.html). */
export const DURATION_LIMITS = { minMinutes: 1, maxMinutes: 12 * 60 } as const;

/** Minutes of a config duration (modules/resilience/fis-experiment.ts checks module props with the same reading): a whole number of minutes, or ISO 8601 hours/minutes/seconds (`PT1H30M`); undefined when neither. */
export function durationMinutes(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value);
  if (!match || value === 'PT') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 60 + Number(minutes) + Number(seconds) / 60;
}

/** True when FIS accepts the duration (1 minute to 12 hours). */
export function durationInRange(minutes: number): boolean {
  return minutes >= DURATION_LIMITS.minMinutes && minutes <= DURATION_LIMITS.maxMinutes;
}

/** The ISO 8601 form FIS takes: the config's own text, or `PT<n>M` for minutes. */
export function isoDuration(value: number | string): string {
  return typeof value === 'number' ? `PT${value}M` : value;
}
