import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { Construct } from 'constructs';
import type { PolicyStatement } from '../shared/policy-document';
import { checkAccountIds, checkFifoName, checkOrganizationId, document, grantStatements, isKnown, rootArn, type Grantees } from './checks';

export interface TopicProps {
  /** Topic name, ending in `.fifo` for a FIFO topic. CAUTION: changing it replaces the topic and drops its subscriptions. */
  readonly name: string;
  /** Account that owns the topic. */
  readonly accountId: string;
  /** Customer managed KMS key (SNS encryption); its policy must let publishers use it through SNS (`MessagingKey`). */
  readonly kmsKeyArn: string;
  /** A FIFO topic. CAUTION: changing it replaces the topic. @default false */
  readonly fifo?: boolean;
  /** FIFO only: deduplicate by a hash of the body. @default false */
  readonly contentBasedDeduplication?: boolean;
  /** Accounts (or the organization) that may publish besides the owner. @default - the owner only */
  readonly publishers?: Grantees;
  /**
   * Accounts (or the organization) that may subscribe their queues. Their subscriptions live in
   * their own stacks: created from the queue's account, they are confirmed at once. @default - the owner only
   */
  readonly subscribers?: Grantees;
  /**
   * CloudWatch alarms that notify the topic, as an ARN pattern of the owner's alarms
   * (`arn:aws:cloudwatch:<region>:<owner>:alarm:<prefix>*`): `cloudwatch.amazonaws.com` may publish
   * for exactly them. The key must let CloudWatch use it too (`MessagingKey` `cloudWatchAlarmArn`). @default - none
   */
  readonly alarmSourceArn?: string;
}

/** An SNS topic encrypted with a customer managed key, and its policy: who may publish, who may subscribe. */
export class Topic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: TopicProps) {
    super(scope, id);
    validate(props);
    const fifo = props.fifo ?? false;
    this.topic = new SnsTopic(this, 'topic', {
      name: props.name,
      kmsMasterKeyId: props.kmsKeyArn,
      ...(fifo ? { fifoTopic: true, contentBasedDeduplication: props.contentBasedDeduplication ?? false } : {}),
    });
    new SnsTopicPolicy(this, 'policy', { arn: this.topic.arn, policy: JSON.stringify(document(topicStatements(this.topic.arn, props))) });
  }

  get topicArn(): string {
    return this.topic.arn;
  }
}

function topicStatements(topicArn: string, props: TopicProps): PolicyStatement[] {
  return [
    {
      Sid: 'OwnerManages',
      Effect: 'Allow',
      Principal: { AWS: rootArn(props.accountId) },
      Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:Publish', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic'],
      Resource: topicArn,
    },
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'SNS:Publish',
      Resource: topicArn,
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
    ...grantStatements('Publish', props.publishers, ['SNS:Publish'], topicArn),
    ...grantStatements('Subscribe', props.subscribers, ['SNS:Subscribe', 'SNS:GetTopicAttributes'], topicArn),
    ...(props.alarmSourceArn
      ? [
          {
            Sid: 'CloudWatchAlarmsPublish',
            Effect: 'Allow' as const,
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'SNS:Publish',
            Resource: topicArn,
            Condition: { ArnLike: { 'aws:SourceArn': props.alarmSourceArn }, StringEquals: { 'aws:SourceAccount': props.accountId } },
          },
        ]
      : []),
  ];
}

function validate(props: TopicProps): void {
  const where = `Topic ${props.name}`;
  checkFifoName(where, 'name', props.name, props.fifo ?? false);
  if (props.contentBasedDeduplication && !props.fifo) {
    throw new Error(`${where}: contentBasedDeduplication needs fifo: true; drop it or make the topic FIFO`);
  }
  if (props.alarmSourceArn && props.fifo) {
    throw new Error(`${where}: alarmSourceArn is set on a FIFO topic; CloudWatch alarms publish only to standard topics`);
  }
  if (isKnown(props.alarmSourceArn) && !/^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:(\d{12}|\$\{.+\}):alarm:.+$/.test(props.alarmSourceArn)) {
    throw new Error(`${where}: alarmSourceArn "${props.alarmSourceArn}" is not a CloudWatch alarm ARN (pattern)`);
  }
  if (isKnown(props.kmsKeyArn) && /alias\/aws\/sns$/.test(props.kmsKeyArn)) {
    throw new Error(`${where}: kmsKeyArn is the AWS managed alias/aws/sns, which other accounts cannot use; pass a customer managed key`);
  }
  for (const [prop, grantees] of Object.entries({ publishers: props.publishers, subscribers: props.subscribers })) {
    checkAccountIds(where, `${prop}.accountIds`, grantees?.accountIds ?? {});
    checkOrganizationId(where, `${prop}.organizationId`, grantees?.organizationId);
  }
}
