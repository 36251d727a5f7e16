import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { PolicyStatement } from '../shared/policy-document';
import { checkAccountIds, document, isKnown, rootArn, sortedValues } from './checks';

export interface MessagingKeyProps {
  /** Alias without `alias/`. CAUTION: changing it replaces the alias (the key stays). */
  readonly alias: string;
  /** Account that owns the key; its root administers it. */
  readonly accountId: string;
  readonly region: string;
  /** SNS topics (any account) that deliver into queues encrypted with this key, keyed by a stable name. @default {} */
  readonly snsSourceArns?: Readonly<Record<string, string>>;
  /** EventBridge rules and buses that use the key: buses encrypted with it, rules delivering into its queues. @default {} */
  readonly eventSourceArns?: Readonly<Record<string, string>>;
  /** Accounts that publish to topics encrypted with this key (they encrypt through SNS), keyed by account name. @default {} */
  readonly publisherAccountIds?: Readonly<Record<string, string>>;
  /**
   * CloudWatch alarms (an ARN pattern of this account's alarms) that notify a topic encrypted with
   * the key: CloudWatch may use it for exactly them. @default - none
   */
  readonly cloudWatchAlarmArn?: string;
}

const USE_KEY = ['kms:GenerateDataKey*', 'kms:Decrypt'];

/**
 * A customer managed key for an account's queues, topics and bus, with rotation. Unlike the AWS
 * managed `aws/sqs` and `aws/sns` keys, its policy lets SNS and EventBridge encrypt on behalf of
 * exactly the named topics, rules and buses, and lets publishers of other accounts use it through SNS.
 */
export class MessagingKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: MessagingKeyProps) {
    super(scope, id);
    validate(props);
    this.key = new KmsKey(this, 'key', {
      description: `Queues, topics and event bus (${props.alias})`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify(document(keyStatements(props))),
    });
    new KmsAlias(this, 'alias', { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
  }

  get keyArn(): string {
    return this.key.arn;
  }
}

function keyStatements(props: MessagingKeyProps): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: rootArn(props.accountId) }, Action: 'kms:*', Resource: '*' },
  ];
  const service = (sid: string, principal: string, sources: string[]): PolicyStatement[] =>
    sources.length === 0
      ? []
      : [
          {
            Sid: sid,
            Effect: 'Allow',
            Principal: { Service: principal },
            Action: USE_KEY,
            Resource: '*',
            Condition: { ArnLike: { 'aws:SourceArn': sources } },
          },
        ];
  statements.push(...service('SnsDelivers', 'sns.amazonaws.com', sortedValues(props.snsSourceArns)));
  statements.push(...service('EventBridgeDelivers', 'events.amazonaws.com', sortedValues(props.eventSourceArns)));
  if (props.cloudWatchAlarmArn) {
    statements.push({
      Sid: 'CloudWatchAlarmsEncrypt',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: USE_KEY,
      Resource: '*',
      Condition: { ArnLike: { 'aws:SourceArn': props.cloudWatchAlarmArn }, StringEquals: { 'aws:SourceAccount': props.accountId } },
    });
  }
  const publishers = sortedValues(props.publisherAccountIds);
  if (publishers.length > 0) {
    statements.push({
      Sid: 'PublishersThroughSns',
      Effect: 'Allow',
      Principal: { AWS: publishers.map((id) => rootArn(id)) },
      Action: USE_KEY,
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': `sns.${props.region}.amazonaws.com` } },
    });
  }
  return statements;
}

function validate(props: MessagingKeyProps): void {
  const where = `MessagingKey ${props.alias}`;
  if (isKnown(props.alias) && (props.alias.startsWith('aws/') || !/^[a-zA-Z0-9/_-]{1,250}$/.test(props.alias))) {
    throw new Error(`${where}: alias must be letters, digits, /, _ and -, without alias/ and not under aws/`);
  }
  checkAccountIds(where, 'publisherAccountIds', props.publisherAccountIds ?? {});
}
