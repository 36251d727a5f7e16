import { RESERVED_TAG_KEYS } from '../../schema-primitives';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';

/* Tag rules: what AWS limits about the tags a resource ends up with. */

const TAGS_PER_RESOURCE = 50;

export const tagsWithinLimit: ConfigRule = {
  id: 'tags/within-limit',
  description: `The organization's tags, an account's tags and the ${RESERVED_TAG_KEYS.length} the landing zone adds stay within the ${TAGS_PER_RESOURCE} tags AWS allows on a resource.`,
  check: ({ org, accounts }) => {
    const organizationTags = Object.keys(org?.config.organization.tags ?? {});
    const organizationTotal = organizationTags.length + RESERVED_TAG_KEYS.length;
    if (org && organizationTotal > TAGS_PER_RESOURCE) {
      return [
        problemAt(
          org.source,
          ['organization', 'tags'],
          `gives ${organizationTags.length} tags; with the ${RESERVED_TAG_KEYS.length} the landing zone adds, resources would carry ${organizationTotal}, over the ${TAGS_PER_RESOURCE} AWS allows`,
          `keep at most ${TAGS_PER_RESOURCE - RESERVED_TAG_KEYS.length} organization tags`,
        ),
      ];
    }
    return accounts.flatMap((entry) => {
      const own = Object.keys(entry.tags).filter((key) => !organizationTags.includes(key)).length;
      if (organizationTotal + own <= TAGS_PER_RESOURCE) return [];
      return [
        problemAt(
          entry.source,
          [...entry.path, 'tags'],
          `gives ${own} tags of its own; with the organization's ${organizationTags.length} and the ${RESERVED_TAG_KEYS.length} the landing zone adds, the account would carry ${organizationTotal + own}, over the ${TAGS_PER_RESOURCE} AWS allows`,
          `keep at most ${TAGS_PER_RESOURCE - organizationTotal} account tags, or move shared ones to organization.tags`,
        ),
      ];
    });
  },
};
