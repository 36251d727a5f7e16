import { joinPath, type ConfigProblem } from '../../problems';
import { problemAt } from '../../yaml-source';
import type { AccountEntry } from '../config-index';
import { chooseFrom } from '../references';
import type { ConfigRule } from '../rule';

/* Account rules: unique names, emails and ids; OU and account references resolve. */

export const uniqueAccountName: ConfigRule = {
  id: 'accounts/unique-name',
  description: 'Every account name is used once in the organization (it names stacks and state keys).',
  check: (index) =>
    duplicates(
      index.accounts,
      (entry) => entry.name,
      [],
      (entry, first) => ({
        message: `is also defined in ${where(first, entry)}${joinPath(first.path)}`,
        fix: 'account names must be unique in the organization; rename or remove one of them',
      }),
    ),
};

export const uniqueAccountEmail: ConfigRule = {
  id: 'accounts/unique-email',
  description: 'Every account has its own root email address, compared case-insensitively.',
  check: (index) =>
    duplicates(
      index.accounts,
      (entry) => entry.email.toLowerCase(),
      ['email'],
      (entry, first) => ({
        message: `${entry.email} is already the email of ${where(first, entry)}${joinPath(first.path)}`,
        fix: 'every AWS account needs its own root email address',
      }),
    ),
};

export const uniqueAccountId: ConfigRule = {
  id: 'accounts/unique-id',
  description: 'No two accounts give the same account id.',
  check: (index) =>
    duplicates(
      index.accounts.filter((entry) => entry.id !== undefined),
      (entry) => entry.id!,
      ['id'],
      (entry, first) => ({
        message: `${entry.id} is already the id of ${where(first, entry)}${joinPath(first.path)}`,
        fix: 'check the account id in AWS Organizations',
      }),
    ),
};

export const accountOuExists: ConfigRule = {
  id: 'accounts/ou-exists',
  description: "Every account's ou names an organizational unit of org.yaml.",
  check: ({ org, accounts, ouNames, mayBeUnparsedOu }) =>
    org
      ? accounts
          .filter((entry) => !ouNames.includes(entry.ou) && !mayBeUnparsedOu(entry.ou))
          .map((entry) =>
            problemAt(
              entry.source,
              [...entry.path, 'ou'],
              `"${entry.ou}" is not an organizational unit of ${org.source.file}`,
              chooseFrom(ouNames, entry.ou, 'organizational unit'),
            ),
          )
      : [],
};

export const notManagementAccount: ConfigRule = {
  id: 'accounts/not-management-account',
  description: "No member account has the management account's id.",
  check: ({ org, accounts }) =>
    accounts
      .filter((entry) => org && entry.id === org.config.organization.managementAccountId)
      .map((entry) =>
        problemAt(
          entry.source,
          [...entry.path, 'id'],
          `${entry.id} is the management account's id`,
          'the management account is not a member account; remove it from accounts',
        ),
      ),
};

export const coreAccountsExist: ConfigRule = {
  id: 'accounts/core-accounts-exist',
  description: 'The network, log-archive and security accounts named in organization are accounts of org.yaml.',
  check: ({ org, orgAccountNames, mayBeUnparsedOrgAccount }) => {
    if (!org) return [];
    return (['networkAccount', 'logArchiveAccount', 'securityAccount'] as const).flatMap((role) => {
      const name = org.config.organization[role];
      if (orgAccountNames.includes(name) || mayBeUnparsedOrgAccount(name)) return [];
      return [
        problemAt(
          org.source,
          ['organization', role],
          `"${name}" is not one of the accounts in ${org.source.file}`,
          `add it under accounts: or ${chooseFrom(orgAccountNames, name, 'account')}`,
        ),
      ];
    });
  },
};

export const hubAccountExists: ConfigRule = {
  id: 'accounts/hub-account-exists',
  description: "An environment's networkHub.account is an organization-wide account of org.yaml.",
  check: ({ org, environments, orgAccountNames, mayBeUnparsedOrgAccount }) =>
    environments.flatMap((environment) => {
      const hubAccount = environment.config.networkHub.account;
      if (!org || hubAccount === undefined || orgAccountNames.includes(hubAccount) || mayBeUnparsedOrgAccount(hubAccount)) return [];
      return [
        problemAt(
          environment.source,
          ['networkHub', 'account'],
          `"${hubAccount}" is not one of the organization-wide accounts in ${org.source.file}`,
          chooseFrom(orgAccountNames, hubAccount, 'account'),
        ),
      ];
    }),
};

/** Reports every entry whose key was already seen, pointing back at the first one. */
function duplicates(
  entries: readonly AccountEntry[],
  key: (entry: AccountEntry) => string,
  field: readonly string[],
  describe: (entry: AccountEntry, first: AccountEntry) => { message: string; fix: string },
): ConfigProblem[] {
  const firstByKey = new Map<string, AccountEntry>();
  const problems: ConfigProblem[] = [];
  for (const entry of entries) {
    const first = firstByKey.get(key(entry));
    if (!first) {
      firstByKey.set(key(entry), entry);
      continue;
    }
    const { message, fix } = describe(entry, first);
    problems.push(problemAt(entry.source, [...entry.path, ...field], message, fix));
  }
  return problems;
}

function where(first: AccountEntry, entry: AccountEntry): string {
  return first.source.file === entry.source.file ? '' : `${first.source.file} `;
}
