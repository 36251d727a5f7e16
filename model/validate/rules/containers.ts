import { vpcTiers } from '../../defaults';
import { clusterName } from '../../naming';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';
import {
  imageRepositoryProblems,
  isProdAccount,
  mayBeUnparsedAccount,
  serviceEntries,
  serviceProblem,
  unknownQueueProblems,
  workloadsEntries,
} from './workloads';

/* ECS services and ECR repositories of workloads files. */

/** Fargate task sizes: memory (MiB) allowed for each cpu unit count. */
const FARGATE_MEMORY: Readonly<Record<number, { readonly min: number; readonly max: number; readonly step: number }>> = {
  256: { min: 512, max: 2048, step: 512 },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
};

export const serviceSubnetTierExists: ConfigRule = {
  id: 'containers/subnet-tier-exists',
  description: "A service runs in a tier its account's VPC has, with IPv4 subnets.",
  check: (index) =>
    serviceEntries(index).flatMap((entry) => {
      const tiers = entry.account.vpc ? vpcTiers(entry.account.vpc) : {};
      const tier = tiers[entry.service.subnetTier];
      if (!entry.account.vpc || (tier && !tier.ipv6Only)) return [];
      const usable = Object.entries(tiers).flatMap(([name, settings]) => (settings.ipv6Only ? [] : [name]));
      return [
        serviceProblem(
          entry,
          ['subnetTier'],
          tier
            ? `is ${entry.service.subnetTier}, an IPv6-only tier; Fargate tasks need IPv4`
            : `is ${entry.service.subnetTier}, a tier the VPC of ${entry.workloads.account} does not have`,
          `use one of ${usable.join(', ')}`,
        ),
      ];
    }),
};

export const noExecInProd: ConfigRule = {
  id: 'containers/no-exec-in-prod',
  description: 'ECS Exec is never on in a prod-segment account.',
  check: (index) =>
    serviceEntries(index)
      .filter((entry) => entry.service.exec && isProdAccount(entry.account, entry.environment.config))
      .map((entry) =>
        serviceProblem(
          entry,
          ['exec'],
          `is on in ${entry.workloads.account}, a production account`,
          'turn ECS Exec off in production; debug in a non-prod environment',
        ),
      ),
};

export const ephemeralStorageInRange: ConfigRule = {
  id: 'containers/ephemeral-storage-in-range',
  description: 'Fargate ephemeral storage is 21 to 200 GiB when given.',
  check: (index) =>
    serviceEntries(index)
      .filter(
        ({ service }) =>
          service.ephemeralStorageGiB !== undefined && (service.ephemeralStorageGiB < 21 || service.ephemeralStorageGiB > 200),
      )
      .map((entry) =>
        serviceProblem(
          entry,
          ['ephemeralStorageGiB'],
          `is ${entry.service.ephemeralStorageGiB} GiB; Fargate allows 21 to 200`,
          'give 21–200 GiB, or leave it out for the default 20 GiB',
        ),
      ),
};

export const fargateTaskSize: ConfigRule = {
  id: 'containers/fargate-task-size',
  description: 'A service’s memory is one Fargate allows for its cpu.',
  check: (index) =>
    serviceEntries(index).flatMap((entry) => {
      const { cpu, memory } = entry.service;
      const allowed = FARGATE_MEMORY[cpu];
      if (!allowed || (memory >= allowed.min && memory <= allowed.max && (memory - allowed.min) % allowed.step === 0)) return [];
      return [
        serviceProblem(
          entry,
          ['memory'],
          `is ${memory} MiB, which Fargate does not offer with cpu ${cpu}`,
          `use ${allowed.min}–${allowed.max} MiB in steps of ${allowed.step}, or change cpu`,
        ),
      ];
    }),
};

export const serviceQueuesExist: ConfigRule = {
  id: 'containers/queues-exist',
  description: 'The queues a service scales on or consumes are queues of its file.',
  check: (index) =>
    serviceEntries(index).flatMap((entry) => [
      ...(entry.service.scaling?.queue
        ? unknownQueueProblems(entry, entry.service.scaling.queue, [...entry.path, 'scaling', 'queue'])
        : []),
      ...entry.service.consumes.flatMap((queue, position) => unknownQueueProblems(entry, queue, [...entry.path, 'consumes', position])),
    ]),
};

export const scalingBounds: ConfigRule = {
  id: 'containers/scaling-bounds',
  description: 'Autoscaling has minCount ≤ desiredCount ≤ maxCount, and one target: CPU or a queue.',
  check: (index) =>
    serviceEntries(index).flatMap((entry) => {
      const { scaling, desiredCount } = entry.service;
      if (!scaling) return [];
      if (scaling.cpuTarget !== undefined && scaling.queue !== undefined) {
        return [serviceProblem(entry, ['scaling'], 'has both cpuTarget and queue', 'scale on one target: keep cpuTarget or queue')];
      }
      if (scaling.minCount <= desiredCount && desiredCount <= scaling.maxCount) return [];
      return [
        serviceProblem(
          entry,
          ['scaling'],
          `runs ${scaling.minCount}–${scaling.maxCount} tasks, but desiredCount is ${desiredCount}`,
          'keep minCount ≤ desiredCount ≤ maxCount',
        ),
      ];
    }),
};

export const callersExist: ConfigRule = {
  id: 'containers/callers-exist',
  description: 'A service’s callers are other services of its file, and it has a port to be called on.',
  check: (index) =>
    serviceEntries(index).flatMap((entry) => {
      const services = Object.keys(entry.workloads.config.containers?.services ?? {});
      const unknown = entry.service.callers.services.flatMap((caller, position) =>
        services.includes(caller) && caller !== entry.name
          ? []
          : [
              serviceProblem(
                entry,
                ['callers', 'services', position],
                caller === entry.name ? 'names the service itself' : `names ${caller}, which is not a service of this file`,
                `use one of ${services.filter((name) => name !== entry.name).join(', ') || 'the other services'}`,
              ),
            ],
      );
      const callers = entry.service.callers.services.length + entry.service.callers.tiers.length;
      const portless = (callers > 0 || entry.service.lattice) && entry.service.port === undefined;
      return [
        ...unknown,
        ...(portless ? [serviceProblem(entry, [], 'has callers (or Lattice) but no port', 'give the port the container listens on')] : []),
      ];
    }),
};

export const latticeNeedsServiceNetwork: ConfigRule = {
  id: 'containers/lattice-needs-service-network',
  description: "A service registers in Lattice only where the environment's hub has a service network.",
  check: (index) =>
    serviceEntries(index)
      .filter((entry) => entry.service.lattice && !entry.environment.config.networkHub.lattice)
      .map((entry) =>
        serviceProblem(
          entry,
          ['lattice'],
          `is on, but environment ${entry.environment.name} has no Lattice service network`,
          `set networkHub.lattice: true in ${entry.environment.source.file}, or turn lattice off`,
        ),
      ),
};

export const imageRepositoryResolves: ConfigRule = {
  id: 'containers/image-repository-resolves',
  description: "A service's image is in a repository of its account, or of an account that lets it pull.",
  check: (index) =>
    serviceEntries(index).flatMap((entry) =>
      imageRepositoryProblems(index, entry.workloads, entry.service.image, [...entry.path, 'image']),
    ),
};

export const pullAccountsExist: ConfigRule = {
  id: 'containers/pull-accounts-exist',
  description: 'A repository lets only accounts of the organization pull, never its own account.',
  check: (index) =>
    workloadsEntries(index).flatMap(({ workloads }) =>
      Object.entries(workloads.config.containers?.repositories ?? {}).flatMap(([name, repository]) =>
        repository.pullAccounts.flatMap((account, position) =>
          (index.accounts.some((candidate) => candidate.name === account) || mayBeUnparsedAccount(index, account)) &&
          account !== workloads.account
            ? []
            : [
                problemAt(
                  workloads.source,
                  ['containers', 'repositories', name, 'pullAccounts', position],
                  account === workloads.account
                    ? 'is the repository’s own account'
                    : `names ${account}, which is not an account of the organization`,
                  'list the accounts of other environments that pull, by name',
                ),
              ],
        ),
      ),
    ),
};

/** ECS service names become IAM role names with a suffix (`-execution`), which IAM caps at 64. */
const MAX_SERVICE_NAME = 52;

export const serviceNameFits: ConfigRule = {
  id: 'containers/service-name-fits',
  description: 'A service’s full name (<org>-<env>-<account>-<service>) stays within the 52 characters its IAM roles allow.',
  check: (index) =>
    serviceEntries(index).flatMap((entry) => {
      const organization = index.org?.config.organization.name;
      if (!organization) return [];
      const name = `${clusterName(organization, entry.environment.name, entry.workloads.account)}-${entry.name}`;
      if (name.length <= MAX_SERVICE_NAME) return [];
      return [
        serviceProblem(
          entry,
          [],
          `makes the name ${name}, ${name.length} characters; its IAM roles allow ${MAX_SERVICE_NAME}`,
          `shorten the service name by ${name.length - MAX_SERVICE_NAME} character${name.length - MAX_SERVICE_NAME === 1 ? '' : 's'}`,
        ),
      ];
    }),
};
