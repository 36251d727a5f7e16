import type { PolicyRule } from '../types';

/** Data sources Terraform computes without calling any API. */
const LOCAL_DATA_SOURCES = new Set(['aws_iam_policy_document', 'terraform_remote_state']);

export const noPlanTimeLookups: PolicyRule = {
  id: 'LZ-DATA-001',
  title: 'No data source calls AWS at plan time (only aws_iam_policy_document and terraform_remote_state)',
  severity: 'error',
  resourceTypes: ['data.*'],
  evaluate: (dataSource) =>
    LOCAL_DATA_SOURCES.has(dataSource.type)
      ? []
      : [{ detail: `reads ${dataSource.type} when planning, which needs AWS credentials and network` }],
  fix: "take the value from config or from another stack's outputs (terraform_remote_state); stacks must plan offline",
};
