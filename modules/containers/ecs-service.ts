import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EcsService as EcsServiceResource, type EcsServiceServiceConnectConfiguration } from '@cdktf/provider-aws/lib/ecs-service';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { Construct } from 'constructs';
import { checkStrategy, DEFAULT_CAPACITY_PROVIDER_STRATEGY, strategyItems, type CapacityProviderStrategy } from './capacity';
import { checkAccountId, checkArn, checkIntegerRange, checkLogRetention, checkName, checkRegion } from './checks';
import {
  checkContainers,
  containerDefinitions,
  scratchVolumeName,
  writablePathsOf,
  type EcsContainerProps,
  type EcsPortMapping,
} from './container-definitions';
import type { EcsClusterAttributes } from './ecs-cluster';
import { ServiceRole, serviceTrustPolicy, type PolicyStatement } from './iam';
import { checkLattice, LatticeRegistration, type EcsServiceLattice } from './lattice-registration';
import { checkAutoscaling, ServiceAutoscaling, type EcsServiceAutoscaling } from './service-autoscaling';
import { execStatements, executionRoleStatements } from './service-permissions';
import { ALL_EGRESS, checkEgress, TaskSecurityGroup, type EgressRule, type ServiceCallers, type TaskPort } from './task-security-group';

/** Who registers new task definition revisions: Terraform, or a CI pipeline after Terraform created the first one. */
export type ImageOwner = 'terraform' | 'ci';

export interface EcsServiceProps {
  /**
   * Service name (up to 52 characters, so role names stay within IAM's 64), also the task family,
   * log group, security group and role names. CAUTION: changing it replaces the service.
   */
  readonly name: string;
  /** The cluster (an `EcsCluster`, or attributes read from another stack's outputs). */
  readonly cluster: EcsClusterAttributes;
  /** Account of the service (trust policy conditions). */
  readonly accountId: string;
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** VPC of the task security group (and the Lattice target group). CAUTION: changing it replaces the security group. */
  readonly vpcId: string;
  /** Subnets the tasks run in (the app tier; no public IPs are assigned). */
  readonly subnetIds: readonly string[];
  /** Containers keyed by name. */
  readonly containers: Readonly<Record<string, EcsContainerProps>>;
  /** Task CPU units (256, 512, 1024, 2048, 4096, 8192 or 16384). @default 256 */
  readonly cpu?: number;
  /** Task memory in MiB, a size Fargate allows with `cpu`. @default 512 */
  readonly memory?: number;
  /** @default 'X86_64' */
  readonly cpuArchitecture?: 'X86_64' | 'ARM64';
  /** Ephemeral storage in GiB, 21–200. @default - Fargate's 20 GiB */
  readonly ephemeralStorageGiB?: number;
  /** Tasks to run; the minimum capacity when autoscaling. @default 1 */
  readonly desiredCount?: number;
  /** @default FARGATE_SPOT weight 2, FARGATE weight 1 with base 1 (the cluster default) */
  readonly capacityProviderStrategy?: CapacityProviderStrategy;
  /** Who may reach the container ports. @default - no one */
  readonly callers?: ServiceCallers;
  /** Egress rules keyed by name. @default all traffic to 0.0.0.0/0 and ::/0 */
  readonly egress?: Readonly<Record<string, EgressRule>>;
  /** ECR repositories the execution role may pull from (also those of other accounts). @default [] */
  readonly ecrRepositoryArns?: readonly string[];
  /** KMS keys of the secrets and parameters the containers read. @default [] */
  readonly secretKmsKeyArns?: readonly string[];
  /** Extra statements of the task role (what the code may do). @default [] */
  readonly taskRoleStatements?: readonly PolicyStatement[];
  /** ECS Exec into running tasks. @default false */
  readonly enableExecuteCommand?: boolean;
  /** @default 90 */
  readonly logRetentionDays?: number;
  /** awslogs buffer in non-blocking mode. @default '25m' */
  readonly logMaxBufferSize?: string;
  /**
   * Who registers task definition revisions. With 'ci', Terraform registers the first one (with the
   * configured image) and then ignores container changes and the service's task definition, so CI's
   * revisions are never reverted; a change Terraform still owns (cpu, memory, roles) registers a
   * revision the service does not switch to until CI deploys again. Switching changes no address.
   * @default 'terraform'
   */
  readonly imageOwner?: ImageOwner;
  /** Join the cluster's Service Connect namespace (as a client, and as a server for published ports). @default true */
  readonly serviceConnect?: boolean;
  /** @default - a fixed desiredCount */
  readonly autoscaling?: EcsServiceAutoscaling;
  /** Registration in the environment's VPC Lattice service network. @default - none */
  readonly lattice?: EcsServiceLattice;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Fargate service in awsvpc mode: task definition with hardened containers, a log group, least
 * privilege execution and task roles, a task security group, Service Connect, optional target
 * tracking and optional VPC Lattice registration. Either image owner keeps the same addresses.
 */
export class EcsService extends Construct {
  readonly service: EcsServiceResource;
  readonly taskDefinition: EcsTaskDefinition;
  readonly logGroup: CloudwatchLogGroup;
  readonly executionRole: ServiceRole;
  readonly taskRole: ServiceRole;
  readonly securityGroup: TaskSecurityGroup;
  readonly autoscaling?: ServiceAutoscaling;
  readonly lattice?: LatticeRegistration;

  constructor(scope: Construct, id: string, props: EcsServiceProps) {
    super(scope, id);
    validate(props);
    const partition = props.partition ?? 'aws';
    const tags = { ...ecsTaskTags(props.name), ...props.tags };
    const ports = portsOf(props.containers);
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/ecs/${props.name}`,
      retentionInDays: props.logRetentionDays ?? 90,
      kmsKeyId: props.cluster.kmsKeyArn,
      tags: { Name: props.name, ...tags },
    });
    this.executionRole = this.createExecutionRole(props, tags);
    this.taskRole = this.createTaskRole(props, tags);
    const latticePort = props.lattice && ports.find((port) => port.name === props.lattice!.portName);
    this.securityGroup = new TaskSecurityGroup(this, 'security-group', {
      name: props.name,
      vpcId: props.vpcId,
      ports,
      callers: props.callers ?? {},
      egress: props.egress ?? ALL_EGRESS,
      latticePort,
      tags,
    });
    this.taskDefinition = this.createTaskDefinition(props, tags);
    if (props.lattice && latticePort) {
      this.lattice = new LatticeRegistration(this, 'lattice', {
        ...props.lattice,
        name: props.name,
        vpcId: props.vpcId,
        containerPort: latticePort.port,
        accountId: props.accountId,
        region: props.region,
        partition,
        tags,
      });
    }
    this.service = this.createService(props, tags);
    if (props.autoscaling) {
      this.autoscaling = new ServiceAutoscaling(this, 'autoscaling', {
        ...props.autoscaling,
        clusterName: props.cluster.clusterName,
        serviceName: this.service.name,
        tags,
      });
    }
  }

  get serviceName(): string {
    return this.service.name;
  }

  get securityGroupId(): string {
    return this.securityGroup.securityGroupId;
  }

  get taskRoleArn(): string {
    return this.taskRole.roleArn;
  }

  get executionRoleArn(): string {
    return this.executionRole.roleArn;
  }

  private createExecutionRole(props: EcsServiceProps, tags: Record<string, string>): ServiceRole {
    return new ServiceRole(this, 'execution-role', {
      name: `${props.name}-execution`,
      description: `Starts the tasks of ECS service ${props.name}: pulls images, writes logs, reads its secrets`,
      trustPolicy: serviceTrustPolicy('ecs-tasks.amazonaws.com', props.accountId),
      statements: executionRoleStatements({
        ecrRepositoryArns: props.ecrRepositoryArns ?? [],
        logGroupArn: this.logGroup.arn,
        containers: props.containers,
        secretKmsKeyArns: props.secretKmsKeyArns ?? [],
      }),
      tags,
    });
  }

  private createTaskRole(props: EcsServiceProps, tags: Record<string, string>): ServiceRole {
    const partition = props.partition ?? 'aws';
    const exec = props.enableExecuteCommand
      ? execStatements({ execLogGroupArn: props.cluster.execLogGroupArn, kmsKeyArn: props.cluster.kmsKeyArn })
      : [];
    return new ServiceRole(this, 'task-role', {
      name: `${props.name}-task`,
      description: `What the code of ECS service ${props.name} runs as`,
      trustPolicy: serviceTrustPolicy(
        'ecs-tasks.amazonaws.com',
        props.accountId,
        `arn:${partition}:ecs:${props.region}:${props.accountId}:*`,
      ),
      statements: [...exec, ...(props.taskRoleStatements ?? [])],
      tags,
    });
  }

  private createTaskDefinition(props: EcsServiceProps, tags: Record<string, string>): EcsTaskDefinition {
    const execEnabled = props.enableExecuteCommand ?? false;
    const containers = containerDefinitions(
      props.containers,
      { logGroupName: this.logGroup.name, region: props.region, maxBufferSize: props.logMaxBufferSize ?? '25m' },
      execEnabled,
    );
    const volumes = Object.entries(props.containers).flatMap(([name, container]) =>
      writablePathsOf(container, execEnabled).map((containerPath) => ({ name: scratchVolumeName(name, containerPath) })),
    );
    const ciOwnsImage = props.imageOwner === 'ci';
    return new EcsTaskDefinition(this, 'task-definition', {
      family: props.name,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: String(props.cpu ?? 256),
      memory: String(props.memory ?? 512),
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: props.cpuArchitecture ?? 'X86_64' },
      executionRoleArn: this.executionRole.roleArn,
      taskRoleArn: this.taskRole.roleArn,
      containerDefinitions: JSON.stringify(containers),
      volume: volumes,
      ephemeralStorage: props.ephemeralStorageGiB === undefined ? undefined : { sizeInGib: props.ephemeralStorageGiB },
      // With CI owning revisions, read the latest ACTIVE revision instead of reverting to ours (hashicorp/terraform-provider-aws#632).
      trackLatest: ciOwnsImage,
      lifecycle: ciOwnsImage ? { ignoreChanges: ['container_definitions'] } : undefined,
      tags: { Name: props.name, ...tags },
    });
  }

  private createService(props: EcsServiceProps, tags: Record<string, string>): EcsServiceResource {
    const ignoreChanges = [...(props.autoscaling ? ['desired_count'] : []), ...(props.imageOwner === 'ci' ? ['task_definition'] : [])];
    return new EcsServiceResource(this, 'service', {
      name: props.name,
      cluster: props.cluster.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: props.autoscaling?.minCapacity ?? props.desiredCount ?? 1,
      capacityProviderStrategy: strategyItems(props.capacityProviderStrategy ?? DEFAULT_CAPACITY_PROVIDER_STRATEGY),
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [this.securityGroup.securityGroupId], assignPublicIp: false },
      deploymentCircuitBreaker: { enable: true, rollback: true },
      enableExecuteCommand: props.enableExecuteCommand ?? false,
      enableEcsManagedTags: true,
      propagateTags: 'SERVICE',
      availabilityZoneRebalancing: 'ENABLED',
      // A changed capacity provider strategy is applied only with a new deployment.
      forceNewDeployment: true,
      waitForSteadyState: false,
      serviceConnectConfiguration: (props.serviceConnect ?? true) ? this.serviceConnect(props) : undefined,
      vpcLatticeConfigurations: this.lattice
        ? [
            {
              portName: props.lattice!.portName,
              targetGroupArn: this.lattice.targetGroupArn,
              roleArn: this.lattice.infrastructureRole.roleArn,
            },
          ]
        : undefined,
      lifecycle: ignoreChanges.length > 0 ? { ignoreChanges } : undefined,
      dependsOn: props.cluster.capacityProvidersReady ? [props.cluster.capacityProvidersReady] : undefined,
      tags: { Name: props.name, ...tags },
    });
  }

  private serviceConnect(props: EcsServiceProps): EcsServiceServiceConnectConfiguration {
    const published = Object.values(props.containers).flatMap((container) =>
      Object.entries(container.portMappings ?? {}).filter(
        (entry): entry is [string, EcsPortMapping & Required<Pick<EcsPortMapping, 'serviceConnect'>>] => Boolean(entry[1].serviceConnect),
      ),
    );
    return {
      enabled: true,
      namespace: props.cluster.serviceConnectNamespaceArn,
      service: published.map(([portName, mapping]) => ({
        portName,
        discoveryName: `${props.name}-${portName}`,
        clientAlias: { dnsName: mapping.serviceConnect.dnsName ?? props.name, port: mapping.serviceConnect.port ?? mapping.containerPort },
      })),
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': this.logGroup.name, 'awslogs-region': props.region, 'awslogs-stream-prefix': 'service-connect' },
      },
    };
  }
}

/**
 * Tags every task of the service named `serviceName` carries: the service propagates its tags to
 * its tasks (`propagate_tags = "SERVICE"`), so FIS targets and IAM conditions select the tasks by them.
 */
export function ecsTaskTags(serviceName: string): Readonly<Record<string, string>> {
  return { Service: serviceName };
}

function portsOf(containers: Readonly<Record<string, EcsContainerProps>>): TaskPort[] {
  return Object.values(containers).flatMap((container) =>
    Object.entries(container.portMappings ?? {}).map(([name, mapping]) => ({
      name,
      port: mapping.containerPort,
      protocol: mapping.protocol ?? 'tcp',
    })),
  );
}

/** The longest role name suffix is `-ecs-lattice`; IAM role names have at most 64 characters. */
const MAX_NAME_LENGTH = 64 - '-ecs-lattice'.length;

/** Memory sizes (MiB) Fargate allows for each CPU size. */
const FARGATE_MEMORY: Readonly<Record<number, { min: number; max: number; step: number }>> = {
  256: { min: 512, max: 2048, step: 512 },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

function checkTaskSize(where: string, cpu: number, memory: number): void {
  const sizes = FARGATE_MEMORY[cpu];
  if (!sizes) throw new Error(`${where}: cpu ${cpu} is not a Fargate size; use one of ${Object.keys(FARGATE_MEMORY).join(', ')}`);
  const allowed = memory >= sizes.min && memory <= sizes.max && (memory - sizes.min) % sizes.step === 0;
  if (!allowed) {
    throw new Error(`${where}: memory ${memory} MiB does not fit cpu ${cpu}; use ${sizes.min}–${sizes.max} MiB in steps of ${sizes.step}`);
  }
}

function validate(props: EcsServiceProps): void {
  const where = `EcsService ${props.name}`;
  checkName(where, 'name', props.name, MAX_NAME_LENGTH);
  checkAccountId(where, 'accountId', props.accountId);
  checkRegion(where, props.region);
  if (props.subnetIds.length === 0) throw new Error(`${where}: subnetIds is empty; give the app-tier subnets of the spoke`);
  checkContainers(where, props.containers);
  checkTaskSize(where, props.cpu ?? 256, props.memory ?? 512);
  checkIntegerRange(
    where,
    'ephemeralStorageGiB',
    props.ephemeralStorageGiB,
    21,
    200,
    'Fargate gives 20 GiB without it; leave it unset for 20',
  );
  checkIntegerRange(where, 'desiredCount', props.desiredCount, 0, 5000);
  checkLogRetention(where, 'logRetentionDays', props.logRetentionDays);
  if (props.logMaxBufferSize !== undefined && !/^\d+[kmg]$/.test(props.logMaxBufferSize)) {
    throw new Error(`${where}: logMaxBufferSize "${props.logMaxBufferSize}" must be a size such as 25m`);
  }
  if (props.capacityProviderStrategy) checkStrategy(where, 'capacityProviderStrategy', props.capacityProviderStrategy);
  if (props.egress) checkEgress(where, props.egress);
  for (const arn of props.ecrRepositoryArns ?? []) checkArn(where, 'ecrRepositoryArns[]', arn, 'ecr', /^repository\//);
  for (const arn of props.secretKmsKeyArns ?? []) checkArn(where, 'secretKmsKeyArns[]', arn, 'kms', /^key\//);
  if (props.autoscaling) checkAutoscaling(where, props.autoscaling);
  if (props.lattice) {
    checkLattice(where, props.name, props.lattice);
    const ports = portsOf(props.containers);
    const port = ports.find((candidate) => candidate.name === props.lattice!.portName);
    if (!port) {
      throw new Error(
        `${where}: lattice.portName "${props.lattice.portName}" is not a port of any container; use one of: ${ports.map((p) => p.name).join(', ') || 'none'}`,
      );
    }
    if (port.protocol !== 'tcp') throw new Error(`${where}: lattice.portName "${port.name}" is udp; Lattice forwards HTTP over tcp`);
  }
}
