/*
 * The policy pack: rules over synthesized Terraform (cdk.tf.json) and plans (terraform show -json).
 * See docs/policy.md.
 */
export { evaluateStack } from './engine';
export {
  checkDocuments,
  errorCount,
  formatFinding,
  formatReport,
  formatSummary,
  formatWaiversMarkdown,
  type CheckOptions,
  type PolicyReport,
} from './report';
export { ALL_RULES } from './rules';
export {
  checkSynthesizedStacks,
  enforcePolicy,
  PolicyViolationError,
  readSynthesizedStacks,
  type SynthesizedStackFiles,
} from './synthesized';
export { documentFromCdktfJson, documentFromPlanJson, readTerraformJsonFile } from './terraform-json';
export type { Finding, PolicyRule, RuleContext, Severity, StackDocument, TerraformResource, Violation } from './types';
export type { WaivedFinding, WaiverProblem } from './waivers';
