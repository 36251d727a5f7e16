import { containerDefinitionsOf, containerName } from '../container-definitions';
import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

export const ecsContainersNotPrivileged: PolicyRule = {
  id: 'LZ-ECS-001',
  checkov: 'CKV_AWS_334',
  title: 'No ECS container runs in privileged mode',
  severity: 'error',
  resourceTypes: ['aws_ecs_task_definition'],
  evaluate: (taskDefinition, context) =>
    (containerDefinitionsOf(taskDefinition, context) ?? []).flatMap((container, index) =>
      asBoolean(container.privileged) === true ? [{ detail: `container ${containerName(container, index)} has privileged = true` }] : [],
    ),
  fix: 'set privileged to false (EcsService always does); grant the one Linux capability the container needs instead',
};
