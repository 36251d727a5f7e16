import { batchResourceName } from '../../naming';
import type { ConfigProblem } from '../../problems';
import type { ConfigRule } from '../rule';
import { at, batchEntries, type BatchEntry } from './batch';

/*
 * Batch resource names are `<org>-<env>-<account>-<name>`; the IAM roles derived from them must
 * stay within IAM's 64 characters. Checked here, so a long name is a located config problem
 * rather than an error at synth.
 */

/** Longest name each section's entries may get, with the suffix that sets the limit. */
const LIMITS = {
  computeEnvironments: { max: 100, why: 'Batch adds a 26-character suffix to the 128-character compute environment name' },
  jobDefinitions: { max: 64 - '-job'.length, why: 'its job role adds -job to IAM’s 64 characters' },
  pipelines: { max: 64 - '-schedule'.length, why: 'its scheduler role adds -schedule to IAM’s 64 characters' },
} as const;

function resourceName(index: Parameters<ConfigRule['check']>[0], entry: BatchEntry, name: string): string {
  const organization = index.org?.config.organization.name ?? '';
  return batchResourceName(organization, entry.workloads.environment, entry.workloads.account, name);
}

export const batchNamesFit: ConfigRule = {
  id: 'batch/names-fit',
  description: 'Every Batch resource name, <org>-<env>-<account>-<name>, and the role names built from it fit their AWS limits.',
  check: (index) =>
    batchEntries(index).flatMap((entry): ConfigProblem[] => {
      const sections = Object.entries(LIMITS).flatMap(([section, limit]) =>
        Object.keys(entry.batch[section as keyof typeof LIMITS]).flatMap((name) => {
          const full = resourceName(index, entry, name);
          return full.length <= limit.max
            ? []
            : [
                at(
                  entry,
                  [section, name],
                  `makes the name ${full} (${full.length} characters); at most ${limit.max} fit, as ${limit.why}`,
                  `shorten ${name} by ${full.length - limit.max} character${full.length - limit.max === 1 ? '' : 's'}`,
                ),
              ];
        }),
      );
      const instanceRole = `${resourceName(index, entry, 'batch')}-instances`;
      const hasCompute = Object.keys(entry.batch.computeEnvironments).length > 0;
      const roleTooLong = hasCompute && instanceRole.length > 64;
      return [
        ...sections,
        ...(roleTooLong
          ? [
              at(
                entry,
                [],
                `needs the instance role ${instanceRole} (${instanceRole.length} characters), more than IAM's 64`,
                'shorten the account or environment name',
              ),
            ]
          : []),
      ];
    }),
};
