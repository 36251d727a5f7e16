import { guardrailTargets } from '../defaults';
import type { ParsedConfig } from '../parsed-config';
import type { ConfigProblem } from '../problems';
import { joinPath } from '../problems';
import { problemAt, type SourceFile } from '../yaml-source';
import { chooseFrom } from './references';

interface AccountEntry {
  readonly name: string;
  readonly source: SourceFile;
  readonly path: readonly string[];
  readonly email: string;
  readonly id?: string;
  readonly ou: string;
}

/** Account and OU rules: unique names, emails and ids; OU, parent and account references resolve. */
export function validateAccounts(parsed: ParsedConfig): ConfigProblem[] {
  const entries = accountEntries(parsed);
  const problems = [
    ...duplicates(
      entries,
      (entry) => entry.name,
      [],
      (entry, first) => ({
        message: `is also defined in ${where(first, entry)}${joinPath(first.path)}`,
        fix: 'account names must be unique in the organization; rename or remove one of them',
      }),
    ),
    ...duplicates(
      entries,
      (entry) => entry.email.toLowerCase(),
      ['email'],
      (entry, first) => ({
        message: `${entry.email} is already the email of ${where(first, entry)}${joinPath(first.path)}`,
        fix: 'every AWS account needs its own root email address',
      }),
    ),
    ...duplicates(
      entries.filter((entry) => entry.id !== undefined),
      (entry) => entry.id!,
      ['id'],
      (entry, first) => ({
        message: `${entry.id} is already the id of ${where(first, entry)}${joinPath(first.path)}`,
        fix: 'check the account id in AWS Organizations',
      }),
    ),
  ];
  if (!parsed.org) return problems;
  const org = parsed.org;
  const ouNames = Object.keys(org.config.organizationalUnits);
  const orgAccountNames = Object.keys(org.config.accounts);
  const managementId = org.config.organization.managementAccountId;

  for (const entry of entries) {
    if (!ouNames.includes(entry.ou)) {
      problems.push(
        problemAt(
          entry.source,
          [...entry.path, 'ou'],
          `"${entry.ou}" is not an organizational unit of ${org.source.file}`,
          chooseFrom(ouNames, entry.ou, 'organizational unit'),
        ),
      );
    }
    if (entry.id === managementId) {
      problems.push(
        problemAt(
          entry.source,
          [...entry.path, 'id'],
          `${entry.id} is the management account's id`,
          'the management account is not a member account; remove it from accounts',
        ),
      );
    }
  }
  for (const [name, ou] of Object.entries(org.config.organizationalUnits)) {
    if (ou.parent !== undefined && !ouNames.includes(ou.parent)) {
      problems.push(
        problemAt(
          org.source,
          ['organizationalUnits', name, 'parent'],
          `"${ou.parent}" is not an organizational unit`,
          chooseFrom(ouNames, ou.parent, 'organizational unit'),
        ),
      );
    } else if (ou.parent !== undefined && inCycle(name, org.config.organizationalUnits)) {
      problems.push(
        problemAt(
          org.source,
          ['organizationalUnits', name, 'parent'],
          `makes ${name} its own ancestor`,
          'OU parents must form a tree under the root; break the cycle',
        ),
      );
    }
  }
  const attachTo = org.config.guardrails.attachTo ?? [];
  attachTo.forEach((ou, index) => {
    if (!ouNames.includes(ou)) {
      problems.push(
        problemAt(
          org.source,
          ['guardrails', 'attachTo', index],
          `"${ou}" is not an organizational unit`,
          chooseFrom(ouNames, ou, 'organizational unit'),
        ),
      );
    }
  });
  if (guardrailTargets(org.config).length === 0 && ouNames.length > 0) {
    problems.push(
      problemAt(org.source, ['guardrails', 'attachTo'], 'attaches the guardrails nowhere', 'list at least one OU, e.g. Workloads'),
    );
  }
  for (const role of ['networkAccount', 'logArchiveAccount', 'securityAccount'] as const) {
    const name = org.config.organization[role];
    if (!orgAccountNames.includes(name)) {
      problems.push(
        problemAt(
          org.source,
          ['organization', role],
          `"${name}" is not one of the accounts in ${org.source.file}`,
          `add it under accounts: or ${chooseFrom(orgAccountNames, name, 'account')}`,
        ),
      );
    }
  }
  for (const environment of parsed.environments) {
    const hubAccount = environment.config.networkHub.account;
    if (hubAccount !== undefined && !orgAccountNames.includes(hubAccount)) {
      problems.push(
        problemAt(
          environment.source,
          ['networkHub', 'account'],
          `"${hubAccount}" is not one of the organization-wide accounts in ${org.source.file}`,
          chooseFrom(orgAccountNames, hubAccount, 'account'),
        ),
      );
    }
  }
  return problems;
}

function accountEntries(parsed: ParsedConfig): AccountEntry[] {
  const fromOrg = parsed.org
    ? Object.entries(parsed.org.config.accounts).map(([name, account]) => ({
        name,
        source: parsed.org!.source,
        path: ['accounts', name],
        ...account,
      }))
    : [];
  const fromEnvironments = parsed.environments.flatMap((environment) =>
    Object.entries(environment.config.accounts).map(([name, account]) => ({
      name,
      source: environment.source,
      path: ['accounts', name],
      ...account,
    })),
  );
  return [...fromOrg, ...fromEnvironments];
}

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

function inCycle(start: string, units: Record<string, { parent?: string }>): boolean {
  const seen = new Set<string>();
  let current = units[start]?.parent;
  while (current !== undefined && units[current] && !seen.has(current)) {
    if (current === start) return true;
    seen.add(current);
    current = units[current].parent;
  }
  return false;
}
