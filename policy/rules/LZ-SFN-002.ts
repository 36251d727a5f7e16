import type { PolicyRule } from '../types';
import { asBoolean, blocks } from '../values';

export const stateMachineTracing: PolicyRule = {
  id: 'LZ-SFN-002',
  checkov: 'CKV_AWS_284',
  title: 'Every Step Functions state machine traces with X-Ray',
  severity: 'error',
  resourceTypes: ['aws_sfn_state_machine'],
  evaluate: (machine) =>
    blocks(machine.values.tracing_configuration).some((tracing) => asBoolean(tracing.enabled) === true)
      ? []
      : [{ detail: 'has tracing_configuration.enabled unset or false' }],
  fix: 'set tracing_configuration { enabled = true } and let the role write to X-Ray; BatchJobStateMachine does this',
};
