import { EcrRegistryScanningConfiguration } from '@cdktf/provider-aws/lib/ecr-registry-scanning-configuration';
import { EcrRepository as EcrRepositoryResource } from '@cdktf/provider-aws/lib/ecr-repository';
import { Testing } from 'cdktf';
import { EcrRegistryScanning } from '../../../modules/containers/ecr-registry-scanning';
import { EcrRepository, type EcrRepositoryProps } from '../../../modules/containers/ecr-repository';
import { resourceAt, resourcesOf } from '../synthesized';

const keyArn = 'arn:aws:kms:eu-west-1:111111111111:key/abcd';
const props: EcrRepositoryProps = {
  name: 'orders-api',
  kmsKeyArn: keyArn,
  pullAccountIds: { 'orders-prod': '444444444444', 'orders-dev': '222222222222' },
};

function synth(overrides: Partial<EcrRepositoryProps> = {}): string {
  return Testing.synthScope((scope) => void new EcrRepository(scope, 'ecr', { ...props, ...overrides }));
}

describe('ecr repository', () => {
  const synthesized = synth();

  it('makes tags immutable, scans on push and encrypts with the given KMS key', () => {
    expect(synthesized).toHaveResourceWithProperties(EcrRepositoryResource, {
      name: 'orders-api',
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: keyArn }],
      force_delete: false,
    });
  });

  it('lets the named accounts pull, and nothing else', () => {
    const policy = JSON.parse(resourceAt(synthesized, 'aws_ecr_repository_policy', 'ecr_policy').policy);
    expect(policy.Statement).toEqual([
      {
        Sid: 'PullFromOtherAccounts',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::222222222222:root', 'arn:aws:iam::444444444444:root'] },
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
      },
    ]);
  });

  it('expires untagged images after 14 days and keeps the last 100 images', () => {
    const rules = JSON.parse(resourceAt(synthesized, 'aws_ecr_lifecycle_policy', 'ecr_lifecycle-policy').policy).rules;
    expect(rules.map((rule: any) => rule.selection)).toEqual([
      { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 100 },
    ]);
  });

  describe('without a key, pull accounts or lifecycle defaults', () => {
    const plain = synth({ kmsKeyArn: undefined, pullAccountIds: undefined, untaggedImageExpiryDays: 3, maxImageCount: 20 });

    it('encrypts with the AWS managed KMS key', () => {
      expect(resourceAt(plain, 'aws_ecr_repository', 'ecr_repository').encryption_configuration).toEqual([{ encryption_type: 'KMS' }]);
    });

    it('creates no repository policy', () => {
      expect(resourcesOf(plain, 'aws_ecr_repository_policy')).toEqual({});
    });

    it('uses the configured lifecycle', () => {
      const rules = JSON.parse(resourceAt(plain, 'aws_ecr_lifecycle_policy', 'ecr_lifecycle-policy').policy).rules;
      expect(rules.map((rule: any) => rule.selection.countNumber)).toEqual([3, 20]);
    });
  });

  describe('with invalid props', () => {
    it('rejects an upper-case name', () => {
      expect(() => synth({ name: 'Orders' })).toThrow(
        'EcrRepository Orders: name must be 2–256 lower-case letters and digits, separated by single . _ - or /',
      );
    });

    it('rejects a pull account that is not an account id', () => {
      expect(() => synth({ pullAccountIds: { prod: 'prod' } })).toThrow(
        'EcrRepository orders-api: pullAccountIds.prod "prod" is not a 12-digit AWS account id',
      );
    });
  });
});

describe('ecr registry scanning', () => {
  it('turns on enhanced scanning on push and continuously for every repository by default', () => {
    const synthesized = Testing.synthScope((scope) => void new EcrRegistryScanning(scope, 'scanning'));
    expect(synthesized).toHaveResourceWithProperties(EcrRegistryScanningConfiguration, {
      scan_type: 'ENHANCED',
      rule: [
        { scan_frequency: 'CONTINUOUS_SCAN', repository_filter: [{ filter: '*', filter_type: 'WILDCARD' }] },
        { scan_frequency: 'SCAN_ON_PUSH', repository_filter: [{ filter: '*', filter_type: 'WILDCARD' }] },
      ],
    });
  });

  describe('with filters', () => {
    it('scans continuously only the matching repositories', () => {
      const synthesized = Testing.synthScope(
        (scope) => void new EcrRegistryScanning(scope, 'scanning', { continuousScanFilters: ['orders*'] }),
      );
      const [configuration] = Object.values(resourcesOf(synthesized, 'aws_ecr_registry_scanning_configuration'));
      expect(configuration.rule[0].repository_filter).toEqual([{ filter: 'orders*', filter_type: 'WILDCARD' }]);
    });

    it('rejects a filter with characters ECR does not allow', () => {
      expect(() =>
        Testing.synthScope((scope) => void new EcrRegistryScanning(scope, 'scanning', { scanOnPushFilters: ['Orders!'] })),
      ).toThrow('EcrRegistryScanning: scanOnPushFilters has invalid filters Orders!; use repository names with * wildcards');
    });
  });
});
