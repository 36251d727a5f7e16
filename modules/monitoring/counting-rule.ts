import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { Token } from 'cdktf';
import { Construct } from 'constructs';

export interface CountingRuleProps {
  /** Rule name on the default bus: 1–64 letters, digits, `.`, `-`, `_`. CAUTION: changing it replaces the rule (and its metric's RuleName). */
  readonly name: string;
  /** Event pattern (serialized as JSON; values may be tokens of the same stack, such as a job queue ARN). */
  readonly eventPattern: Readonly<Record<string, unknown>>;
  /** @default - none */
  readonly description?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An EventBridge rule on the account's default bus, without targets: it only counts the events it
 * matches (AWS/Events `TriggeredRules`, dimension `RuleName`). For AWS services that publish events
 * but no metric, such as Batch job state changes; an alarm on the count does the rest.
 */
export class CountingRule extends Construct {
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: CountingRuleProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.name) && !/^[.\-_A-Za-z0-9]{1,64}$/.test(props.name)) {
      throw new Error(`CountingRule ${props.name}: name must be 1–64 letters, digits, ., - and _`);
    }
    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: props.name,
      eventPattern: JSON.stringify(props.eventPattern),
      state: 'ENABLED',
      ...(props.description ? { description: props.description } : {}),
      tags: { Name: props.name, ...props.tags },
    });
  }

  get ruleName(): string {
    return this.rule.name;
  }
}
