import type { PolicyRule } from '../types';
import { blocks } from '../values';

export const stateMachineLogging: PolicyRule = {
  id: 'LZ-SFN-001',
  checkov: 'CKV_AWS_285',
  title: 'Every Step Functions state machine logs its executions to CloudWatch Logs',
  severity: 'error',
  resourceTypes: ['aws_sfn_state_machine'],
  evaluate: (machine) => {
    const logging = blocks(machine.values.logging_configuration)[0];
    if (!logging) return [{ detail: 'has no logging_configuration' }];
    const level = logging.level;
    if (level === undefined || level === 'OFF')
      return [{ detail: `has logging_configuration.level ${level === 'OFF' ? '= "OFF"' : 'unset (OFF)'}` }];
    // A log group created in the same run is unknown in a plan; the reference proves the destination is set.
    const destination = logging.log_destination;
    const set = (typeof destination === 'string' && destination !== '') || (machine.references.logging_configuration ?? []).length > 0;
    return set ? [] : [{ detail: 'has no logging_configuration.log_destination' }];
  },
  fix: 'set logging_configuration { level = "ERROR" (or ALL), log_destination = "<log group ARN>:*" }; BatchJobStateMachine does this',
};
