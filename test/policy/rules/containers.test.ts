import { Testing } from 'cdktf';
import { EcrRepository } from '../../../modules/containers/ecr-repository';
import { EcsCluster } from '../../../modules/containers/ecs-cluster';
import { EcsService } from '../../../modules/containers/ecs-service';
import { evaluateStack } from '../../../policy/engine';
import { documentFromCdktfJson } from '../../../policy/terraform-json';
import { apiProps } from '../../modules/containers/fixtures';
import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const hardened = { name: 'app', image: 'app:1', privileged: false, readonlyRootFilesystem: true, user: '1000:1000' };
const taskStack = (containers: object[], extra: Record<string, unknown> = {}) =>
  cdktfStack({ aws_ecs_task_definition: { api: { family: 'api', container_definitions: JSON.stringify(containers), ...extra } } });
const taskPlan = (containers: object[] | undefined, extra: Record<string, unknown> = {}) =>
  planStack([
    {
      type: 'aws_ecs_task_definition',
      name: 'api',
      values: { family: 'api', ...(containers ? { container_definitions: JSON.stringify(containers) } : {}), ...extra },
    },
  ]);

describe('LZ-ECS-001 (CKV_AWS_334): no privileged containers', () => {
  it('passes hardened containers, also with interpolations inside the JSON of a cdk.tf.json', () => {
    const withReference = { ...hardened, logConfiguration: { options: { 'awslogs-group': '${aws_cloudwatch_log_group.api.name}' } } };
    expect(findingsOf('LZ-ECS-001', taskStack([withReference]))).toEqual([]);
  });

  it('fails a privileged sidecar in a plan', () => {
    expect(summarize(findingsOf('LZ-ECS-001', taskPlan([hardened, { ...hardened, name: 'agent', privileged: true }])))).toEqual([
      'aws_ecs_task_definition.api: container agent has privileged = true',
    ]);
  });

  it('notes, and does not guess, when the containers are unknown until apply', () => {
    const evaluation = evaluateStack(taskPlan(undefined));
    expect(evaluation.findings.filter((finding) => finding.rule.startsWith('LZ-ECS'))).toEqual([]);
    expect(evaluation.notes.map((note) => note.message)).toContain(
      'aws_ecs_task_definition.api: container_definitions is not known in this plan; not checked',
    );
  });
});

describe('LZ-ECS-002 (CKV_AWS_336): read-only root file systems', () => {
  it('passes containers with a read-only root file system', () => {
    expect(findingsOf('LZ-ECS-002', taskPlan([hardened]))).toEqual([]);
  });

  it('fails a container that leaves it unset, and one that turns it off', () => {
    const { readonlyRootFilesystem: _unset, ...writable } = hardened;
    expect(summarize(findingsOf('LZ-ECS-002', taskStack([writable, { ...hardened, name: 'web', readonlyRootFilesystem: false }])))).toEqual(
      [
        'aws_ecs_task_definition.api: container app has readonlyRootFilesystem unset',
        'aws_ecs_task_definition.api: container web has readonlyRootFilesystem = false',
      ],
    );
  });
});

describe('LZ-ECS-003 (CKV_AWS_335): no host PID namespace', () => {
  it('passes a task definition without pid_mode, and one with pid_mode task', () => {
    expect(findingsOf('LZ-ECS-003', taskStack([hardened]))).toEqual([]);
    expect(findingsOf('LZ-ECS-003', taskPlan([hardened], { pid_mode: 'task' }))).toEqual([]);
  });

  it('fails pid_mode host', () => {
    expect(summarize(findingsOf('LZ-ECS-003', taskStack([hardened], { pid_mode: 'host' })))).toEqual([
      'aws_ecs_task_definition.api: has pid_mode = "host"',
    ]);
  });
});

describe('LZ-ECS-004 (CKV_AWS_65): Container Insights', () => {
  it('passes a cluster with insights enabled (cdk.tf.json) or enhanced (plan)', () => {
    expect(
      findingsOf('LZ-ECS-004', cdktfStack({ aws_ecs_cluster: { main: { setting: [{ name: 'containerInsights', value: 'enabled' }] } } })),
    ).toEqual([]);
    const plan = planStack([
      { type: 'aws_ecs_cluster', name: 'main', values: { setting: [{ name: 'containerInsights', value: 'enhanced' }] } },
    ]);
    expect(findingsOf('LZ-ECS-004', plan)).toEqual([]);
  });

  it('fails a cluster without the setting, and one with it disabled', () => {
    expect(summarize(findingsOf('LZ-ECS-004', cdktfStack({ aws_ecs_cluster: { main: { name: 'main' } } })))).toEqual([
      'aws_ecs_cluster.main: has no containerInsights setting',
    ]);
    const plan = planStack([
      { type: 'aws_ecs_cluster', name: 'main', values: { setting: [{ name: 'containerInsights', value: 'disabled' }] } },
    ]);
    expect(summarize(findingsOf('LZ-ECS-004', plan))).toEqual(['aws_ecs_cluster.main: has setting containerInsights = "disabled"']);
  });
});

describe('LZ-ECR-001 (CKV_AWS_163): scan on push', () => {
  it('passes a repository that scans on push', () => {
    expect(
      findingsOf('LZ-ECR-001', cdktfStack({ aws_ecr_repository: { api: { image_scanning_configuration: { scan_on_push: true } } } })),
    ).toEqual([]);
  });

  it('fails a repository without scanning in a plan', () => {
    const plan = planStack([
      { type: 'aws_ecr_repository', name: 'api', values: { image_scanning_configuration: [{ scan_on_push: false }] } },
    ]);
    expect(summarize(findingsOf('LZ-ECR-001', plan))).toEqual([
      'aws_ecr_repository.api: has image_scanning_configuration.scan_on_push unset or false',
    ]);
  });
});

describe('LZ-ECR-002 (CKV_AWS_51): immutable tags', () => {
  it('passes an immutable repository', () => {
    expect(
      findingsOf('LZ-ECR-002', planStack([{ type: 'aws_ecr_repository', name: 'api', values: { image_tag_mutability: 'IMMUTABLE' } }])),
    ).toEqual([]);
  });

  it('fails a repository that leaves mutability unset, and one that is MUTABLE', () => {
    const stack = cdktfStack({ aws_ecr_repository: { api: {}, web: { image_tag_mutability: 'MUTABLE' } } });
    expect(summarize(findingsOf('LZ-ECR-002', stack))).toEqual([
      'aws_ecr_repository.api: has image_tag_mutability unset (MUTABLE by default)',
      'aws_ecr_repository.web: has image_tag_mutability = "MUTABLE"',
    ]);
  });
});

describe('container guardrails on what the container modules synthesize', () => {
  it('finds nothing in a cluster, a service with ECS Exec and a repository', () => {
    const synthesized = Testing.synthScope((scope) => {
      const cluster = new EcsCluster(scope, 'cluster', { name: 'orders', accountId: '222222222222', region: 'eu-west-1' });
      new EcsService(scope, 'api', { ...apiProps, cluster, enableExecuteCommand: true });
      new EcrRepository(scope, 'repository', { name: 'orders-api' });
    });
    const document = documentFromCdktfJson(JSON.parse(synthesized), 'workloads');
    const evaluation = evaluateStack(document);
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.notes).toEqual([]);
    expect(document.resources.map((resource) => resource.type)).toEqual(
      expect.arrayContaining(['aws_ecs_cluster', 'aws_ecs_task_definition', 'aws_ecr_repository']),
    );
  });
});
