import type { RuleContext, TerraformResource } from './types';
import { isObject } from './values';

/*
 * `container_definitions` of an ECS task definition is a JSON string inside the Terraform JSON.
 * In a cdk.tf.json it may hold `${...}` interpolations inside its string values, which still parse;
 * in a plan it is absent while unknown until apply.
 */

export type ContainerDefinition = Readonly<Record<string, unknown>>;

/** The parsed containers of a task definition, or undefined (with a note) when they cannot be read from this source. */
export function containerDefinitionsOf(taskDefinition: TerraformResource, context: RuleContext): ContainerDefinition[] | undefined {
  const raw = taskDefinition.values.container_definitions;
  if (typeof raw !== 'string') {
    context.note(
      `${taskDefinition.address}: container_definitions is not known in this ${context.source === 'plan' ? 'plan' : 'document'}; not checked`,
    );
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed.filter(isObject);
  } catch {
    // An expression such as ${jsonencode(...)} rather than literal JSON.
  }
  context.note(`${taskDefinition.address}: container_definitions is not literal JSON (an expression?); check the plan JSON instead`);
  return undefined;
}

export function containerName(container: ContainerDefinition, index: number): string {
  return typeof container.name === 'string' ? container.name : `#${index}`;
}
