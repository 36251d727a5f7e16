import { accountSegment, hubVpcSegment } from '../defaults';
import type { ParsedConfig, ParsedEnvironment } from '../parsed-config';
import type { VpcConfig } from '../schema';
import type { VpcRole } from '../types';
import type { SourceFile } from '../yaml-source';

/** Every VPC of the config with where it is written, for the checks that look across VPCs. */
export interface VpcEntry {
  readonly name: string;
  readonly source: SourceFile;
  readonly path: readonly string[];
  readonly environment: ParsedEnvironment;
  readonly vpc: VpcConfig;
  readonly role: VpcRole;
  readonly segment: string;
}

export function vpcEntries(environment: ParsedEnvironment): VpcEntry[] {
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

export function allVpcEntries(parsed: ParsedConfig): VpcEntry[] {
  return parsed.environments.flatMap(vpcEntries);
}

/** Finds a VPC by reference: `<name>` in `from`'s environment, or `<environment>/<name>`. */
export function findVpc(entries: readonly VpcEntry[], reference: string, from: ParsedEnvironment): VpcEntry | undefined {
  const [environmentName, name] = reference.includes('/') ? reference.split('/') : [from.name, reference];
  return entries.find((entry) => entry.environment.name === environmentName && entry.name === name);
}
