import { CloudwatchEventArchive } from '@cdktf/provider-aws/lib/cloudwatch-event-archive';
import { CloudwatchEventBus } from '@cdktf/provider-aws/lib/cloudwatch-event-bus';
import { CloudwatchEventBusPolicy } from '@cdktf/provider-aws/lib/cloudwatch-event-bus-policy';
import { Construct } from 'constructs';
import { checkAccountIds, checkOrganizationId, checkRange, document, grantStatements, isKnown, type Grantees } from './checks';

export interface EventBusArchive {
  /** Days events are kept; 0 keeps them forever. */
  readonly retentionDays: number;
  /** Archive only matching events. @default - every event */
  readonly eventPattern?: string;
}

export interface EventBusProps {
  /** Bus name. CAUTION: changing it replaces the bus, its rules and its archive. */
  readonly name: string;
  /**
   * Customer managed KMS key whose policy lets `events.amazonaws.com` use it for this bus. An
   * archive cannot be combined with it on hashicorp/aws 5.x (the archive's key argument is 6.x).
   * @default - an AWS owned key
   */
  readonly kmsKeyArn?: string;
  /**
   * Accounts (or the organization) whose rules may put events on this bus: the receiving half of
   * cross-account delivery. The bus policy is a singleton per bus, owned here; never add
   * `aws_cloudwatch_event_permission`s to the same bus. @default - no bus policy (this account only)
   */
  readonly senders?: Grantees;
  /** Archive for replay. @default - none */
  readonly archive?: EventBusArchive;
  /** @default - none */
  readonly description?: string;
}

/** A custom EventBridge bus with its policy (who may send from other accounts) and an archive. */
export class EventBus extends Construct {
  readonly bus: CloudwatchEventBus;
  readonly policy?: CloudwatchEventBusPolicy;

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id);
    validate(props);
    this.bus = new CloudwatchEventBus(this, 'bus', {
      name: props.name,
      ...(props.kmsKeyArn ? { kmsKeyIdentifier: props.kmsKeyArn } : {}),
      ...(props.description ? { description: props.description } : {}),
    });
    const grants = grantStatements('PutEvents', props.senders, ['events:PutEvents'], this.bus.arn);
    if (grants.length > 0) {
      this.policy = new CloudwatchEventBusPolicy(this, 'policy', { eventBusName: this.bus.name, policy: JSON.stringify(document(grants)) });
    }
    if (props.archive) {
      new CloudwatchEventArchive(this, 'archive', {
        name: props.name.slice(0, 48),
        eventSourceArn: this.bus.arn,
        retentionDays: props.archive.retentionDays,
        ...(props.archive.eventPattern ? { eventPattern: props.archive.eventPattern } : {}),
      });
    }
  }

  get busArn(): string {
    return this.bus.arn;
  }

  get busName(): string {
    return this.bus.name;
  }
}

function validate(props: EventBusProps): void {
  const where = `EventBus ${props.name}`;
  if (isKnown(props.name) && (props.name === 'default' || !/^[A-Za-z0-9._-]{1,256}$/.test(props.name))) {
    throw new Error(`${where}: name must be 1–256 letters, digits, . _ and -, and not "default"`);
  }
  if (props.archive && props.kmsKeyArn) {
    throw new Error(`${where}: archive with kmsKeyArn needs the archive's kms_key_identifier (hashicorp/aws 6.x); drop one of them`);
  }
  checkRange(where, 'archive.retentionDays', props.archive?.retentionDays, 0, 36500, 'give days to keep events, 0 for forever');
  checkAccountIds(where, 'senders.accountIds', props.senders?.accountIds ?? {});
  checkOrganizationId(where, 'senders.organizationId', props.senders?.organizationId);
}
