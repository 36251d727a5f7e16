import * as path from 'node:path';
import { loadLandingZone } from '../../model/load';
import { checkSynthesizedStacks } from '../../policy/synthesized';
import { synthesize, type StackJson } from '../support/synth';

/*
 * Follows each cross-account flow of the sample through the synthesized JSON, the way the
 * reachability test follows packets: the sender's half in one stack, the receiver's in another,
 * joined only by ARNs the model derives from names.
 */

const model = loadLandingZone(path.join(__dirname, '..', '..', 'environments'));
const synthesized = synthesize(model);
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

const resources = (stack: StackJson, type: string): Record<string, any>[] => Object.values(stack.resource?.[type] ?? {});
const only = (stack: StackJson, type: string) => {
  const found = resources(stack, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
};
/** The orders topic (the stack also has the topic its alarms notify). */
const ordersTopic = (stack: StackJson) => resources(stack, 'aws_sns_topic').find((topic) => topic.name === 'acme-orders')!;
const accountId = (name: string) => model.accounts.find((account) => account.name === name)!.id!;
const regionOf = (environment: string) => model.environments.find((candidate) => candidate.name === environment)!.region;
const statements = (policy: string) => JSON.parse(policy).Statement as Record<string, any>[];

describe.each(ENVIRONMENTS)('messaging flows of %s', (environment) => {
  const orders = synthesized.stacks[`${environment}-workloads-orders-${environment}`];
  const payments = synthesized.stacks[`${environment}-workloads-payments-${environment}`];
  const region = regionOf(environment);
  const ordersId = accountId(`orders-${environment}`);
  const paymentsId = accountId(`payments-${environment}`);

  describe('OrderPlaced from the orders bus to the payments bus', () => {
    const receiverBusArn = `arn:aws:events:${region}:${paymentsId}:event-bus/${only(payments, 'aws_cloudwatch_event_bus').name}`;
    const target = resources(orders, 'aws_cloudwatch_event_target').find((candidate) => candidate.target_id === 'payments')!;

    it("targets the receiver's bus ARN from the sender's stack", () => {
      expect(target.arn).toBe(receiverBusArn);
    });

    it("delivers with a sender-side role allowed to put events on exactly the receiver's bus", () => {
      const role = Object.entries<any>(orders.resource.aws_iam_role).find(([name]) => target.role_arn === `\${aws_iam_role.${name}.arn}`);
      expect(role).toBeDefined();
      const policy = resources(orders, 'aws_iam_role_policy').find((candidate) => candidate.role === `\${aws_iam_role.${role![0]}.id}`)!;
      expect(statements(policy.policy)).toEqual([expect.objectContaining({ Action: 'events:PutEvents', Resource: [receiverBusArn] })]);
    });

    it("is granted by the receiver's bus policy, which names the sender account and nobody else", () => {
      const policy = only(payments, 'aws_cloudwatch_event_bus_policy');
      expect(statements(policy.policy).map((statement) => statement.Principal)).toEqual([{ AWS: [`arn:aws:iam::${ordersId}:root`] }]);
    });
  });

  describe('the orders topic fanned out to a queue in each account', () => {
    const topicArn = `arn:aws:sns:${region}:${ordersId}:${ordersTopic(orders).name}`;

    it('subscribes the payments queue from the payments stack, with its filter, and the orders queue from the orders stack', () => {
      const [remote] = resources(payments, 'aws_sns_topic_subscription');
      expect(remote).toMatchObject({ topic_arn: topicArn, protocol: 'sqs', filter_policy_scope: 'MessageAttributes' });
      expect(JSON.parse(remote.filter_policy).type).toEqual(['OrderPlaced']);
      expect(remote.endpoint).toMatch(/^\$\{aws_sqs_queue\.queue-order-payments_queue_.*\.arn\}$/);
      const local = resources(orders, 'aws_sns_topic_subscription');
      expect(local.map((subscription) => subscription.endpoint)).toEqual([expect.stringMatching(/queue-order-events/)]);
    });

    it("lets the payments account subscribe in the topic's policy", () => {
      const policy = resources(orders, 'aws_sns_topic_policy').find((candidate) => candidate.policy.includes('SubscribeAccounts'))!;
      const grant = statements(policy.policy).find((statement) => statement.Sid === 'SubscribeAccounts');
      expect(resources(orders, 'aws_sns_topic_policy')).toHaveLength(2); // the orders topic's and the alarm topic's
      expect(grant?.Principal).toEqual({ AWS: [`arn:aws:iam::${paymentsId}:root`] });
    });

    it('lets exactly the topic send to the payments queue', () => {
      const policies = resources(payments, 'aws_sqs_queue_policy').flatMap((policy) => statements(policy.policy));
      const fromSns = policies.filter((statement) => statement.Sid === 'AllowSnsTopics');
      expect(fromSns.map((statement) => statement.Condition.ArnEquals['aws:SourceArn'])).toEqual([[topicArn], [topicArn]]);
    });

    it('deploys the payments stack after the orders stack', () => {
      expect(synthesized.dependencies[`${environment}-workloads-payments-${environment}`]).toContain(
        `${environment}-workloads-orders-${environment}`,
      );
    });
  });
});

/** The resource a `${type.name.attr}` interpolation points at, in the same stack. */
const referenced = (stack: StackJson, interpolation: string): Record<string, any> => {
  const match = /^\$\{([a-z0-9_]+)\.([^.}]+)\.[a-z_]+\}$/.exec(interpolation);
  if (!match) throw new Error(`${interpolation} is not a reference`);
  return stack.resource[match[1]][match[2]];
};
const policyWith = (stack: StackJson, sid: string) =>
  resources(stack, 'aws_iam_role_policy').filter((policy) => statements(policy.policy).some((statement) => statement.Sid === sid));
const statementOf = (policy: Record<string, any>, sid: string) => statements(policy.policy).find((statement) => statement.Sid === sid)!;

describe.each(ENVIRONMENTS)('workloads wired to the messaging of %s', (environment) => {
  const orders = synthesized.stacks[`${environment}-workloads-orders-${environment}`];
  const payments = synthesized.stacks[`${environment}-workloads-payments-${environment}`];
  const region = regionOf(environment);
  const ordersId = accountId(`orders-${environment}`);
  const paymentsId = accountId(`payments-${environment}`);
  const settlementsArn = `arn:aws:sqs:${region}:${paymentsId}:acme-settlements`;

  describe('the settlement consumer invoked by the settlements queue', () => {
    const mapping = only(payments, 'aws_lambda_event_source_mapping');

    it("maps the consumed queue's ARN to the function, with partial batch responses", () => {
      const queue = referenced(payments, mapping.event_source_arn);
      expect(`arn:aws:sqs:${region}:${paymentsId}:${queue.name}`).toBe(settlementsArn);
      expect(referenced(payments, mapping.function_name).function_name).toBe('acme-settlement-consumer');
      expect(mapping.function_response_types).toEqual(['ReportBatchItemFailures']);
    });

    it('lets the function role read exactly that queue, and decrypt it where the messaging key encrypts it', () => {
      const [policy] = policyWith(payments, 'ConsumeQueues');
      expect(statementOf(policy, 'ConsumeQueues').Resource).toEqual([mapping.event_source_arn]);
      const queue = referenced(payments, mapping.event_source_arn);
      const decrypt = statements(policy.policy).find((statement) => statement.Sid === 'DecryptQueues');
      expect(decrypt?.Resource).toEqual(queue.kms_master_key_id ? [queue.kms_master_key_id] : undefined);
    });

    it('gives the queue a visibility timeout of at least 6 × the function timeout, and a dead-letter queue', () => {
      const queue = referenced(payments, mapping.event_source_arn);
      const fn = referenced(payments, mapping.function_name);
      expect(queue.visibility_timeout_seconds).toBeGreaterThanOrEqual(6 * fn.timeout);
      const redrive = resources(payments, 'aws_sqs_queue_redrive_policy').find(
        (policy) => policy.queue_url === mapping.event_source_arn.replace('.arn}', '.url}'),
      );
      expect(redrive).toBeDefined();
    });
  });

  describe('the orders API publishing order events', () => {
    const [policy] = policyWith(orders, 'PublishToTopics');
    const topicArn = `arn:aws:sns:${region}:${ordersId}:${ordersTopic(orders).name}`;
    const busArn = `arn:aws:events:${region}:${ordersId}:event-bus/${only(orders, 'aws_cloudwatch_event_bus').name}`;

    it("publishes from the service's task role to exactly the orders topic ARN and the account's bus", () => {
      const role = Object.entries<any>(orders.resource.aws_iam_role).find(([name]) => policy.role === `\${aws_iam_role.${name}.id}`)!;
      expect(role[1].name).toMatch(/orders-api.*task/);
      expect(statementOf(policy, 'PublishToTopics')).toMatchObject({ Action: 'sns:Publish', Resource: [topicArn] });
      expect(statementOf(policy, 'PutEventsOnBus')).toMatchObject({ Action: 'events:PutEvents', Resource: [busArn] });
    });

    it('may use the messaging key that encrypts the topic, and nothing else of it', () => {
      const topic = ordersTopic(orders);
      expect(statementOf(policy, 'EncryptMessages')).toMatchObject({
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: topic.kms_master_key_id,
      });
    });
  });

  describe('partners submitting settlements through the payments REST API', () => {
    const integration = resources(payments, 'aws_api_gateway_integration').find((candidate) => candidate.type === 'AWS')!;

    it('sends the request to the settlements queue with SQS SendMessage', () => {
      expect(integration.uri).toBe(`arn:aws:apigateway:${region}:sqs:path/${paymentsId}/acme-settlements`);
      expect(integration.request_templates['application/json']).toMatch(/^Action=SendMessage&MessageBody=/);
    });

    it('calls SQS with an integration role allowed to send to exactly that queue', () => {
      const role = referenced(payments, integration.credentials);
      const [policy] = policyWith(payments, 'SendToQueues');
      expect(role.name).toBe('acme-payments-integrations');
      expect(statementOf(policy, 'SendToQueues').Resource).toEqual([settlementsArn]);
    });
  });
});

describe('messaging in the sample organization', () => {
  it('passes the policy pack in every workload stack', () => {
    const report = checkSynthesizedStacks(synthesized.output, model);
    expect(report.findings.filter((finding) => finding.stack.includes('-workloads-'))).toEqual([]);
  });

  it('keeps every workload stack at or under 150 resources', () => {
    const counts = Object.entries(synthesized.stacks)
      .filter(([name]) => name.includes('-workloads-'))
      .map(
        ([name, stack]) =>
          [name, Object.values<object>(stack.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0)] as const,
      );
    expect(counts.filter(([, count]) => count > 150)).toEqual([]);
    expect(counts.length).toBeGreaterThanOrEqual(6);
  });
});
