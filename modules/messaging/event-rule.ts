import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Construct } from 'constructs';
import { ServiceRole, serviceTrustPolicy } from '../shared/service-role';
import { validateConstructNames } from '../shared/names';
import { checkRange, isKnown, sortedValues } from './checks';

export interface EventTargetRetry {
  /** @default 185 */
  readonly maximumRetryAttempts?: number;
  /** @default 86400 (24 h) */
  readonly maximumEventAgeSeconds?: number;
}

export interface EventTarget {
  /** `event-bus`: another bus (any account; delivered with the rule's role); `sqs`: a queue whose policy lets this rule send. */
  readonly kind: 'event-bus' | 'sqs';
  readonly arn: string;
  /** FIFO queue targets: the message group. @default - none */
  readonly messageGroupId?: string;
}

export interface EventRuleProps {
  /** Rule name (unique on its bus). CAUTION: changing it replaces the rule and its targets. */
  readonly name: string;
  /** Name of the bus the rule listens on. CAUTION: changing it replaces the rule. */
  readonly eventBusName: string;
  /** Event pattern as JSON (at most 2,048 characters). */
  readonly eventPattern: string;
  /** Targets by a stable name (at most 5). */
  readonly targets: Readonly<Record<string, EventTarget>>;
  /** Account of the rule: the sender-side role trusts EventBridge only for it. */
  readonly accountId: string;
  /** ARN the rule will have, for the role's trust condition (deterministic: `rule/<bus>/<name>`). */
  readonly ruleArn: string;
  /** Name of the sender-side role, created when a target is a bus. CAUTION: changing it replaces the role. @default `<name>-delivery` */
  readonly roleName?: string;
  /** Queue (in this account) for events no target accepted; its policy must let this rule send. @default - none */
  readonly deadLetterQueueArn?: string;
  /** @default 185 attempts within 24 h */
  readonly retry?: EventTargetRetry;
  /** @default - none */
  readonly description?: string;
}

export const MAX_EVENT_PATTERN_LENGTH = 2048;

/**
 * An EventBridge rule and its targets. A target on another account's bus gets the rule's own role
 * (`events:PutEvents` on exactly the target buses): EventBridge has required one for new
 * cross-account targets since 2023. The receiving bus's policy must name this account.
 */
export class EventRule extends Construct {
  readonly rule: CloudwatchEventRule;
  readonly role?: ServiceRole;

  constructor(scope: Construct, id: string, props: EventRuleProps) {
    super(scope, id);
    validate(props);
    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: props.name,
      eventBusName: props.eventBusName,
      eventPattern: props.eventPattern,
      state: 'ENABLED',
      ...(props.description ? { description: props.description } : {}),
    });
    const busTargets = Object.fromEntries(Object.entries(props.targets).filter(([, target]) => target.kind === 'event-bus'));
    if (Object.keys(busTargets).length > 0) {
      const roleName = props.roleName ?? `${props.name}-delivery`.slice(0, 64);
      this.role = new ServiceRole(this, 'role', {
        name: roleName,
        description: `EventBridge rule ${props.name} puts events on other buses`,
        trustPolicy: serviceTrustPolicy('events.amazonaws.com', props.accountId, props.ruleArn),
        statements: [
          { Sid: 'PutEventsOnTargetBuses', Effect: 'Allow', Action: 'events:PutEvents', Resource: sortedValues(targetArns(busTargets)) },
        ],
      });
    }
    for (const [name, target] of Object.entries(props.targets).sort(([a], [b]) => a.localeCompare(b))) {
      new CloudwatchEventTarget(this, `target-${name}`, {
        rule: this.rule.name,
        eventBusName: props.eventBusName,
        targetId: name,
        arn: target.arn,
        ...(target.kind === 'event-bus' && this.role ? { roleArn: this.role.roleArn } : {}),
        ...(target.messageGroupId ? { sqsTarget: { messageGroupId: target.messageGroupId } } : {}),
        retryPolicy: {
          maximumRetryAttempts: props.retry?.maximumRetryAttempts ?? 185,
          maximumEventAgeInSeconds: props.retry?.maximumEventAgeSeconds ?? 86400,
        },
        ...(props.deadLetterQueueArn ? { deadLetterConfig: { arn: props.deadLetterQueueArn } } : {}),
      });
    }
  }

  get ruleArn(): string {
    return this.rule.arn;
  }
}

function targetArns(targets: Readonly<Record<string, EventTarget>>): Record<string, string> {
  return Object.fromEntries(Object.entries(targets).map(([name, target]) => [name, target.arn]));
}

function validate(props: EventRuleProps): void {
  const where = `EventRule ${props.name}`;
  if (isKnown(props.name) && !/^[A-Za-z0-9._-]{1,64}$/.test(props.name)) {
    throw new Error(`${where}: name must be 1–64 letters, digits, . _ and -`);
  }
  if (isKnown(props.eventPattern)) {
    if (props.eventPattern.length > MAX_EVENT_PATTERN_LENGTH) {
      throw new Error(`${where}: eventPattern has ${props.eventPattern.length} characters; EventBridge allows ${MAX_EVENT_PATTERN_LENGTH}`);
    }
    let pattern: unknown;
    try {
      pattern = JSON.parse(props.eventPattern);
    } catch {
      throw new Error(`${where}: eventPattern is not valid JSON; give a JSON object such as {"source":["acme.orders"]}`);
    }
    if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) {
      throw new Error(`${where}: eventPattern must be a JSON object`);
    }
  }
  const names = Object.keys(props.targets);
  if (names.length === 0 || names.length > 5) throw new Error(`${where}: targets has ${names.length}; give 1 to 5 targets`);
  validateConstructNames(where, 'targets name', names);
  checkRange(where, 'retry.maximumRetryAttempts', props.retry?.maximumRetryAttempts, 0, 185, 'EventBridge retries at most 185 times');
  checkRange(where, 'retry.maximumEventAgeSeconds', props.retry?.maximumEventAgeSeconds, 60, 86400, 'give 60 s to 24 h');
}
