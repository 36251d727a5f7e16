import { Testing } from 'cdktf';
import { EventBus } from '../../../modules/messaging/event-bus';
import { MessagingKey } from '../../../modules/messaging/messaging-key';
import { Queue } from '../../../modules/messaging/queue';
import { Topic } from '../../../modules/messaging/topic';
import { evaluateStack } from '../../../policy/engine';
import { documentFromCdktfJson } from '../../../policy/terraform-json';
import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const open = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

describe('LZ-MSG-001 (CKV_AWS_27): SQS queues are encrypted', () => {
  it('passes SSE-SQS, and a KMS key referenced from the same configuration', () => {
    const stack = cdktfStack({
      aws_sqs_queue: { a: { name: 'a', sqs_managed_sse_enabled: true }, b: { name: 'b', kms_master_key_id: '${aws_kms_key.k.arn}' } },
    });
    expect(findingsOf('LZ-MSG-001', stack)).toEqual([]);
  });

  it('fails a queue in a plan with SSE-SQS turned off and no key', () => {
    const plan = planStack([{ type: 'aws_sqs_queue', name: 'plain', values: { name: 'plain', sqs_managed_sse_enabled: false } }]);
    expect(summarize(findingsOf('LZ-MSG-001', plan))).toEqual([
      'aws_sqs_queue.plain: has neither sqs_managed_sse_enabled = true nor kms_master_key_id',
    ]);
  });
});

describe('LZ-MSG-002 (CKV_AWS_26): SNS topics are encrypted', () => {
  it('passes a topic whose key comes from the same plan', () => {
    const plan = planStack([
      { type: 'aws_sns_topic', name: 'orders', values: { name: 'orders' }, references: { kms_master_key_id: ['aws_kms_key.k'] } },
    ]);
    expect(findingsOf('LZ-MSG-002', plan)).toEqual([]);
  });

  it('fails a topic without a key', () => {
    expect(summarize(findingsOf('LZ-MSG-002', cdktfStack({ aws_sns_topic: { orders: { name: 'orders' } } })))).toEqual([
      'aws_sns_topic.orders: has no kms_master_key_id',
    ]);
  });
});

describe('LZ-MSG-003: every queue has a dead-letter queue', () => {
  const queues = {
    work: { name: 'work', sqs_managed_sse_enabled: true },
    'work-dlq': { name: 'work-dlq', sqs_managed_sse_enabled: true },
    lonely: { name: 'lonely', sqs_managed_sse_enabled: true },
  };

  it('passes a queue with a separate redrive policy and its dead-letter queue, in a plan', () => {
    const plan = planStack([
      { type: 'aws_sqs_queue', name: 'work', values: queues.work },
      { type: 'aws_sqs_queue', name: 'work-dlq', values: queues['work-dlq'] },
      {
        type: 'aws_sqs_queue_redrive_policy',
        name: 'redrive',
        values: {},
        references: { queue_url: ['aws_sqs_queue.work'], redrive_policy: ['aws_sqs_queue.work-dlq'] },
      },
    ]);
    expect(findingsOf('LZ-MSG-003', plan)).toEqual([]);
  });

  it('passes a Lambda function’s failure queue, which is a dead-letter queue itself', () => {
    const stack = cdktfStack({
      aws_sqs_queue: { failures: { name: 'failures', sqs_managed_sse_enabled: true } },
      aws_lambda_function: { fn: { function_name: 'fn', dead_letter_config: { target_arn: '${aws_sqs_queue.failures.arn}' } } },
    });
    expect(findingsOf('LZ-MSG-003', stack)).toEqual([]);
  });

  it('fails a dead-letter queue that a function consumes: its poison messages need a dead-letter queue too', () => {
    const stack = cdktfStack({
      aws_sqs_queue: { failures: { name: 'failures', sqs_managed_sse_enabled: true } },
      aws_lambda_function: { fn: { function_name: 'fn', dead_letter_config: { target_arn: '${aws_sqs_queue.failures.arn}' } } },
      aws_lambda_event_source_mapping: {
        retry: {
          function_name: 'retry',
          event_source_arn: '${aws_sqs_queue.failures.arn}',
          function_response_types: ['ReportBatchItemFailures'],
        },
      },
    });
    expect(summarize(findingsOf('LZ-MSG-003', stack))).toEqual([
      'aws_sqs_queue.failures: is read by a Lambda event source mapping but has no redrive policy to a dead-letter queue',
    ]);
  });

  it('fails a queue nobody redrives and that is no dead-letter queue', () => {
    const stack = cdktfStack({
      aws_sqs_queue: queues,
      aws_sqs_queue_redrive_policy: {
        redrive: { queue_url: '${aws_sqs_queue.work.url}', redrive_policy: '{"deadLetterTargetArn":"${aws_sqs_queue.work-dlq.arn}"}' },
      },
    });
    expect(summarize(findingsOf('LZ-MSG-003', stack))).toEqual(['aws_sqs_queue.lonely: has no redrive policy to a dead-letter queue']);
  });
});

describe('LZ-MSG-004: no * principals outside the organization', () => {
  it('passes * with aws:PrincipalOrgID, a service with aws:SourceArn and a Deny with *', () => {
    const stack = cdktfStack({
      aws_cloudwatch_event_bus_policy: {
        org: {
          policy: open({
            Effect: 'Allow',
            Principal: '*',
            Action: 'events:PutEvents',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
          }),
        },
      },
      aws_sqs_queue_policy: {
        sns: { policy: open({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage' }) },
        tls: { policy: open({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*' }) },
      },
    });
    expect(findingsOf('LZ-MSG-004', stack)).toEqual([]);
  });

  it('fails a topic policy and an inline queue policy open to everyone', () => {
    const stack = cdktfStack({
      aws_sns_topic_policy: {
        orders: { arn: 'x', policy: open({ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: ['*'] }, Action: 'SNS:Subscribe' }) },
      },
      aws_sqs_queue: { open: { name: 'open', policy: open({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage' }) } },
    });
    expect(summarize(findingsOf('LZ-MSG-004', stack))).toEqual([
      'aws_sns_topic_policy.orders: statement Anyone allows * without an aws:PrincipalOrgID condition',
      'aws_sqs_queue.open: statement 0 allows * without an aws:PrincipalOrgID condition',
    ]);
  });

  it('reads a policy whose account id is an interpolation with quotes inside, and fails it when open to everyone', () => {
    const account = '${data.terraform_remote_state.org-outputs.outputs.account_ids["analytics-prod"]}';
    const stack = cdktfStack({
      aws_sns_topic_policy: {
        alarms: {
          arn: 'x',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'SNS:Publish' },
              { Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'SNS:Publish' },
            ],
          }).replace(/\\"analytics-prod\\"/g, '"analytics-prod"'),
        },
      },
    });
    expect(summarize(findingsOf('LZ-MSG-004', stack))).toEqual([
      'aws_sns_topic_policy.alarms: statement Open allows * without an aws:PrincipalOrgID condition',
    ]);
    expect(evaluateStack(stack).notes).toEqual([]);
  });

  it('notes a policy unknown until apply instead of guessing', () => {
    const evaluation = evaluateStack(planStack([{ type: 'aws_sqs_queue_policy', name: 'p', values: {} }]));
    expect(evaluation.notes.map((note) => note.message)).toContain('aws_sqs_queue_policy.p: policy is not known in this plan; not checked');
  });
});

describe('the messaging modules under the messaging rules', () => {
  it('pass every LZ-MSG rule and key rotation', () => {
    const synthesized = Testing.synthScope((scope) => {
      const key = new MessagingKey(scope, 'key', { alias: 'acme-messaging', accountId: '530000000002', region: 'eu-west-1' });
      new Queue(scope, 'queue', { name: 'acme-work', producers: { accountIds: { payments: '530000000001' } } });
      new Topic(scope, 'topic', {
        name: 'acme-orders',
        accountId: '530000000002',
        kmsKeyArn: key.keyArn,
        subscribers: { organizationId: 'o-a1b2c3d4e5' },
      });
      new EventBus(scope, 'bus', { name: 'acme-orders', senders: { organizationId: 'o-a1b2c3d4e5' } });
    });
    const findings = evaluateStack(documentFromCdktfJson(JSON.parse(synthesized), 'workloads')).findings;
    expect(findings.filter((finding) => /^LZ-(MSG|KMS)/.test(finding.rule))).toEqual([]);
  });
});
