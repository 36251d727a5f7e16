import type { PolicyRule } from '../types';

export const ecsTasksDoNotShareHostPid: PolicyRule = {
  id: 'LZ-ECS-003',
  checkov: 'CKV_AWS_335',
  title: "No ECS task definition shares the host's process namespace",
  severity: 'error',
  resourceTypes: ['aws_ecs_task_definition'],
  evaluate: (taskDefinition) => (taskDefinition.values.pid_mode === 'host' ? [{ detail: 'has pid_mode = "host"' }] : []),
  fix: 'remove pid_mode (or set it to "task" to share processes between the containers of one task only)',
};
