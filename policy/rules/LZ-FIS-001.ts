import type { PolicyRule } from '../types';
import { blocks } from '../values';

const ALARM = 'aws:cloudwatch:alarm';

/**
 * An experiment stops by itself when what it hurts goes wrong: at least one stop condition on a
 * CloudWatch alarm (`source = "none"` is what FIS accepts, and what this rule refuses). In a plan,
 * an alarm ARN built from an account id read at apply is unknown and absent; its source still counts.
 */
export const fisExperimentStopsOnAlarm: PolicyRule = {
  id: 'LZ-FIS-001',
  title: 'Every FIS experiment template stops on at least one CloudWatch alarm',
  severity: 'error',
  resourceTypes: ['aws_fis_experiment_template'],
  evaluate: (template, context) => {
    const conditions = blocks(template.values.stop_condition);
    const alarms = conditions.filter((condition) => condition.source === ALARM);
    if (alarms.length === 0) {
      const sources = conditions.map((condition) => String(condition.source));
      return [{ detail: sources.length > 0 ? `has stop conditions only of source ${sources.join(', ')}` : 'has no stop_condition' }];
    }
    const known = (value: unknown) => (typeof value === 'string' ? value !== '' : context.source === 'plan' && value === undefined);
    return alarms.some((condition) => known(condition.value)) ? [] : [{ detail: `has ${ALARM} stop conditions without an alarm ARN` }];
  },
  fix: 'add stop_condition { source = "aws:cloudwatch:alarm", value = <alarm ARN> } for the steady state it must keep (config: experiments.<name>.stopConditions)',
};
