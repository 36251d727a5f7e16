/* The plan summary for pull requests: pure functions from `terraform show -json` to Markdown or JSON. */
export { summarizePlan, summarizePlans, hasChanges, type PlanInput, type StackSummary, type ResourceChangeSummary } from './analyze';
export { KNOWN_AFTER_APPLY, SENSITIVE, type AttributeChange } from './attributes';
export { summaryJson, type SummaryJson } from './json';
export { checkPlanJson, parsePlanJson, PlanFileError, type PlanJson } from '../plan-json';
export { readPlanFile } from './read';
export {
  DEFAULT_MAX_LENGTH,
  GITHUB_COMMENT_LIMIT,
  renderStackSummaries,
  renderSummary,
  totalCounts,
  type FailedStack,
  type SummaryOptions,
} from './render';
export { environmentOfStack, stackFromPlanPath } from './stack-names';
export { PLAN_SUMMARY_FILE, renderPlanSummary, writePlanSummary, type PlanSummaryInput } from './write';
