import type { PolicyRule, TerraformResource } from '../types';
import { isObject, parseJsonWithInterpolations } from '../values';

const ORGANIZATION_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceorgid', 'aws:sourceorgpaths'];

function opensToEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isObject(principal)) return false;
  const aws = principal.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

function hasOrganizationCondition(condition: unknown): boolean {
  if (!isObject(condition)) return false;
  return Object.values(condition).some(
    (byKey) => isObject(byKey) && Object.keys(byKey).some((key) => ORGANIZATION_KEYS.includes(key.toLowerCase())),
  );
}

function statementsOf(resource: TerraformResource): unknown[] | undefined {
  const policy = resource.values.policy;
  if (typeof policy !== 'string') return undefined;
  const document = parseJsonWithInterpolations(policy);
  if (!isObject(document)) return undefined;
  return Array.isArray(document.Statement) ? document.Statement : isObject(document.Statement) ? [document.Statement] : [];
}

/** Queue, topic and bus policies never let anyone (`*`) in, unless only principals of the organization. */
export const messagingPoliciesStayInOrganization: PolicyRule = {
  id: 'LZ-MSG-004',
  title: 'No queue, topic or event bus policy allows * principals without an organization condition',
  severity: 'error',
  resourceTypes: ['aws_sqs_queue_policy', 'aws_sns_topic_policy', 'aws_cloudwatch_event_bus_policy', 'aws_sqs_queue', 'aws_sns_topic'],
  evaluate: (resource, context) => {
    if (resource.values.policy === undefined && !resource.type.endsWith('_policy')) return [];
    const statements = statementsOf(resource);
    if (!statements) {
      context.note(`${resource.address}: policy is not known in this ${context.source === 'plan' ? 'plan' : 'configuration'}; not checked`);
      return [];
    }
    return statements.flatMap((statement, index) =>
      isObject(statement) &&
      statement.Effect === 'Allow' &&
      opensToEveryone(statement.Principal) &&
      !hasOrganizationCondition(statement.Condition)
        ? [
            {
              detail: `statement ${typeof statement.Sid === 'string' ? statement.Sid : index} allows * without an aws:PrincipalOrgID condition`,
            },
          ]
        : [],
    );
  },
  fix: 'name the accounts (arn:aws:iam::<id>:root) or the service with an aws:SourceArn condition, or add aws:PrincipalOrgID',
};
