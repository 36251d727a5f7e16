import { Testing } from 'cdktf';
import { BatchJobDefinition, type BatchJobDefinitionProps } from '../../../modules/batch/job-definition';
import { isCatchAllExit } from '../../../modules/batch/retry-strategy';
import { resourceAt } from '../synthesized';
import { ACCOUNT, IMAGE, REGION } from './fixtures';

const props: BatchJobDefinitionProps = { name: 'acme-etl', accountId: ACCOUNT, region: REGION, image: IMAGE, vcpus: 2, memoryMiB: 4096 };

function synth(overrides: Partial<BatchJobDefinitionProps> = {}): string {
  return Testing.synthScope((scope) => void new BatchJobDefinition(scope, 'job', { ...props, ...overrides }));
}

describe('batch job definition', () => {
  describe('with defaults', () => {
    const synthesized = synth();
    const definition = resourceAt(synthesized, 'aws_batch_job_definition', 'job_job-definition');
    const container = JSON.parse(definition.container_properties);

    it('retries twice on a Spot reclaim and ends with a catch-all EXIT', () => {
      expect(definition.retry_strategy).toEqual({
        attempts: 2,
        evaluate_on_exit: [
          { action: 'RETRY', on_status_reason: 'Host EC2*' },
          { action: 'EXIT', on_reason: '*' },
        ],
      });
      const last = definition.retry_strategy.evaluate_on_exit.at(-1);
      expect(isCatchAllExit({ action: last.action, onReason: last.on_reason })).toBe(true);
    });

    it('runs the container unprivileged, as non-root, with a read-only root and a writable /tmp', () => {
      expect(container).toMatchObject({
        image: IMAGE,
        privileged: false,
        user: '1000:1000',
        readonlyRootFilesystem: true,
        volumes: [{ name: 'scratch-tmp' }],
        mountPoints: [{ sourceVolume: 'scratch-tmp', containerPath: '/tmp', readOnly: false }],
        resourceRequirements: [
          { type: 'VCPU', value: '2' },
          { type: 'MEMORY', value: '4096' },
        ],
      });
    });

    it('logs to its own log group with retention, and times attempts out after an hour', () => {
      expect(container.logConfiguration.logDriver).toBe('awslogs');
      expect(resourceAt(synthesized, 'aws_cloudwatch_log_group', 'job_logs')).toMatchObject({
        name: '/aws/batch/acme-etl',
        retention_in_days: 90,
      });
      expect(definition.timeout).toEqual({ attempt_duration_seconds: 3600 });
      expect(definition.platform_capabilities).toEqual(['EC2']);
    });

    it('gives jobs a role of their own, trusted by ECS tasks of this account only', () => {
      const role = resourceAt(synthesized, 'aws_iam_role', 'job_job-role');
      expect(JSON.parse(role.assume_role_policy).Statement[0].Condition.StringEquals).toEqual({ 'aws:SourceAccount': ACCOUNT });
      expect(container.jobRoleArn).toMatch(/aws_iam_role\.job_job-role_[0-9A-F]{8}\.arn/);
    });
  });

  describe('with invalid retry strategies', () => {
    it('refuses a strategy without a catch-all EXIT at the end', () => {
      expect(() => synth({ retryStrategy: { attempts: 3, evaluateOnExit: [{ action: 'RETRY', onStatusReason: 'Host EC2*' }] } })).toThrow(
        /does not end with a catch-all EXIT, so every other failure is retried/,
      );
    });

    it('refuses 11 attempts and 6 evaluate-on-exit entries', () => {
      const exit = { action: 'EXIT' as const, onReason: '*' };
      expect(() => synth({ retryStrategy: { attempts: 11, evaluateOnExit: [exit] } })).toThrow(
        'BatchJobDefinition acme-etl: retryStrategy.attempts is 11; Batch allows 1 to 10',
      );
      const retries = Array.from({ length: 5 }, (_, code) => ({ action: 'RETRY' as const, onExitCode: String(code + 1) }));
      expect(() => synth({ retryStrategy: { attempts: 2, evaluateOnExit: [...retries, exit] } })).toThrow(
        /has 6 entries; Batch allows at most 5/,
      );
    });

    it('refuses a root user', () => {
      expect(() => synth({ user: '0:0' })).toThrow(/runs as root/);
    });
  });
});
