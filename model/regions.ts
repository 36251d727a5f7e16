/**
 * Availability-zone letters per region. AZ names come from config (no data source may call AWS
 * offline), so this table is what lets validation catch `eu-west-1d` before Terraform does.
 * Regions missing here are checked only for the `<region><letter>` shape.
 */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-1': 'abc',
  'us-west-2': 'abcd',
  'ca-central-1': 'abd',
  'sa-east-1': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-north-1': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'ap-south-1': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
};

export function zoneBelongsToRegion(zone: string, region: string): boolean {
  if (!zone.startsWith(region) || zone.length !== region.length + 1) return false;
  const letters = ZONE_LETTERS[region];
  return letters ? letters.includes(zone.slice(-1)) : /[a-z]$/.test(zone);
}

export function knownZones(region: string): string[] | undefined {
  const letters = ZONE_LETTERS[region];
  return letters ? [...letters].map((letter) => `${region}${letter}`) : undefined;
}

/** The AZ letter, used in construct IDs so that adding a zone never renames another's resources. */
export function zoneSuffix(zone: string): string {
  return zone.slice(-1);
}
