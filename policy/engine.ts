import { ALL_RULES } from './rules';
import type { Finding, PolicyNote, PolicyRule, RuleContext, StackDocument, TerraformResource } from './types';

export interface StackEvaluation {
  readonly findings: Finding[];
  readonly notes: PolicyNote[];
}

/** Runs every rule over the resources of its types in one stack. */
export function evaluateStack(document: StackDocument, rules: readonly PolicyRule[] = ALL_RULES): StackEvaluation {
  const byType = new Map<string, TerraformResource[]>();
  for (const resource of document.resources) byType.set(resource.type, [...(byType.get(resource.type) ?? []), resource]);
  for (const dataSource of document.dataSources ?? []) {
    for (const key of [`data.${dataSource.type}`, 'data.*']) byType.set(key, [...(byType.get(key) ?? []), dataSource]);
  }
  const findings: Finding[] = [];
  const notes = new Map<string, PolicyNote>();
  for (const rule of rules) {
    const context: RuleContext = {
      stack: document.stack,
      source: document.source,
      resources: document.resources,
      ofType: (...types) => types.flatMap((type) => byType.get(type) ?? []),
      referencing: (target, types, argument) =>
        types.flatMap((type) => byType.get(type) ?? []).filter((candidate) => refersTo(candidate, argument, target)),
      note: (message) => notes.set(`${rule.id}\n${message}`, { stack: document.stack, rule: rule.id, message }),
    };
    for (const resource of context.ofType(...rule.resourceTypes)) {
      for (const violation of rule.evaluate(resource, context)) {
        findings.push({
          stack: document.stack,
          address: violation.address ?? resource.address,
          rule: rule.id,
          checkov: rule.checkov,
          title: rule.title,
          severity: rule.severity,
          detail: violation.detail,
          fix: rule.fix,
          file: document.file,
        });
      }
    }
  }
  return { findings, notes: [...notes.values()] };
}

/** By reference (`${aws_vpc.main.id}`), or by the literal id or ARN of a resource that already exists. */
function refersTo(candidate: TerraformResource, argument: string, target: TerraformResource): boolean {
  if (candidate.references[argument]?.includes(target.configAddress)) return true;
  const value = candidate.values[argument];
  return typeof value === 'string' && value !== '' && (value === target.values.id || value === target.values.arn);
}
