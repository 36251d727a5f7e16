import { flowLogDestination } from '../../defaults';
import { hubStackName, IPAM_STACK, LOG_ARCHIVE_STACK, ORG_STACK, spokeStackName } from '../../naming';
import { joinPath, type ConfigProblem } from '../../problems';
import { problemAt, type SourceFile } from '../../yaml-source';
import type { VpcEntry } from '../config-index';
import type { ConfigRule } from '../rule';

/* Name rules: names the landing zone derives from config stay unique and within AWS limits. */

const IAM_ROLE_NAME_LIMIT = 64;

export const uniqueStackNames: ConfigRule = {
  id: 'names/unique-stack-names',
  description: 'No two stacks get the same name (e.g. environment a-spoke-b and account b-network-hub of environment a).',
  check: ({ environments }) => {
    const organizationStacks = new Set([ORG_STACK, LOG_ARCHIVE_STACK, IPAM_STACK]);
    const seen = new Map<string, string>();
    const problems: ConfigProblem[] = [];
    const claim = (stack: string, source: SourceFile, path: readonly string[], what: string) => {
      const first = organizationStacks.has(stack) ? 'an organization-wide stack' : seen.get(stack);
      if (first) {
        problems.push(
          problemAt(
            source,
            path,
            `makes the stack name ${stack}, which ${first} has too`,
            `rename the ${what}; stack names must be unique`,
          ),
        );
      } else {
        seen.set(stack, `${what === 'account' ? 'an account' : 'the hub'} of ${source.file}`);
      }
    };
    for (const { name, source, config } of environments) {
      claim(hubStackName(name), source, [], 'environment file');
      for (const [account, settings] of Object.entries(config.accounts)) {
        if (settings.vpc) claim(spokeStackName(name, account), source, ['accounts', account], 'account');
      }
    }
    return problems;
  },
};

export const flowLogRoleNameLength: ConfigRule = {
  id: 'names/flow-log-role-name-length',
  description:
    'With flow logs to CloudWatch Logs, `<organization>-<environment>-<vpc>-flow-logs` fits the 64 characters of an IAM role name.',
  check: (index) =>
    index.vpcs.flatMap((entry) => {
      if (!index.org || flowLogDestination(entry.environment.config, index.org.config) !== 'cloud-watch-logs') return [];
      const role = `${index.org.config.organization.name}-${entry.environment.name}-${entry.name}-flow-logs`;
      if (role.length <= IAM_ROLE_NAME_LIMIT) return [];
      return [
        problemAt(
          entry.source,
          ownerPath(entry),
          `makes the flow-log role name ${role}, ${role.length} characters where IAM allows ${IAM_ROLE_NAME_LIMIT}`,
          'shorten the name (or the organization or environment name), or send flow logs to s3',
        ),
      ];
    }),
};

export const uniqueIpamReservationNames: ConfigRule = {
  id: 'names/unique-ipam-reservations',
  description:
    'With IPAM, `<environment>-<vpc>` names each fixed VPC block once per region (environment a, VPC b-c and environment a-b, VPC c would share one reservation).',
  check: ({ org, vpcs }) => {
    if (!org?.config.network.ipam) return [];
    const first = new Map<string, VpcEntry>();
    return vpcs.flatMap((entry) => {
      if (entry.vpc.cidr === undefined) return [];
      const key = `${entry.environment.config.region} ${entry.environment.name}-${entry.name}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, entry);
        return [];
      }
      return [
        problemAt(
          entry.source,
          ownerPath(entry),
          `reserves its block in IPAM as ${entry.environment.name}-${entry.name}, the name ${earlier.source.file} ${joinPath(ownerPath(earlier))} reserves too, so one reservation would be lost`,
          'rename the VPC (or the environment) so that <environment>-<name> differs',
        ),
      ];
    });
  },
};

/** Where a VPC is named: the account for a spoke (`accounts.<name>`), the hub VPC itself otherwise. */
function ownerPath(entry: VpcEntry): readonly string[] {
  return entry.role === 'workload' ? entry.path.slice(0, 2) : entry.path;
}
