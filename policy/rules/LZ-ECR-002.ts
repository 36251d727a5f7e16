import type { PolicyRule } from '../types';

export const ecrImmutableTags: PolicyRule = {
  id: 'LZ-ECR-002',
  checkov: 'CKV_AWS_51',
  title: 'Every ECR repository has immutable image tags',
  severity: 'error',
  resourceTypes: ['aws_ecr_repository'],
  evaluate: (repository) => {
    const mutability = repository.values.image_tag_mutability;
    if (mutability === 'IMMUTABLE') return [];
    return [
      {
        detail:
          mutability === undefined
            ? 'has image_tag_mutability unset (MUTABLE by default)'
            : `has image_tag_mutability = "${String(mutability)}"`,
      },
    ];
  },
  fix: 'set image_tag_mutability = "IMMUTABLE" and push a new tag per build',
};
