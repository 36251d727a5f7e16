import { flowLogDestination } from '../../defaults';
import { problemAt } from '../../yaml-source';
import type { ConfigRule } from '../rule';

/** Retention periods CloudWatch Logs accepts (PutRetentionPolicy); modules/network/flow-logs.ts checks the same list. */
export const LOG_GROUP_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/* Logging rules: flow-log settings that the log destination accepts. */

export const cloudWatchRetention: ConfigRule = {
  id: 'logging/cloudwatch-retention',
  description: 'When an environment sends flow logs to CloudWatch Logs, network.flowLogRetentionDays is a retention CloudWatch accepts.',
  check: ({ org, environments }) => {
    if (!org) return [];
    const days = org.config.network.flowLogRetentionDays;
    const users = environments.filter((environment) => flowLogDestination(environment.config, org.config) === 'cloud-watch-logs');
    if (users.length === 0 || LOG_GROUP_RETENTION_DAYS.includes(days)) return [];
    const nearest = [...LOG_GROUP_RETENTION_DAYS].sort((a, b) => Math.abs(a - days) - Math.abs(b - days))[0];
    return [
      problemAt(
        org.source,
        ['network', 'flowLogRetentionDays'],
        `${days} is not a retention CloudWatch Logs accepts, and ${users.map((environment) => environment.source.file).join(', ')} send flow logs there`,
        `use one of ${LOG_GROUP_RETENTION_DAYS.join(', ')} (the nearest is ${nearest})`,
      ),
    ];
  },
};
