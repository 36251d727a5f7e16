import type { PolicyStatement } from '../shared/policy-document';
import { document, rootArn, sortedValues } from './checks';

/**
 * Who may send to a queue. Nothing else can: the queue policy lists exactly these producers, each
 * AWS service only on behalf of the named source ARNs (no confused deputy).
 */
export interface QueueProducers {
  /** SNS topics subscribed to the queue, keyed by a stable name. @default {} */
  readonly topicArns?: Readonly<Record<string, string>>;
  /** EventBridge rules that target the queue (or use it as a dead-letter queue), keyed by a stable name. @default {} */
  readonly eventRuleArns?: Readonly<Record<string, string>>;
  /** Accounts whose principals (with IAM permission there) send directly, keyed by account name. @default {} */
  readonly accountIds?: Readonly<Record<string, string>>;
}

const SEND = ['sqs:SendMessage'];

/** The queue policy of one queue: TLS only, then one statement per kind of producer. */
export function queuePolicy(queueArn: string, producers: QueueProducers | undefined) {
  const statements: PolicyStatement[] = [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'sqs:*',
      Resource: queueArn,
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
  ];
  const fromService = (sid: string, service: string, sources: string[]) =>
    sources.length === 0
      ? []
      : [
          {
            Sid: sid,
            Effect: 'Allow' as const,
            Principal: { Service: service },
            Action: SEND,
            Resource: queueArn,
            Condition: { ArnEquals: { 'aws:SourceArn': sources } },
          },
        ];
  statements.push(...fromService('AllowSnsTopics', 'sns.amazonaws.com', sortedValues(producers?.topicArns)));
  statements.push(...fromService('AllowEventRules', 'events.amazonaws.com', sortedValues(producers?.eventRuleArns)));
  const accounts = sortedValues(producers?.accountIds);
  if (accounts.length > 0) {
    statements.push({
      Sid: 'AllowProducerAccounts',
      Effect: 'Allow',
      Principal: { AWS: accounts.map((id) => rootArn(id)) },
      Action: [...SEND, 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      Resource: queueArn,
    });
  }
  return document(statements);
}
