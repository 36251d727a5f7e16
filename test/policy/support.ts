import { evaluateStack } from '../../policy/engine';
import { ALL_RULES } from '../../policy/rules';
import { documentFromCdktfJson, documentFromPlanJson } from '../../policy/terraform-json';
import type { Finding, StackDocument } from '../../policy/types';

/*
 * Small hand-made Terraform JSON for rule tests: the same resources as a stack's cdk.tf.json and
 * as a plan's `terraform show -json`, so every rule is exercised through both readers.
 */

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A cdk.tf.json with `resource.<type>.<name>` bodies (references written as `${aws_vpc.main.id}`). */
export function cdktfStack(resources: Resources, stack = 'test-stack'): StackDocument {
  return documentFromCdktfJson({ '//': { metadata: { stackName: stack } }, resource: resources }, stack);
}

export interface PlannedResource {
  readonly type: string;
  readonly name: string;
  /** Known values after apply (what planned_values holds). */
  readonly values: Record<string, unknown>;
  /** Arguments that reference other resources: argument → addresses (what configuration holds). */
  readonly references?: Record<string, string[]>;
}

/** A plan JSON: planned_values.root_module.resources plus configuration expressions for references. */
export function planJson(resources: readonly PlannedResource[]): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: {
      root_module: {
        resources: resources.map((resource) => ({
          address: `${resource.type}.${resource.name}`,
          mode: 'managed',
          type: resource.type,
          name: resource.name,
          values: resource.values,
        })),
      },
    },
    configuration: {
      root_module: {
        resources: resources.map((resource) => ({
          address: `${resource.type}.${resource.name}`,
          mode: 'managed',
          type: resource.type,
          name: resource.name,
          expressions: Object.fromEntries(
            Object.entries(resource.references ?? {}).map(([argument, addresses]) => [
              argument,
              { references: addresses.flatMap((address) => [`${address}.id`, address]) },
            ]),
          ),
        })),
      },
    },
  };
}

export function planStack(resources: readonly PlannedResource[], stack = 'test-stack'): StackDocument {
  return documentFromPlanJson(planJson(resources), stack);
}

/** Findings of one rule on a document. */
export function findingsOf(ruleId: string, document: StackDocument): Finding[] {
  const rule = ALL_RULES.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return evaluateStack(document, [rule]).findings;
}

/** `address: detail` of each finding, the shortest thing a test can compare. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.address}: ${finding.detail}`);
}
