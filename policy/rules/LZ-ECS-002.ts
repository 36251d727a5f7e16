import { containerDefinitionsOf, containerName, type ContainerDefinition } from '../container-definitions';
import type { PolicyRule } from '../types';
import { asBoolean } from '../values';

function setting(container: ContainerDefinition): string {
  const value = container.readonlyRootFilesystem;
  return value === undefined ? 'unset' : `= ${String(value)}`;
}

export const ecsContainersReadOnlyRootFilesystem: PolicyRule = {
  id: 'LZ-ECS-002',
  checkov: 'CKV_AWS_336',
  title: 'Every ECS container has a read-only root file system',
  severity: 'error',
  resourceTypes: ['aws_ecs_task_definition'],
  evaluate: (taskDefinition, context) =>
    (containerDefinitionsOf(taskDefinition, context) ?? []).flatMap((container, index) =>
      asBoolean(container.readonlyRootFilesystem) === true
        ? []
        : [{ detail: `container ${containerName(container, index)} has readonlyRootFilesystem ${setting(container)}` }],
    ),
  fix: 'set readonlyRootFilesystem to true and mount writable volumes for the paths the process writes (EcsService: writablePaths)',
};
