import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

/**
 * An alarm with its actions disabled still changes state, but tells nobody. Workload config turns
 * an alarm's actions off only in a prod-segment account, for `enabled: false` under a waiver of
 * this rule (validated with the config, alarms/prod-disable-waived).
 */
export const alarmActionsEnabled: PolicyRule = {
  id: 'LZ-ALARM-001',
  checkov: 'CKV_AWS_319',
  title: 'Every CloudWatch alarm has its actions enabled',
  severity: 'error',
  resourceTypes: ['aws_cloudwatch_metric_alarm'],
  evaluate: (alarm) => (asBoolean(alarm.values.actions_enabled) === false ? [{ detail: 'has actions_enabled = false' }] : []),
  fix: 'remove enabled: false from the alarm override, or waive LZ-ALARM-001 for the alarm with a reason and an expiry date',
};
