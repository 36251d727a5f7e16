import type { PolicyStatement } from '../shared/policy-document';

/*
 * Identity-policy statements for the principals that send to or read from an account's messaging
 * entries (ECS task roles, function roles, Batch job roles, API Gateway integration roles). They are
 * principals of the entries' own account, so the queue, topic and bus policies need no grant for them.
 */

/** Key use SNS and SQS need of a caller when they encrypt with a customer managed key. */
export const ENCRYPT_WITH_KEY = ['kms:GenerateDataKey', 'kms:Decrypt'];

/** The four actions a queue consumer needs: receive, delete, extend a message's visibility, read the queue's attributes. */
export const CONSUME_QUEUE = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'];

export interface PublishGrants {
  /** SNS topics the principal publishes to. @default [] */
  readonly topicArns?: readonly string[];
  /** SQS queues it sends to. @default [] */
  readonly queueArns?: readonly string[];
  /** EventBridge buses it puts events on. @default [] */
  readonly busArns?: readonly string[];
  /** The key that encrypts a topic or queue above; EventBridge needs none of the caller. @default - none */
  readonly kmsKeyArn?: string;
}

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}

/** Exactly `sns:Publish`, `sqs:SendMessage` and `events:PutEvents` on the named entries, and key use when one is encrypted. */
export function publishStatements(grants: PublishGrants): PolicyStatement[] {
  const allow = (sid: string, action: string, arns: string[]): PolicyStatement[] =>
    arns.length === 0 ? [] : [{ Sid: sid, Effect: 'Allow', Action: action, Resource: arns }];
  return [
    ...allow('PublishToTopics', 'sns:Publish', unique(grants.topicArns)),
    ...allow('SendToQueues', 'sqs:SendMessage', unique(grants.queueArns)),
    ...allow('PutEventsOnBus', 'events:PutEvents', unique(grants.busArns)),
    ...(grants.kmsKeyArn
      ? [{ Sid: 'EncryptMessages', Effect: 'Allow' as const, Action: ENCRYPT_WITH_KEY, Resource: grants.kmsKeyArn }]
      : []),
  ];
}

/** Exactly what reading `queueArns` takes, and `kms:Decrypt` on the keys that encrypt them. */
export function consumeStatements(queueArns: readonly string[], kmsKeyArns: readonly string[] = []): PolicyStatement[] {
  const queues = unique(queueArns);
  if (queues.length === 0) return [];
  const keys = unique(kmsKeyArns);
  return [
    { Sid: 'ConsumeQueues', Effect: 'Allow', Action: CONSUME_QUEUE, Resource: queues },
    ...(keys.length > 0 ? [{ Sid: 'DecryptQueues', Effect: 'Allow' as const, Action: 'kms:Decrypt', Resource: keys }] : []),
  ];
}
