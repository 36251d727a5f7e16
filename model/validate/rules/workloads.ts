import { accountSegment } from '../../defaults';
import type { ParsedEnvironment } from '../../parsed-config';
import type { ConfigProblem } from '../../problems';
import type { EnvironmentConfig, WorkloadAccountConfig } from '../../schema';
import { problemAt } from '../../yaml-source';
import type { EcsServiceConfig } from '../../workloads/schema';
import type { ParsedWorkloads } from '../../workloads/types';
import type { ConfigIndex } from '../config-index';
import type { ConfigRule } from '../rule';

/* Workloads files: each belongs to an account of its environment; their names never clash. */

/** A workloads file with its environment and account looked up (undefined when they do not resolve). */
export interface WorkloadsEntry {
  readonly workloads: ParsedWorkloads;
  readonly environment?: ParsedEnvironment;
  readonly account?: WorkloadAccountConfig;
}

export function workloadsEntries(index: ConfigIndex): WorkloadsEntry[] {
  return index.workloads.map((workloads) => {
    const environment = index.environments.find((candidate) => candidate.name === workloads.environment);
    return { workloads, environment, account: environment?.config.accounts[workloads.account] };
  });
}

/** Every service of every workloads file whose account resolves, with its path. */
export function serviceEntries(index: ConfigIndex) {
  return workloadsEntries(index).flatMap(({ workloads, environment, account }) =>
    environment && account
      ? Object.entries(workloads.config.containers?.services ?? {}).map(([name, service]) => ({
          name,
          service,
          workloads,
          environment,
          account,
          path: ['containers', 'services', name] as const,
        }))
      : [],
  );
}

export type ServiceEntry = ReturnType<typeof serviceEntries>[number];

/** True when an account of that name may be in a part of the config that failed the schema. */
export function mayBeUnparsedAccount(index: ConfigIndex, name: string): boolean {
  return (
    index.mayBeUnparsedOrgAccount(name) ||
    index.unparsed.some(
      (part) => part.kind === 'environment' && (part.path.length === 0 || (part.path[0] === 'accounts' && part.path[1] === name)),
    )
  );
}

export function isProdAccount(account: WorkloadAccountConfig, environment: EnvironmentConfig): boolean {
  return environment.prodSegments.includes(accountSegment(account, environment));
}

export const workloadsAccountExists: ConfigRule = {
  id: 'workloads/account-exists',
  description: 'A workloads file <env>/<account>.yaml names an environment and one of its accounts.',
  check: (index) =>
    workloadsEntries(index).flatMap(({ workloads, environment, account }): ConfigProblem[] => {
      if (account || index.mayBeUnparsedWorkload(workloads.environment, workloads.account, [], '')) return [];
      const where = environment
        ? `is not an account of environment ${workloads.environment}`
        : `is in folder ${workloads.environment}/, which is not an environment`;
      return [
        {
          file: workloads.source.file,
          path: '',
          message: `belongs to account ${workloads.account}, which ${where}`,
          fix: environment
            ? `name the file after an account of ${environment.source.file} (${Object.keys(environment.config.accounts).join(', ')})`
            : 'put workloads files in a folder named after an environment file, e.g. environments/prod/orders-prod.yaml',
        },
      ];
    }),
};

/**
 * A workload section (`path` in its file) in an account without a VPC: its stacks read the spoke's
 * subnets and follow the spoke stack. `verb` reads with the section: services "run in", an API "is in".
 */
export function noVpcProblem(workloads: ParsedWorkloads, path: readonly (string | number)[], verb: string): ConfigProblem {
  return problemAt(
    workloads.source,
    path,
    `${verb} account ${workloads.account}, which has no VPC`,
    `give accounts.${workloads.account} a vpc in its environment file`,
  );
}

export const servicesNeedVpc: ConfigRule = {
  id: 'workloads/services-need-vpc',
  description: 'An account that runs services has a spoke VPC for them.',
  check: (index) =>
    workloadsEntries(index).flatMap(({ workloads, account }) =>
      account && !account.vpc && Object.keys(workloads.config.containers?.services ?? {}).length > 0
        ? [noVpcProblem(workloads, ['containers', 'services'], 'run in')]
        : [],
    ),
};

/** A reference from a service to a queue of its file, checked for every service. */
export function unknownQueueProblems(entry: ServiceEntry, queue: string, path: readonly (string | number)[]): ConfigProblem[] {
  const queues = Object.keys(entry.workloads.config.queues);
  if (queues.includes(queue)) return [];
  return [
    problemAt(
      entry.workloads.source,
      path,
      `names queue ${queue}, which is not a queue of this file`,
      queues.length > 0 ? `use one of ${queues.join(', ')}, or add ${queue} under queues` : `add ${queue} under queues`,
    ),
  ];
}

export function serviceProblem(entry: ServiceEntry, key: readonly (string | number)[], message: string, fix: string): ConfigProblem {
  return problemAt(entry.workloads.source, [...entry.path, ...key], message, fix);
}

export type { EcsServiceConfig };

/**
 * An image of a workloads file — `{ repository, from? }` at `path` — is in a repository of its
 * account, or of the account named by `from` that lets it pull. Used by every platform that runs
 * images (ECS services, Batch jobs).
 */
export function imageRepositoryProblems(
  index: ConfigIndex,
  workloads: ParsedWorkloads,
  image: { readonly repository: string; readonly from?: string },
  path: readonly (string | number)[],
): ConfigProblem[] {
  const { repository, from } = image;
  const owner = from ?? workloads.account;
  const ownerFile = index.workloads.find((candidate) => candidate.account === owner);
  const defined = ownerFile?.config.containers?.repositories[repository];
  const where = [...path, from ? 'from' : 'repository'];
  if (!defined) {
    const ownerUnparsed =
      mayBeUnparsedAccount(index, owner) ||
      index.unparsed.some((part) => part.kind === 'workloads' && part.account === owner) ||
      index.workloads.some(
        (candidate) =>
          candidate.account === owner &&
          index.mayBeUnparsedWorkload(candidate.environment, owner, ['containers', 'repositories'], repository),
      );
    if (ownerUnparsed) return [];
    return [
      problemAt(
        workloads.source,
        where,
        `names repository ${repository}, which account ${owner} does not define`,
        `add ${repository} under containers.repositories of ${owner}'s workloads file`,
      ),
    ];
  }
  if (owner === workloads.account || defined.pullAccounts.includes(workloads.account)) return [];
  return [
    problemAt(
      workloads.source,
      where,
      `pulls from ${owner}'s repository ${repository}, which does not let ${workloads.account} pull`,
      `add ${workloads.account} to pullAccounts of ${repository} in ${ownerFile?.source.file}`,
    ),
  ];
}
