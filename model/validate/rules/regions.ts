import { knownZones, zoneBelongsToRegion } from '../../regions';
import { problemAt, type SourceFile } from '../../yaml-source';
import type { ConfigIndex } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/* Region rules: regions are allowed, availability zones belong to their region and are listed once. */

export const homeRegionAllowed: ConfigRule = {
  id: 'regions/home-region-allowed',
  description: 'organization.homeRegion is one of organization.allowedRegions.',
  check: ({ org }) =>
    org && !org.config.organization.allowedRegions.includes(org.config.organization.homeRegion)
      ? [
          problemAt(
            org.source,
            ['organization', 'homeRegion'],
            `${org.config.organization.homeRegion} is not in organization.allowedRegions`,
            'add it to allowedRegions',
          ),
        ]
      : [],
};

export const environmentRegionAllowed: ConfigRule = {
  id: 'regions/environment-region-allowed',
  description: "Every environment's region is one of organization.allowedRegions.",
  check: ({ org, environments }) => {
    if (!org) return [];
    const allowed = org.config.organization.allowedRegions;
    return environments
      .filter((environment) => !allowed.includes(environment.config.region))
      .map(({ source, config: { region } }) =>
        problemAt(
          source,
          ['region'],
          `${region} is not in organization.allowedRegions of ${org.source.file}`,
          `add it there or ${chooseFrom(allowed, region, 'region')}`,
        ),
      );
  },
};

export const zonesInRegion: ConfigRule = {
  id: 'regions/zones-in-region',
  description: "Every availability zone (environment or VPC) is a zone of the environment's region.",
  check: (index) =>
    zoneLists(index).flatMap(({ source, path, zones, region }) =>
      zones.flatMap((zone, position) => {
        if (zoneBelongsToRegion(zone, region)) return [];
        const known = knownZones(region);
        return [
          problemAt(
            source,
            [...path, position],
            `${zone} is not an availability zone of ${region}`,
            known ? chooseFrom(known, zone, 'zone') : `use ${region} followed by a zone letter, e.g. ${region}a`,
          ),
        ];
      }),
    ),
};

export const zonesListedOnce: ConfigRule = {
  id: 'regions/zones-listed-once',
  description: 'No availability-zone list names a zone twice.',
  check: (index) =>
    zoneLists(index).flatMap(({ source, path, zones, region }) =>
      zones.flatMap((zone, position) =>
        zoneBelongsToRegion(zone, region) && zones.indexOf(zone) !== position
          ? [problemAt(source, [...path, position], `lists ${zone} twice`, 'list each availability zone once')]
          : [],
      ),
    ),
};

interface ZoneList {
  readonly source: SourceFile;
  readonly path: readonly (string | number)[];
  readonly zones: readonly string[];
  readonly region: string;
}

function zoneLists(index: ConfigIndex): ZoneList[] {
  const environments = index.environments.map(({ source, config }) => ({
    source,
    path: ['availabilityZones'],
    zones: config.availabilityZones,
    region: config.region,
  }));
  const vpcs = index.vpcs.flatMap((entry) =>
    entry.vpc.availabilityZones
      ? [
          {
            source: entry.source,
            path: [...entry.path, 'availabilityZones'],
            zones: entry.vpc.availabilityZones,
            region: entry.environment.config.region,
          },
        ]
      : [],
  );
  return [...environments, ...vpcs];
}
