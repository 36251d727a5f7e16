import { accountSegment, hubSegments, hubVpcSegment } from '../defaults';
import type { ParsedConfig, ParsedEnvironment, ParsedOrg, UnparsedPart } from '../parsed-config';
import type { PeeringConfig, VpcConfig } from '../schema';
import type { VpcRole } from '../types';
import type { ParsedWorkloads } from '../workloads/types';
import type { SourceFile } from '../yaml-source';

/** An account (organization-wide or of an environment) with where it is written. */
export interface AccountEntry {
  readonly name: string;
  readonly source: SourceFile;
  readonly path: readonly string[];
  readonly email: string;
  readonly id?: string;
  readonly ou: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A VPC (hub or spoke) with where it is written, its role and its segment. */
export interface VpcEntry {
  readonly name: string;
  readonly source: SourceFile;
  readonly path: readonly string[];
  readonly environment: ParsedEnvironment;
  readonly vpc: VpcConfig;
  readonly role: VpcRole;
  readonly segment: string;
}

/** A peering with its sides looked up; a side is undefined when its reference does not resolve. */
export interface PeeringEntry {
  readonly name: string;
  readonly environment: ParsedEnvironment;
  readonly path: readonly string[];
  readonly peering: PeeringConfig;
  readonly requester?: VpcEntry;
  readonly accepter?: VpcEntry;
}

/** Everything the rules look up, built once per run. */
export interface ConfigIndex {
  readonly org?: ParsedOrg;
  readonly environments: readonly ParsedEnvironment[];
  /** Organization-wide accounts first, then each environment's, in file order. */
  readonly accounts: readonly AccountEntry[];
  readonly vpcs: readonly VpcEntry[];
  readonly peerings: readonly PeeringEntry[];
  readonly ouNames: readonly string[];
  readonly orgAccountNames: readonly string[];
  /** Workloads files (`<env>/<account>.yaml`) that passed the schema. */
  readonly workloads: readonly ParsedWorkloads[];
  /** The date rules compare expiry dates with (YYYY-MM-DD, UTC). */
  readonly today: string;
  /** Parts that failed the schema and are missing from `org` and `environments`. */
  readonly unparsed: readonly UnparsedPart[];
  vpcsOf(environment: ParsedEnvironment): readonly VpcEntry[];
  segmentsOf(environment: ParsedEnvironment): readonly string[];
  /** `<name>` in `from`'s environment, or `<environment>/<name>`. */
  findVpc(reference: string, from: ParsedEnvironment): VpcEntry | undefined;
  /** True when the name may be defined in a part that failed the schema: a reference to it is then not reported. */
  mayBeUnparsedOu(name: string): boolean;
  mayBeUnparsedOrgAccount(name: string): boolean;
  mayBeUnparsedVpc(reference: string, from: ParsedEnvironment): boolean;
  /** True when the environment's file, or the named entry of a workloads file, failed the schema. */
  mayBeUnparsedWorkload(environment: string, account: string, collection: readonly string[], name: string): boolean;
}

export interface ConfigIndexOptions {
  /** YYYY-MM-DD. @default today (UTC) */
  readonly today?: string;
}

export function buildConfigIndex(parsed: ParsedConfig, options: ConfigIndexOptions = {}): ConfigIndex {
  const vpcsByEnvironment = new Map(parsed.environments.map((environment) => [environment, vpcEntries(environment)]));
  const vpcs = [...vpcsByEnvironment.values()].flat();
  const segments = new Map(parsed.environments.map((environment) => [environment, hubSegments(environment.config)]));
  const findVpc = (reference: string, from: ParsedEnvironment) => {
    const [environmentName, name] = splitReference(reference, from);
    return vpcs.find((entry) => entry.environment.name === environmentName && entry.name === name);
  };
  const unparsed = parsed.unparsed ?? [];
  return {
    org: parsed.org,
    environments: parsed.environments,
    accounts: accountEntries(parsed),
    vpcs,
    peerings: peeringEntries(parsed.environments, findVpc),
    ouNames: Object.keys(parsed.org?.config.organizationalUnits ?? {}),
    orgAccountNames: Object.keys(parsed.org?.config.accounts ?? {}),
    workloads: parsed.workloads ?? [],
    unparsed,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    vpcsOf: (environment) => vpcsByEnvironment.get(environment) ?? [],
    segmentsOf: (environment) => segments.get(environment) ?? [],
    findVpc,
    mayBeUnparsedOu: (name) => unparsedName(unparsed, 'org', undefined, ['organizationalUnits'], name),
    mayBeUnparsedOrgAccount: (name) => unparsedName(unparsed, 'org', undefined, ['accounts'], name),
    mayBeUnparsedWorkload: (environment, account, collection, name) =>
      unparsedName(unparsed, 'environment', environment, ['accounts'], account) ||
      unparsed.some(
        (part) =>
          part.kind === 'workloads' &&
          part.environment === environment &&
          part.account === account &&
          (part.path.length === 0 ||
            (part.path.length === collection.length + 1 &&
              collection.every((key, i) => part.path[i] === key) &&
              part.path[collection.length] === name)),
      ),
    mayBeUnparsedVpc: (reference, from) => {
      const [environment, name] = splitReference(reference, from);
      return (
        unparsedName(unparsed, 'environment', environment, ['accounts'], name) ||
        unparsedName(unparsed, 'environment', environment, ['networkHub', 'vpcs'], name)
      );
    },
  };
}

function splitReference(reference: string, from: ParsedEnvironment): [string, string] {
  const slash = reference.indexOf('/');
  return slash >= 0 ? [reference.slice(0, slash), reference.slice(slash + 1)] : [from.name, reference];
}

/** Whether `name` under `collection` (or the whole file) of that file was left out of the parsed config. */
function unparsedName(
  unparsed: readonly UnparsedPart[],
  kind: UnparsedPart['kind'],
  environment: string | undefined,
  collection: readonly string[],
  name: string,
): boolean {
  return unparsed.some(
    (part) =>
      part.kind === kind &&
      part.environment === environment &&
      (part.path.length === 0 ||
        (part.path.length === collection.length + 1 &&
          collection.every((key, i) => part.path[i] === key) &&
          part.path[collection.length] === name)),
  );
}

function vpcEntries(environment: ParsedEnvironment): VpcEntry[] {
  const { config, source } = environment;
  const hub = Object.entries(config.networkHub.vpcs).map(([name, vpc]) => ({
    name,
    source,
    environment,
    vpc,
    role: vpc.role,
    segment: hubVpcSegment(vpc),
    path: ['networkHub', 'vpcs', name],
  }));
  const spokes = Object.entries(config.accounts).flatMap(([name, account]) =>
    account.vpc
      ? [
          {
            name,
            source,
            environment,
            vpc: account.vpc,
            role: 'workload' as const,
            segment: accountSegment(account, config),
            path: ['accounts', name, 'vpc'],
          },
        ]
      : [],
  );
  return [...hub, ...spokes];
}

function accountEntries(parsed: ParsedConfig): AccountEntry[] {
  const org = parsed.org;
  const fromOrg = org
    ? Object.entries(org.config.accounts).map(([name, account]) => ({ name, source: org.source, path: ['accounts', name], ...account }))
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

function peeringEntries(
  environments: readonly ParsedEnvironment[],
  findVpc: (reference: string, from: ParsedEnvironment) => VpcEntry | undefined,
): PeeringEntry[] {
  return environments.flatMap((environment) =>
    Object.entries(environment.config.peerings).map(([name, peering]) => ({
      name,
      environment,
      path: ['peerings', name],
      peering,
      requester: findVpc(peering.requester, environment),
      accepter: findVpc(peering.accepter, environment),
    })),
  );
}
