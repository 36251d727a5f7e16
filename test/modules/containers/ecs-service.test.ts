import { Testing } from 'cdktf';
import { EcsService, type EcsServiceProps } from '../../../modules/containers/ecs-service';
import { referenceTo, resourceAt, resourcesOf, type Resource } from '../synthesized';
import { apiProps, DB_SECRET_ARN, FLAG_PARAMETER_ARN, REPOSITORY_ARN } from './fixtures';

function synth(overrides: Partial<EcsServiceProps> = {}): string {
  return Testing.synthScope((scope) => void new EcsService(scope, 'svc', { ...apiProps, ...overrides }));
}

const service = (synthesized: string): Resource => resourceAt(synthesized, 'aws_ecs_service', 'svc_service');
const taskDefinition = (synthesized: string): Resource => resourceAt(synthesized, 'aws_ecs_task_definition', 'svc_task-definition');
const containers = (synthesized: string): Record<string, any>[] => JSON.parse(taskDefinition(synthesized).container_definitions);
const policyOf = (synthesized: string, role: string): any =>
  JSON.parse(resourcesOf(synthesized, 'aws_iam_role_policy')[`svc_${role}_policy`]?.policy ?? '{"Statement":[]}');

function addresses(synthesized: string): string[] {
  const resources = JSON.parse(synthesized).resource as Record<string, Record<string, unknown>>;
  return Object.entries(resources)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();
}

describe('ecs service', () => {
  const synthesized = synth();

  describe('with the defaults', () => {
    it('runs every container hardened: read-only root fs, not privileged, non-root, no capabilities', () => {
      expect(containers(synthesized)).toEqual([
        expect.objectContaining({
          name: 'app',
          readonlyRootFilesystem: true,
          privileged: false,
          user: '1000:1000',
          linuxParameters: { initProcessEnabled: true, capabilities: { drop: ['ALL'] } },
          mountPoints: [{ sourceVolume: 'app-tmp', containerPath: '/tmp', readOnly: false }],
        }),
      ]);
      expect(taskDefinition(synthesized).volume).toEqual([{ name: 'app-tmp' }]);
    });

    it('never shares the host PID namespace', () => {
      expect(taskDefinition(synthesized).pid_mode).toBeUndefined();
    });

    it('is a Fargate task in awsvpc mode with 256 CPU and 512 MiB and no extra ephemeral storage', () => {
      expect(taskDefinition(synthesized)).toMatchObject({
        family: 'orders-api',
        requires_compatibilities: ['FARGATE'],
        network_mode: 'awsvpc',
        cpu: '256',
        memory: '512',
        runtime_platform: { operating_system_family: 'LINUX', cpu_architecture: 'X86_64' },
      });
      expect(taskDefinition(synthesized).ephemeral_storage).toBeUndefined();
    });

    it('logs through awslogs in non-blocking mode to its own encrypted log group with retention', () => {
      const logGroup = `\${${referenceTo(synthesized, 'aws_cloudwatch_log_group', 'svc_logs')}.name}`;
      expect(containers(synthesized)[0].logConfiguration).toEqual({
        logDriver: 'awslogs',
        options: {
          'awslogs-group': logGroup,
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'app',
          mode: 'non-blocking',
          'max-buffer-size': '25m',
        },
      });
      expect(resourceAt(synthesized, 'aws_cloudwatch_log_group', 'svc_logs')).toMatchObject({
        name: '/ecs/orders-api',
        retention_in_days: 90,
        kms_key_id: apiProps.cluster.kmsKeyArn,
      });
    });

    it('injects secrets as secrets, never as environment values', () => {
      const [app] = containers(synthesized);
      expect(app.secrets).toEqual([
        { name: 'DB_PASSWORD', valueFrom: `${DB_SECRET_ARN}:password::` },
        { name: 'FEATURE_FLAGS', valueFrom: FLAG_PARAMETER_ARN },
      ]);
      expect(app.environment).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
    });

    it('lets the execution role read exactly the given secret and parameter, pull from the given repository and write its logs', () => {
      const statements = policyOf(synthesized, 'execution-role').Statement;
      const logGroupArn = `\${${referenceTo(synthesized, 'aws_cloudwatch_log_group', 'svc_logs')}.arn}`;
      expect(statements).toEqual([
        { Sid: 'WriteServiceLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroupArn}:*` },
        { Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Sid: 'PullImages',
          Effect: 'Allow',
          Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
          Resource: [REPOSITORY_ARN],
        },
        { Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [DB_SECRET_ARN] },
        { Sid: 'ReadParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: [FLAG_PARAMETER_ARN] },
      ]);
    });

    it('trusts only ECS tasks of its own account', () => {
      const trust = JSON.parse(resourceAt(synthesized, 'aws_iam_role', 'svc_task-role').assume_role_policy);
      expect(trust.Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'ecs-tasks.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '222222222222' },
            ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:222222222222:*' },
          },
        },
      ]);
    });

    it('opens the container port only to the given caller security group and CIDR', () => {
      const ingress = Object.values(resourcesOf(synthesized, 'aws_vpc_security_group_ingress_rule'));
      expect(
        ingress.map((rule) => [rule.from_port, rule.to_port, rule.referenced_security_group_id ?? rule.cidr_ipv4 ?? rule.cidr_ipv6]).sort(),
      ).toEqual([
        [8080, 8080, '10.16.0.0/20'],
        [8080, 8080, 'sg-web'],
      ]);
      expect(Object.keys(resourcesOf(synthesized, 'aws_security_group'))).toEqual(['svc_security-group']);
    });

    it('keys each ingress rule by port and caller name', () => {
      expect(Object.keys(resourcesOf(synthesized, 'aws_vpc_security_group_ingress_rule')).sort()).toEqual([
        'svc_security-group_ingress-http-from-shared-services-ipv4',
        'svc_security-group_ingress-http-from-web',
      ]);
    });

    it('places tasks FARGATE_SPOT 2 : FARGATE 1 with base 1 on FARGATE, in private subnets without public IPs', () => {
      expect(service(synthesized)).toMatchObject({
        capacity_provider_strategy: [
          { capacity_provider: 'FARGATE', weight: 1, base: 1 },
          { capacity_provider: 'FARGATE_SPOT', weight: 2 },
        ],
        network_configuration: { subnets: ['subnet-a', 'subnet-b'], assign_public_ip: false },
        force_new_deployment: true,
      });
      expect(service(synthesized).launch_type).toBeUndefined();
    });

    it('rolls a failed deployment back and propagates tags', () => {
      expect(service(synthesized)).toMatchObject({
        deployment_circuit_breaker: { enable: true, rollback: true },
        propagate_tags: 'SERVICE',
        desired_count: 1,
      });
    });

    it('keeps ECS Exec off and gives the task role no permissions', () => {
      expect(service(synthesized).enable_execute_command).toBe(false);
      expect(resourcesOf(synthesized, 'aws_iam_role_policy')['svc_task-role_policy']).toBeUndefined();
    });

    it('publishes the named port through Service Connect in the cluster namespace', () => {
      expect(service(synthesized).service_connect_configuration).toMatchObject({
        enabled: true,
        namespace: apiProps.cluster.serviceConnectNamespaceArn,
        service: [{ port_name: 'http', discovery_name: 'orders-api-http', client_alias: { dns_name: 'orders-api', port: 80 } }],
      });
    });

    it('creates no autoscaling and no Lattice resources, and ignores no changes', () => {
      expect(resourcesOf(synthesized, 'aws_appautoscaling_target')).toEqual({});
      expect(addresses(synthesized).filter((address) => address.startsWith('aws_vpclattice'))).toEqual([]);
      expect(service(synthesized).vpc_lattice_configurations).toBeUndefined();
      expect(service(synthesized).lifecycle).toBeUndefined();
    });
  });

  describe('with a per-service capacity provider strategy', () => {
    it('uses it instead of the cluster default', () => {
      const onDemand = synth({ capacityProviderStrategy: { FARGATE: { weight: 1 } } });
      expect(service(onDemand).capacity_provider_strategy).toEqual([{ capacity_provider: 'FARGATE', weight: 1 }]);
    });
  });

  describe('with autoscaling', () => {
    it('tracks 70 % CPU by default and leaves desired_count to the scaler', () => {
      const scaled = synth({ autoscaling: { minCapacity: 2, maxCapacity: 6 } });
      expect(resourceAt(scaled, 'aws_appautoscaling_target', 'svc_autoscaling_target')).toMatchObject({
        service_namespace: 'ecs',
        scalable_dimension: 'ecs:service:DesiredCount',
        resource_id: `service/orders/\${${referenceTo(scaled, 'aws_ecs_service', 'svc_service')}.name}`,
        min_capacity: 2,
        max_capacity: 6,
      });
      expect(
        resourceAt(scaled, 'aws_appautoscaling_policy', 'svc_autoscaling_policy').target_tracking_scaling_policy_configuration,
      ).toMatchObject({
        target_value: 70,
        predefined_metric_specification: { predefined_metric_type: 'ECSServiceAverageCPUUtilization' },
      });
      expect(service(scaled)).toMatchObject({ desired_count: 2, lifecycle: { ignore_changes: ['desired_count'] } });
    });

    it('tracks visible messages per running task of the given queue', () => {
      const scaled = synth({
        autoscaling: { minCapacity: 0, maxCapacity: 10, metric: { type: 'sqs', queueName: 'orders-work', messagesPerTask: 20 } },
      });
      const configuration = resourceAt(
        scaled,
        'aws_appautoscaling_policy',
        'svc_autoscaling_policy',
      ).target_tracking_scaling_policy_configuration;
      expect(configuration.target_value).toBe(20);
      const metrics = configuration.customized_metric_specification.metrics;
      expect(metrics.map((metric: any) => metric.metric_stat?.metric.dimensions ?? metric.expression)).toEqual([
        [{ name: 'QueueName', value: 'orders-work' }],
        [
          { name: 'ClusterName', value: 'orders' },
          { name: 'ServiceName', value: `\${${referenceTo(scaled, 'aws_ecs_service', 'svc_service')}.name}` },
        ],
        'IF(tasks > 0, visible / tasks, visible)',
      ]);
      expect(metrics.filter((metric: any) => metric.return_data).map((metric: any) => metric.id)).toEqual(['backlog']);
    });

    it('rejects a queue URL where a queue name belongs', () => {
      expect(() =>
        synth({
          autoscaling: {
            minCapacity: 1,
            maxCapacity: 2,
            metric: { type: 'sqs', queueName: 'https://sqs.eu-west-1.amazonaws.com/1/q', messagesPerTask: 5 },
          },
        }),
      ).toThrow(/autoscaling.metric.queueName "https:\/\/sqs.* is not an SQS queue name/);
    });
  });

  describe('with ECS Exec on', () => {
    const withExec = synth({ enableExecuteCommand: true });

    it('enables execute command and lets the task role open SSM channels and log the session', () => {
      expect(service(withExec).enable_execute_command).toBe(true);
      const statements = policyOf(withExec, 'task-role').Statement;
      expect(statements.map((statement: any) => statement.Sid)).toEqual([
        'ExecSessionChannels',
        'ExecFindLogGroup',
        'ExecWriteSessionLogs',
        'ExecDecryptSessions',
      ]);
      expect(statements[2].Resource).toBe(`${apiProps.cluster.execLogGroupArn}:*`);
    });

    it('mounts writable volumes for the exec agent, keeping the root file system read-only', () => {
      const [app] = containers(withExec);
      expect(app.readonlyRootFilesystem).toBe(true);
      expect(app.mountPoints.map((mount: any) => mount.containerPath)).toEqual([
        '/tmp',
        '/managed-agents',
        '/var/lib/amazon/ssm',
        '/var/log/amazon/ssm',
      ]);
    });
  });

  describe('with VPC Lattice registration', () => {
    const networkArn = 'arn:aws:vpc-lattice:eu-west-1:333333333333:servicenetwork/sn-0123456789abcdef0';
    const withLattice = synth({
      lattice: { serviceNetworkIdentifier: networkArn, portName: 'http', invokers: { organizationId: 'o-a1b2c3d4e5' } },
    });
    const ref = (type: string, path: string, attribute: string) => `\${${referenceTo(withLattice, type, path)}.${attribute}}`;

    it('creates an IP target group on the container port, an IAM-auth service, an HTTPS listener and the association', () => {
      expect(resourceAt(withLattice, 'aws_vpclattice_target_group', 'svc_lattice_target-group')).toMatchObject({
        type: 'IP',
        config: { vpc_identifier: 'vpc-1', port: 8080, protocol: 'HTTP' },
      });
      expect(resourceAt(withLattice, 'aws_vpclattice_service', 'svc_lattice_service')).toMatchObject({
        name: 'orders-api',
        auth_type: 'AWS_IAM',
      });
      expect(resourceAt(withLattice, 'aws_vpclattice_listener', 'svc_lattice_listener')).toMatchObject({ protocol: 'HTTPS', port: 443 });
      expect(resourceAt(withLattice, 'aws_vpclattice_service_network_service_association', 'svc_lattice_association')).toMatchObject({
        service_identifier: ref('aws_vpclattice_service', 'svc_lattice_service', 'arn'),
        service_network_identifier: networkArn,
      });
    });

    it('lets only principals of the organization invoke it', () => {
      const policy = JSON.parse(resourceAt(withLattice, 'aws_vpclattice_auth_policy', 'svc_lattice_auth-policy').policy);
      expect(policy.Statement).toEqual([
        expect.objectContaining({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
      ]);
    });

    it('points the service at the target group with an infrastructure role trusted by ECS', () => {
      expect(service(withLattice).vpc_lattice_configurations).toEqual([
        {
          port_name: 'http',
          target_group_arn: ref('aws_vpclattice_target_group', 'svc_lattice_target-group', 'arn'),
          role_arn: ref('aws_iam_role', 'svc_lattice_infrastructure-role', 'arn'),
        },
      ]);
      expect(
        JSON.parse(resourceAt(withLattice, 'aws_iam_role', 'svc_lattice_infrastructure-role').assume_role_policy).Statement[0].Principal,
      ).toEqual({
        Service: 'ecs.amazonaws.com',
      });
      expect(Object.values(resourcesOf(withLattice, 'aws_iam_role_policy_attachment')).map((attachment) => attachment.policy_arn)).toEqual([
        'arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForVpcLattice',
      ]);
    });

    it('opens the Lattice port to the VPC Lattice ranges', () => {
      const fromLattice = Object.entries(resourcesOf(withLattice, 'aws_vpc_security_group_ingress_rule'))
        .filter(([name]) => name.includes('from-lattice'))
        .map(([, rule]) => rule.cidr_ipv4 ?? rule.cidr_ipv6);
      expect(fromLattice.sort()).toEqual(['169.254.171.0/24', 'fd00:ec2:80::/64']);
    });

    it('rejects a port name no container has', () => {
      expect(() =>
        synth({ lattice: { serviceNetworkIdentifier: networkArn, portName: 'grpc', invokers: { organizationId: 'o-a1b2c3d4e5' } } }),
      ).toThrow('EcsService orders-api: lattice.portName "grpc" is not a port of any container; use one of: http');
    });

    it('rejects a registration no one could call', () => {
      expect(() => synth({ lattice: { serviceNetworkIdentifier: networkArn, portName: 'http', invokers: {} } })).toThrow(
        /lattice.invokers is empty/,
      );
    });
  });

  describe('with CI owning the image', () => {
    const ciOwned = synth({ imageOwner: 'ci', autoscaling: { minCapacity: 1, maxCapacity: 4 } });

    it('ignores task definition changes on the service and container changes on the task definition', () => {
      expect(service(ciOwned).lifecycle).toEqual({ ignore_changes: ['desired_count', 'task_definition'] });
      expect(taskDefinition(ciOwned)).toMatchObject({ track_latest: true, lifecycle: { ignore_changes: ['container_definitions'] } });
    });

    it('keeps every Terraform address when switching owners', () => {
      const terraformOwned = synth({ imageOwner: 'terraform', autoscaling: { minCapacity: 1, maxCapacity: 4 } });
      expect(addresses(ciOwned)).toEqual(addresses(terraformOwned));
      expect(taskDefinition(terraformOwned).lifecycle).toBeUndefined();
    });
  });

  describe('with ephemeral storage', () => {
    it('sets the size when it is 21–200 GiB', () => {
      expect(taskDefinition(synth({ ephemeralStorageGiB: 50 })).ephemeral_storage).toEqual({ size_in_gib: 50 });
    });

    it.each([20, 201])('rejects %i GiB with a clear error', (size) => {
      expect(() => synth({ ephemeralStorageGiB: size })).toThrow(
        `EcsService orders-api: ephemeralStorageGiB is ${size}; it must be a whole number from 21 to 200 — Fargate gives 20 GiB without it; leave it unset for 20`,
      );
    });
  });

  describe('with invalid containers', () => {
    const app = apiProps.containers.app;

    it('rejects a secret-looking plain environment value', () => {
      expect(() => synth({ containers: { app: { ...app, environment: { API_TOKEN: 'abc' } } } })).toThrow(
        'EcsService orders-api: containers.app.environment.API_TOKEN looks like a secret; put its Secrets Manager or SSM parameter ARN in secrets.API_TOKEN instead',
      );
    });

    it('rejects a container that runs as root', () => {
      expect(() => synth({ containers: { app: { ...app, user: '0:0' } } })).toThrow(/containers.app.user "0:0" runs as root/);
    });

    it('rejects a memory size that does not fit the CPU', () => {
      expect(() => synth({ cpu: 1024, memory: 512 })).toThrow(
        'EcsService orders-api: memory 512 MiB does not fit cpu 1024; use 2048–8192 MiB in steps of 1024',
      );
    });

    it('rejects a port name used twice in the task', () => {
      const sidecar = { image: 'envoy:1', essential: false, portMappings: { http: { containerPort: 9901 } } };
      expect(() => synth({ containers: { app, sidecar } })).toThrow(/portMappings.http: container app already has a port of that name/);
    });
  });
});
