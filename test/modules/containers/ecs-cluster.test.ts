import { EcsCluster as EcsClusterResource } from '@cdktf/provider-aws/lib/ecs-cluster';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Testing } from 'cdktf';
import { EcsCluster, type EcsClusterProps } from '../../../modules/containers/ecs-cluster';
import { EcsService } from '../../../modules/containers/ecs-service';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, apiProps, REGION } from './fixtures';

const props: EcsClusterProps = { name: 'orders', accountId: ACCOUNT, region: REGION };

function synth(overrides: Partial<EcsClusterProps> = {}): string {
  return Testing.synthScope((scope) => void new EcsCluster(scope, 'cluster', { ...props, ...overrides }));
}

describe('ecs cluster', () => {
  const synthesized = synth();
  const ref = (type: string, path: string, attribute: string) => `\${${referenceTo(synthesized, type, path)}.${attribute}}`;

  it('turns Container Insights on', () => {
    expect(synthesized).toHaveResourceWithProperties(EcsClusterResource, {
      name: 'orders',
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
  });

  it('logs ECS Exec sessions to a log group encrypted with the cluster key', () => {
    const cluster = resourceAt(synthesized, 'aws_ecs_cluster', 'cluster');
    expect(cluster.configuration.execute_command_configuration).toEqual({
      kms_key_id: ref('aws_kms_key', 'cluster_kms-key', 'arn'),
      logging: 'OVERRIDE',
      log_configuration: {
        cloud_watch_log_group_name: ref('aws_cloudwatch_log_group', 'cluster_exec-logs', 'name'),
        cloud_watch_encryption_enabled: true,
      },
    });
    expect(resourceAt(synthesized, 'aws_cloudwatch_log_group', 'cluster_exec-logs')).toMatchObject({
      name: '/aws/ecs/orders/exec',
      retention_in_days: 365,
      kms_key_id: ref('aws_kms_key', 'cluster_kms-key', 'arn'),
    });
  });

  it('creates a rotating key that the account and CloudWatch Logs of its region may use', () => {
    expect(synthesized).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
    const policy = JSON.parse(resourceAt(synthesized, 'aws_kms_key', 'cluster_kms-key').policy);
    expect(policy.Statement.map((statement: any) => statement.Principal)).toEqual([
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      { Service: `logs.${REGION}.amazonaws.com` },
    ]);
    expect(policy.Statement[1].Condition).toEqual({
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:*` },
    });
  });

  it('offers FARGATE and FARGATE_SPOT, two Spot tasks per On-Demand task after a first On-Demand one', () => {
    expect(resourceAt(synthesized, 'aws_ecs_cluster_capacity_providers', 'cluster_capacity-providers')).toMatchObject({
      capacity_providers: ['FARGATE', 'FARGATE_SPOT'],
      default_capacity_provider_strategy: [
        { capacity_provider: 'FARGATE', weight: 1, base: 1 },
        { capacity_provider: 'FARGATE_SPOT', weight: 2 },
      ],
    });
  });

  it('sets a Service Connect namespace as the cluster default', () => {
    expect(resourceAt(synthesized, 'aws_service_discovery_http_namespace', 'cluster_namespace').name).toBe('orders');
    expect(resourceAt(synthesized, 'aws_ecs_cluster', 'cluster').service_connect_defaults).toEqual({
      namespace: ref('aws_service_discovery_http_namespace', 'cluster_namespace', 'arn'),
    });
  });

  it('makes services that use it wait for the capacity provider association', () => {
    const withService = Testing.synthScope((scope) => {
      const cluster = new EcsCluster(scope, 'cluster', props);
      new EcsService(scope, 'svc', { ...apiProps, cluster });
    });
    expect(resourceAt(withService, 'aws_ecs_service', 'svc_service').depends_on).toEqual([
      referenceTo(withService, 'aws_ecs_cluster_capacity_providers', 'cluster_capacity-providers'),
    ]);
  });

  it('creates six resources', () => {
    const all = Object.values(JSON.parse(synthesized).resource as Record<string, object>).flatMap((byName) => Object.keys(byName));
    expect(all).toHaveLength(6);
  });

  describe('with a key passed in and an On-Demand-only default strategy', () => {
    const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/abcd`;
    const custom = synth({ kmsKeyArn: keyArn, defaultCapacityProviderStrategy: { FARGATE: { weight: 1 } }, containerInsights: 'enhanced' });

    it('creates no key and encrypts with the given one', () => {
      expect(resourcesOf(custom, 'aws_kms_key')).toEqual({});
      expect(resourceAt(custom, 'aws_cloudwatch_log_group', 'cluster_exec-logs').kms_key_id).toBe(keyArn);
    });

    it('uses the given strategy and insights level', () => {
      expect(
        resourceAt(custom, 'aws_ecs_cluster_capacity_providers', 'cluster_capacity-providers').default_capacity_provider_strategy,
      ).toEqual([{ capacity_provider: 'FARGATE', weight: 1 }]);
      expect(custom).toHaveResourceWithProperties(EcsClusterResource, { setting: [{ name: 'containerInsights', value: 'enhanced' }] });
    });
  });

  describe('with invalid props', () => {
    it('rejects a strategy with a base on both providers', () => {
      expect(() =>
        synth({ defaultCapacityProviderStrategy: { FARGATE: { weight: 1, base: 1 }, FARGATE_SPOT: { weight: 1, base: 2 } } }),
      ).toThrow(
        'EcsCluster orders: defaultCapacityProviderStrategy sets a base on both providers; only one provider of a strategy may have a base',
      );
    });

    it('rejects an account id that is not 12 digits', () => {
      expect(() => synth({ accountId: '1234' })).toThrow('EcsCluster orders: accountId "1234" is not a 12-digit AWS account id');
    });

    it('rejects a retention CloudWatch does not offer', () => {
      expect(() => synth({ execLogRetentionDays: 42 })).toThrow(/execLogRetentionDays 42 is not a CloudWatch Logs retention/);
    });
  });
});
