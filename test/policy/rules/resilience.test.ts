import { Testing } from 'cdktf';
import { FisExperiment } from '../../../modules/resilience/fis-experiment';
import { evaluateStack } from '../../../policy/engine';
import { documentFromCdktfJson } from '../../../policy/terraform-json';
import { ALARM, AZ_LOSS, STOP_TASKS } from '../../modules/resilience/fixtures';
import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const alarm = { source: 'aws:cloudwatch:alarm', value: ALARM };
const logs = { log_schema_version: 2, cloudwatch_logs_configuration: { log_group_arn: '${aws_cloudwatch_log_group.fis.arn}:*' } };

describe('LZ-FIS-001 (own rule): FIS experiments stop on an alarm', () => {
  it('passes an alarm stop condition, also one whose ARN is unknown until apply in a plan', () => {
    expect(findingsOf('LZ-FIS-001', cdktfStack({ aws_fis_experiment_template: { t: { stop_condition: [alarm] } } }))).toEqual([]);
    const plan = planStack([
      { type: 'aws_fis_experiment_template', name: 't', values: { stop_condition: [{ source: 'aws:cloudwatch:alarm' }] } },
    ]);
    expect(findingsOf('LZ-FIS-001', plan)).toEqual([]);
  });

  it('fails a template stopped by nothing (source none), and one with an alarm source but no alarm', () => {
    const stack = cdktfStack({
      aws_fis_experiment_template: {
        none: { stop_condition: [{ source: 'none' }] },
        empty: { stop_condition: [{ source: 'aws:cloudwatch:alarm', value: '' }] },
      },
    });
    expect(summarize(findingsOf('LZ-FIS-001', stack))).toEqual([
      'aws_fis_experiment_template.none: has stop conditions only of source none',
      'aws_fis_experiment_template.empty: has aws:cloudwatch:alarm stop conditions without an alarm ARN',
    ]);
  });
});

describe('LZ-FIS-002 (own rule): FIS experiments log', () => {
  it('passes a log group referenced in a cdk.tf.json, and an S3 bucket in a plan', () => {
    expect(findingsOf('LZ-FIS-002', cdktfStack({ aws_fis_experiment_template: { t: { log_configuration: logs } } }))).toEqual([]);
    const plan = planStack([
      {
        type: 'aws_fis_experiment_template',
        name: 't',
        values: { log_configuration: [{ log_schema_version: 2, s3_configuration: [{ bucket_name: 'acme-fis-logs' }] }] },
      },
    ]);
    expect(findingsOf('LZ-FIS-002', plan)).toEqual([]);
  });

  it('fails a template without logging, and one whose logging has no destination', () => {
    const stack = cdktfStack({
      aws_fis_experiment_template: { silent: { stop_condition: [alarm] }, nowhere: { log_configuration: { log_schema_version: 2 } } },
    });
    expect(summarize(findingsOf('LZ-FIS-002', stack))).toEqual([
      'aws_fis_experiment_template.silent: has no log_configuration',
      'aws_fis_experiment_template.nowhere: has a log_configuration with no CloudWatch log group and no S3 bucket',
    ]);
  });
});

describe('FIS guardrails on what FisExperiment synthesizes', () => {
  it('finds nothing and notes nothing in an AZ loss and an ECS stop-task', () => {
    const synthesized = Testing.synthScope((scope) => {
      new FisExperiment(scope, 'az-loss', AZ_LOSS);
      new FisExperiment(scope, 'stop-tasks', STOP_TASKS);
    });
    const evaluation = evaluateStack(documentFromCdktfJson(JSON.parse(synthesized), 'workloads'));
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.notes).toEqual([]);
  });
});
