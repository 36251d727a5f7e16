import type { PolicyRule, RuleContext, TerraformResource } from '../types';
import { asBoolean, isObject } from '../values';

/** The parsed `container_properties` JSON of a Batch job definition; undefined (with a note) when it cannot be read. */
function containerPropertiesOf(definition: TerraformResource, context: RuleContext): Record<string, unknown> | undefined {
  const raw = definition.values.container_properties;
  if (raw === undefined && definition.values.type !== undefined && definition.values.type !== 'container') return {};
  if (typeof raw !== 'string') {
    context.note(
      `${definition.address}: container_properties is not known in this ${context.source === 'plan' ? 'plan' : 'document'}; not checked`,
    );
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isObject(parsed)) return parsed;
  } catch {
    // An expression such as ${jsonencode(...)} rather than literal JSON.
  }
  context.note(`${definition.address}: container_properties is not literal JSON (an expression?); check the plan JSON instead`);
  return undefined;
}

export const batchJobNotPrivileged: PolicyRule = {
  id: 'LZ-BATCH-001',
  checkov: 'CKV_AWS_210',
  title: 'No Batch job definition runs its container in privileged mode',
  severity: 'error',
  resourceTypes: ['aws_batch_job_definition'],
  evaluate: (definition, context) => {
    const properties = containerPropertiesOf(definition, context);
    return properties && asBoolean(properties.privileged) === true ? [{ detail: 'has container_properties.privileged = true' }] : [];
  },
  fix: 'set privileged to false in container_properties (BatchJobDefinition always does); grant the one capability the job needs instead',
};
