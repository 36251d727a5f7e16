import { Testing } from 'cdktf';
import { BatchComputeEnvironment } from '../../../modules/batch/compute-environment';
import { BatchInstanceRole } from '../../../modules/batch/instance-role';
import { BatchJobDefinition } from '../../../modules/batch/job-definition';
import { BatchJobQueue } from '../../../modules/batch/job-queue';
import { BatchJobStateMachine } from '../../../modules/batch/job-state-machine';
import { evaluateStack } from '../../../policy/engine';
import { documentFromCdktfJson } from '../../../policy/terraform-json';
import { ACCOUNT, DEFINITION_ARN, IMAGE, QUEUE_ARN, REGION } from '../../modules/batch/fixtures';
import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const properties = (extra: Record<string, unknown> = {}) => JSON.stringify({ image: 'etl:1', user: '1000:1000', ...extra });
const logging = { level: 'ERROR', log_destination: 'arn:aws:logs:eu-west-1:222222222222:log-group:/aws/vendedlogs/states/x:*' };

describe('LZ-BATCH-001 (CKV_AWS_210): no privileged Batch jobs', () => {
  it('passes an unprivileged job, also with references inside the JSON of a cdk.tf.json', () => {
    const stack = cdktfStack({
      aws_batch_job_definition: {
        etl: { type: 'container', container_properties: properties({ privileged: false, jobRoleArn: '${aws_iam_role.job.arn}' }) },
      },
    });
    expect(findingsOf('LZ-BATCH-001', stack)).toEqual([]);
  });

  it('fails a privileged job in a plan', () => {
    const plan = planStack([
      {
        type: 'aws_batch_job_definition',
        name: 'etl',
        values: { type: 'container', container_properties: properties({ privileged: true }) },
      },
    ]);
    expect(summarize(findingsOf('LZ-BATCH-001', plan))).toEqual([
      'aws_batch_job_definition.etl: has container_properties.privileged = true',
    ]);
  });

  it('notes, and does not guess, when the properties are unknown until apply', () => {
    const evaluation = evaluateStack(planStack([{ type: 'aws_batch_job_definition', name: 'etl', values: { type: 'container' } }]));
    expect(evaluation.findings.filter((finding) => finding.rule === 'LZ-BATCH-001')).toEqual([]);
    expect(evaluation.notes.map((note) => note.message)).toContain(
      'aws_batch_job_definition.etl: container_properties is not known in this plan; not checked',
    );
  });
});

describe('LZ-SFN-001 (CKV_AWS_285): state machine logging', () => {
  it('passes a literal destination (plan), and a log group referenced in a cdk.tf.json, without execution data', () => {
    expect(
      findingsOf('LZ-SFN-001', planStack([{ type: 'aws_sfn_state_machine', name: 'p', values: { logging_configuration: [logging] } }])),
    ).toEqual([]);
    const stack = cdktfStack({
      aws_sfn_state_machine: {
        p: {
          logging_configuration: { level: 'ERROR', include_execution_data: false, log_destination: '${aws_cloudwatch_log_group.p.arn}:*' },
        },
      },
    });
    expect(findingsOf('LZ-SFN-001', stack)).toEqual([]);
  });

  it('fails a machine without logging, and one with level OFF', () => {
    const stack = cdktfStack({ aws_sfn_state_machine: { a: { name: 'a' }, b: { logging_configuration: { ...logging, level: 'OFF' } } } });
    expect(summarize(findingsOf('LZ-SFN-001', stack))).toEqual([
      'aws_sfn_state_machine.a: has no logging_configuration',
      'aws_sfn_state_machine.b: has logging_configuration.level = "OFF"',
    ]);
  });
});

describe('LZ-SFN-002 (CKV_AWS_284): state machine tracing', () => {
  it('passes a machine with X-Ray tracing', () => {
    expect(
      findingsOf(
        'LZ-SFN-002',
        planStack([{ type: 'aws_sfn_state_machine', name: 'p', values: { tracing_configuration: [{ enabled: true }] } }]),
      ),
    ).toEqual([]);
  });

  it('fails a machine without tracing, and one with it off', () => {
    const stack = cdktfStack({ aws_sfn_state_machine: { a: {}, b: { tracing_configuration: { enabled: false } } } });
    expect(summarize(findingsOf('LZ-SFN-002', stack))).toEqual([
      'aws_sfn_state_machine.a: has tracing_configuration.enabled unset or false',
      'aws_sfn_state_machine.b: has tracing_configuration.enabled unset or false',
    ]);
  });
});

describe('batch guardrails on what the batch modules synthesize', () => {
  it('finds nothing and notes nothing in environments, a queue, a job definition and a pipeline', () => {
    const synthesized = Testing.synthScope((scope) => {
      const instances = new BatchInstanceRole(scope, 'instances', { name: 'acme-batch' });
      const spot = new BatchComputeEnvironment(scope, 'spot', {
        name: 'acme-spot',
        capacity: 'spot',
        subnetIds: ['subnet-a'],
        securityGroupIds: ['sg-app'],
        instanceProfileArn: instances.instanceProfileArn,
      });
      new BatchJobQueue(scope, 'queue', { name: 'acme-nightly', computeEnvironmentArns: [spot.computeEnvironmentArn] });
      new BatchJobDefinition(scope, 'etl', { name: 'acme-etl', accountId: ACCOUNT, region: REGION, image: IMAGE });
      new BatchJobStateMachine(scope, 'pipeline', {
        name: 'acme-nightly',
        accountId: ACCOUNT,
        region: REGION,
        steps: [{ name: 'etl', jobName: 'etl', jobDefinitionArn: DEFINITION_ARN, jobQueueArn: QUEUE_ARN }],
      });
    });
    const document = documentFromCdktfJson(JSON.parse(synthesized), 'workloads');
    const evaluation = evaluateStack(document);
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.notes).toEqual([]);
    expect(document.resources.map((resource) => resource.type)).toEqual(
      expect.arrayContaining(['aws_batch_job_definition', 'aws_sfn_state_machine', 'aws_launch_template']),
    );
  });
});
