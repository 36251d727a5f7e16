import { sampleModel } from '../support/config';
import { synthesize, type StackJson } from '../support/synth';

const offline = synthesize(sampleModel());
const prod = offline.stacks['prod-workloads-orders-prod'];
const resourcesOf = (stack: StackJson, type: string): [string, StackJson][] => Object.entries(stack.resource?.[type] ?? {});

describe('workloads stack', () => {
  it('stays within the budget of 150 resources', () => {
    for (const name of Object.keys(offline.stacks).filter((candidate) => candidate.includes('-workloads-'))) {
      const count = Object.values<Record<string, unknown>>(offline.stacks[name].resource).reduce(
        (sum, byName) => sum + Object.keys(byName).length,
        0,
      );
      expect({ name, withinBudget: count <= 150 }).toEqual({ name, withinBudget: true });
    }
  });

  it('reads subnets and security groups from the spoke contract, never from a lookup', () => {
    expect(Object.keys(prod.data)).toEqual(['terraform_remote_state']);
    expect(Object.keys(prod.data.terraform_remote_state).sort()).toEqual(['hub-outputs', 'spoke-outputs']);
    const [, service] = resourcesOf(prod, 'aws_ecs_service').find(([name]) => name.startsWith('service-orders-api'))!;
    expect(JSON.stringify(service.network_configuration)).toContain('data.terraform_remote_state.spoke-outputs.outputs.subnet_ids');
    expect(service.network_configuration.assign_public_ip).toBe(false);
  });

  it('runs prod services without ECS Exec and with the configured secrets as secrets', () => {
    for (const [, service] of resourcesOf(prod, 'aws_ecs_service')) expect(service.enable_execute_command).toBe(false);
    const [, task] = resourcesOf(prod, 'aws_ecs_task_definition').find(([name]) => name.startsWith('service-orders-api'))!;
    const [container] = JSON.parse(task.container_definitions);
    expect(container.secrets).toEqual([
      { name: 'DATABASE_PASSWORD', valueFrom: expect.stringContaining(':secret:orders/database-password') },
    ]);
    expect(JSON.stringify(container.environment ?? [])).not.toContain('DATABASE_PASSWORD');
  });

  it('owns the account singleton of enhanced registry scanning only where repositories live', () => {
    expect(resourcesOf(offline.stacks['dev-workloads-orders-dev'], 'aws_ecr_registry_scanning_configuration')).toHaveLength(1);
    expect(resourcesOf(offline.stacks['dev-workloads-orders-dev'], 'aws_ecr_repository')).toHaveLength(2);
  });

  it('lets the other environments pull the promoted images', () => {
    const [, policy] = resourcesOf(offline.stacks['dev-workloads-orders-dev'], 'aws_ecr_repository_policy')[0];
    expect(policy.policy).toContain('520000000002');
    expect(policy.policy).toContain('530000000002');
  });

  it('scales the worker on its queue and gives it only that queue', () => {
    const scaling = resourcesOf(prod, 'aws_appautoscaling_policy').map(([, policy]) => JSON.stringify(policy));
    expect(scaling.some((policy) => policy.includes('acme-order-events'))).toBe(true);
    const queues = resourcesOf(prod, 'aws_sqs_queue')
      .map(([, queue]) => queue.name)
      .sort();
    expect(queues).toEqual([
      'acme-order-events',
      'acme-order-events-dlq',
      'acme-order-status-failures',
      'acme-undelivered-events',
      'acme-undelivered-events-dlq',
    ]);
  });

  it('registers the prod API in the Lattice service network read from the hub', () => {
    const [, association] = resourcesOf(prod, 'aws_vpclattice_service_network_service_association')[0];
    expect(association.service_network_identifier).toContain('data.terraform_remote_state.hub-outputs.outputs.lattice_service_network_id');
  });

  it('publishes the workloads contract', () => {
    expect(Object.keys(prod.output).sort()).toEqual([
      'alarm_arns',
      'batch_job_queue_arns',
      'batch_state_machine_arns',
      'ecr_repository_urls',
      'ecs_cluster_arn',
      'ecs_cluster_name',
      'ecs_service_names',
      'eks_cluster_names',
      'eks_oidc_provider_arns',
      'event_bus_arn',
      'http_api_endpoints',
      'lambda_function_arns',
      'queue_arns',
      'queue_urls',
      'rest_api_invoke_urls',
      'topic_arns',
    ]);
  });
});
