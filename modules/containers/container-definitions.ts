import { checkIntegerRange, isKnown } from './checks';

/*
 * The container definitions of a Fargate task, written as the JSON ECS expects, with the hardened
 * defaults every container gets: read-only root file system, never privileged, a non-root user,
 * no Linux capabilities, logs through awslogs in non-blocking mode, secrets only as `secrets`.
 */

export type AppProtocol = 'http' | 'http2' | 'grpc';

export interface EcsPortMapping {
  readonly containerPort: number;
  /** @default 'tcp' */
  readonly protocol?: 'tcp' | 'udp';
  /** Protocol Service Connect and Lattice speak to the port. @default 'http' */
  readonly appProtocol?: AppProtocol;
  /**
   * Publishes the port through Service Connect under `dnsName:port` for clients in the namespace.
   * @default - not published (the service can still call others)
   */
  readonly serviceConnect?: { readonly dnsName?: string; readonly port?: number };
}

export interface EcsContainerHealthCheck {
  /** e.g. `['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1']` */
  readonly command: readonly string[];
  /** @default 30 */
  readonly intervalSeconds?: number;
  /** @default 5 */
  readonly timeoutSeconds?: number;
  /** @default 3 */
  readonly retries?: number;
  /** @default 0 */
  readonly startPeriodSeconds?: number;
}

export interface EcsContainerProps {
  /** Image URI, e.g. `111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2`. With `imageOwner: 'ci'` only the first image. */
  readonly image: string;
  /** @default true */
  readonly essential?: boolean;
  /** Ports keyed by name (Service Connect and Lattice refer to ports by name; names are unique in the task). @default {} */
  readonly portMappings?: Readonly<Record<string, EcsPortMapping>>;
  /** Plain, non-secret values only; anything secret goes in `secrets`. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Environment variable → ARN of a Secrets Manager secret (optionally `:json-key::`) or an SSM parameter. @default {} */
  readonly secrets?: Readonly<Record<string, string>>;
  /** @default - the image's */
  readonly command?: readonly string[];
  /** @default - the image's */
  readonly entryPoint?: readonly string[];
  /** Non-root `uid:gid` (or a user name) the container runs as. @default '1000:1000' */
  readonly user?: string;
  /** CPU units reserved for the container. @default - none (shares the task's) */
  readonly cpu?: number;
  /** Hard memory limit in MiB. @default - none (the task's) */
  readonly memory?: number;
  /** Paths mounted as writable scratch volumes, since the root file system is read-only. @default ['/tmp'] */
  readonly writablePaths?: readonly string[];
  /** @default - none */
  readonly healthCheck?: EcsContainerHealthCheck;
}

export interface ContainerLogSettings {
  readonly logGroupName: string;
  readonly region: string;
  /** Buffer awslogs keeps in non-blocking mode before dropping lines, e.g. `25m`. */
  readonly maxBufferSize: string;
}

export type ContainerDefinition = Record<string, unknown>;

/** Where the ECS Exec agent writes; with a read-only root file system these must be writable volumes (aws/containers-roadmap#1359). */
export const EXEC_AGENT_PATHS = ['/managed-agents', '/var/lib/amazon/ssm', '/var/log/amazon/ssm'];

const DEFAULT_USER = '1000:1000';
const SECRET_LOOKING_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|ACCESS_KEY|CREDENTIAL)/i;

/** The volume name of a writable path, e.g. `app-var-cache` for `/var/cache` in container `app`. */
export function scratchVolumeName(container: string, containerPath: string): string {
  return `${container}-${containerPath.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9]+/g, '-') || 'root'}`;
}

/** Writable paths of a container, with the exec agent's paths added when ECS Exec is on. */
export function writablePathsOf(container: EcsContainerProps, execEnabled: boolean): string[] {
  const paths = [...(container.writablePaths ?? ['/tmp']), ...(execEnabled ? EXEC_AGENT_PATHS : [])];
  return [...new Set(paths)];
}

export function containerDefinitions(
  containers: Readonly<Record<string, EcsContainerProps>>,
  logs: ContainerLogSettings,
  execEnabled: boolean,
): ContainerDefinition[] {
  return Object.entries(containers).map(([name, container]) => containerDefinition(name, container, logs, execEnabled));
}

function containerDefinition(
  name: string,
  container: EcsContainerProps,
  logs: ContainerLogSettings,
  execEnabled: boolean,
): ContainerDefinition {
  return withoutUndefined({
    name,
    image: container.image,
    essential: container.essential ?? true,
    cpu: container.cpu,
    memory: container.memory,
    user: container.user ?? DEFAULT_USER,
    privileged: false,
    readonlyRootFilesystem: true,
    linuxParameters: { initProcessEnabled: true, capabilities: { drop: ['ALL'] } },
    command: container.command,
    entryPoint: container.entryPoint,
    portMappings: Object.entries(container.portMappings ?? {}).map(([portName, mapping]) => ({
      name: portName,
      containerPort: mapping.containerPort,
      hostPort: mapping.containerPort,
      protocol: mapping.protocol ?? 'tcp',
      appProtocol: mapping.protocol === 'udp' ? undefined : (mapping.appProtocol ?? 'http'),
    })),
    environment: sortedPairs(container.environment).map(([key, value]) => ({ name: key, value })),
    secrets: sortedPairs(container.secrets).map(([key, valueFrom]) => ({ name: key, valueFrom })),
    mountPoints: writablePathsOf(container, execEnabled).map((containerPath) => ({
      sourceVolume: scratchVolumeName(name, containerPath),
      containerPath,
      readOnly: false,
    })),
    healthCheck: container.healthCheck && {
      command: container.healthCheck.command,
      interval: container.healthCheck.intervalSeconds ?? 30,
      timeout: container.healthCheck.timeoutSeconds ?? 5,
      retries: container.healthCheck.retries ?? 3,
      startPeriod: container.healthCheck.startPeriodSeconds ?? 0,
    },
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': logs.logGroupName,
        'awslogs-region': logs.region,
        'awslogs-stream-prefix': name,
        mode: 'non-blocking',
        'max-buffer-size': logs.maxBufferSize,
      },
    },
  });
}

function sortedPairs(record: Readonly<Record<string, string>> | undefined): [string, string][] {
  return Object.entries(record ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

function withoutUndefined(definition: ContainerDefinition): ContainerDefinition {
  return Object.fromEntries(Object.entries(definition).filter(([, value]) => value !== undefined));
}

/** IAM resource of a secret reference: a Secrets Manager `valueFrom` may end in `:json-key:version-stage:version-id`. */
export function secretResourceArn(valueFrom: string): string {
  if (!isKnown(valueFrom)) return valueFrom;
  const parts = valueFrom.split(':');
  return parts[2] === 'secretsmanager' ? parts.slice(0, 7).join(':') : valueFrom;
}

export function secretService(valueFrom: string): 'secretsmanager' | 'ssm' | undefined {
  const service = valueFrom.split(':')[2];
  return service === 'secretsmanager' || service === 'ssm' ? service : undefined;
}

/** Checks the containers of a service; `where` names the service. */
export function checkContainers(where: string, containers: Readonly<Record<string, EcsContainerProps>>): void {
  const entries = Object.entries(containers);
  if (entries.length === 0) throw new Error(`${where}: containers is empty; give the task at least one container`);
  if (!entries.some(([, container]) => container.essential ?? true)) {
    throw new Error(`${where}: no container is essential; mark the main container essential: true`);
  }
  const portNames = new Map<string, string>();
  for (const [name, container] of entries) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/.test(name)) {
      throw new Error(`${where}: container name "${name}" must be letters, digits, hyphens and underscores`);
    }
    checkUser(`${where}: containers.${name}`, container.user);
    checkEnvironment(`${where}: containers.${name}`, container);
    checkPorts(`${where}: containers.${name}`, container, name, portNames);
    for (const containerPath of container.writablePaths ?? []) {
      if (!containerPath.startsWith('/')) {
        throw new Error(`${where}: containers.${name}.writablePaths "${containerPath}" must be an absolute path such as /tmp`);
      }
    }
  }
}

function checkUser(where: string, user: string | undefined): void {
  if (user === undefined || !isKnown(user)) return;
  if (user === 'root' || user === '0' || user.startsWith('0:') || user.startsWith('root:')) {
    throw new Error(`${where}.user "${user}" runs as root; run as a non-root user such as "1000:1000"`);
  }
}

function checkEnvironment(where: string, container: EcsContainerProps): void {
  for (const [name, value] of Object.entries(container.environment ?? {})) {
    if (SECRET_LOOKING_NAME.test(name) || /^arn:[^:]+:(secretsmanager|ssm):/.test(value)) {
      throw new Error(
        `${where}.environment.${name} looks like a secret; put its Secrets Manager or SSM parameter ARN in secrets.${name} instead`,
      );
    }
    if (container.secrets?.[name] !== undefined)
      throw new Error(`${where}: ${name} is in both environment and secrets; keep it in secrets`);
  }
  for (const [name, valueFrom] of Object.entries(container.secrets ?? {})) {
    if (isKnown(valueFrom) && !secretService(valueFrom)) {
      throw new Error(`${where}.secrets.${name} "${valueFrom}" is not the ARN of a Secrets Manager secret or an SSM parameter`);
    }
  }
}

function checkPorts(where: string, container: EcsContainerProps, containerName: string, portNames: Map<string, string>): void {
  for (const [portName, mapping] of Object.entries(container.portMappings ?? {})) {
    if (!/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/.test(portName)) {
      throw new Error(`${where}.portMappings: port name "${portName}" must be up to 64 lower-case letters, digits and hyphens`);
    }
    const owner = portNames.get(portName);
    if (owner)
      throw new Error(
        `${where}.portMappings.${portName}: container ${owner} already has a port of that name; port names are unique in a task`,
      );
    portNames.set(portName, containerName);
    checkIntegerRange(where, `portMappings.${portName}.containerPort`, mapping.containerPort, 1, 65535);
    if (mapping.serviceConnect?.port !== undefined) {
      checkIntegerRange(where, `portMappings.${portName}.serviceConnect.port`, mapping.serviceConnect.port, 1, 65535);
    }
    if (mapping.serviceConnect && mapping.protocol === 'udp') {
      throw new Error(`${where}.portMappings.${portName}: Service Connect publishes TCP ports only; remove serviceConnect or use tcp`);
    }
  }
}
