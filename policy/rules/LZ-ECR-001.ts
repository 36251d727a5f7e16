import type { PolicyRule } from '../types';
import { asBoolean, blocks } from '../values';

export const ecrScanOnPush: PolicyRule = {
  id: 'LZ-ECR-001',
  checkov: 'CKV_AWS_163',
  title: 'Every ECR repository scans images on push',
  severity: 'error',
  resourceTypes: ['aws_ecr_repository'],
  evaluate: (repository) =>
    blocks(repository.values.image_scanning_configuration).some((configuration) => asBoolean(configuration.scan_on_push) === true)
      ? []
      : [{ detail: 'has image_scanning_configuration.scan_on_push unset or false' }],
  fix: 'set image_scanning_configuration { scan_on_push = true } (EcrRepository does; EcrRegistryScanning adds enhanced scanning)',
};
