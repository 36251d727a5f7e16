import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';

/* Waiver rules: checked with the config, so an expired waiver stops the run before any stack is written. */

export const waiversNotExpired: ConfigRule = {
  id: 'waivers/not-expired',
  description: 'Every policy waiver expires today or later.',
  check: ({ org, today }) =>
    (org?.config.policyWaivers ?? []).flatMap((waiver, position) =>
      org && waiver.expires < today
        ? [
            problemAt(
              org.source,
              ['policyWaivers', position, 'expires'],
              `${waiver.expires} has passed: the waiver of ${waiver.rule} for ${waiver.resource} no longer applies`,
              'renew it with a later expires date after reviewing the exception again, or remove it and fix the finding',
            ),
          ]
        : [],
    ),
};
