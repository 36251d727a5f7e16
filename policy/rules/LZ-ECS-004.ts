import type { PolicyRule } from '../types';
import { blocks } from '../values';

const ON = new Set(['enabled', 'enhanced']);

export const ecsClusterContainerInsights: PolicyRule = {
  id: 'LZ-ECS-004',
  checkov: 'CKV_AWS_65',
  title: 'Every ECS cluster has Container Insights on',
  severity: 'error',
  resourceTypes: ['aws_ecs_cluster'],
  evaluate: (cluster) => {
    const setting = blocks(cluster.values.setting).find((candidate) => candidate.name === 'containerInsights');
    if (setting && typeof setting.value === 'string' && ON.has(setting.value)) return [];
    return [{ detail: setting ? `has setting containerInsights = "${String(setting.value)}"` : 'has no containerInsights setting' }];
  },
  fix: 'add setting { name = "containerInsights", value = "enabled" } (or "enhanced"); EcsCluster does this',
};
