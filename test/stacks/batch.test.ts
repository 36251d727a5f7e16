import { landingZoneFromTexts } from '../../model/load';
import { checkSynthesizedStacks } from '../../policy/synthesized';
import { PROD_BATCH, sampleTextsWithWorkloads } from '../model/workloads/batch-support';
import { edit } from '../support/config';
import { synthesize, type StackJson } from '../support/synth';

const BATCH_STACKS = ['dev-workloads-payments-dev', 'prod-workloads-analytics-prod', 'staging-workloads-payments-staging'];
const model = landingZoneFromTexts(sampleTextsWithWorkloads());
const sample = synthesize(model);

function only(stack: StackJson, type: string): Record<string, any> {
  const resources = Object.values<Record<string, any>>(stack.resource?.[type] ?? {});
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return resources[0]!;
}

function byConstructPath(stack: StackJson, type: string): Record<string, any> {
  return Object.fromEntries(
    Object.entries<Record<string, any>>(stack.resource?.[type] ?? {}).map(([name, resource]) => [
      name.replace(/_[0-9A-F]{8}$/, ''),
      resource,
    ]),
  );
}

describe('batch in the workload stacks of the sample organization', () => {
  it('places batch in one account of each environment, each stack under 150 resources', () => {
    for (const name of BATCH_STACKS) {
      const stack = sample.stacks[name]!;
      const count = Object.values<Record<string, unknown>>(stack.resource).reduce((total, byName) => total + Object.keys(byName).length, 0);
      expect({ name, queues: Object.keys(stack.resource.aws_batch_job_queue ?? {}).length, underBudget: count <= 150 }).toEqual({
        name,
        queues: 1,
        underBudget: true,
      });
    }
  });

  it('puts Spot before On-Demand in the synthesized prod queue', () => {
    const stack = sample.stacks['prod-workloads-analytics-prod']!;
    const environments = byConstructPath(stack, 'aws_batch_compute_environment');
    const reference = (path: string) =>
      `\${aws_batch_compute_environment.${Object.keys(stack.resource.aws_batch_compute_environment).find((name) => name.startsWith(`${path}_`))}.arn}`;
    expect(only(stack, 'aws_batch_job_queue').compute_environment_order).toEqual([
      { order: 1, compute_environment: reference('batch-environment-spot_compute-environment') },
      { order: 2, compute_environment: reference('batch-environment-on-demand_compute-environment') },
    ]);
    expect(environments['batch-environment-spot_compute-environment']!.compute_resources.type).toBe('SPOT');
    expect(environments['batch-environment-on-demand_compute-environment']!.compute_resources.type).toBe('EC2');
  });

  it('ends every synthesized retry strategy with a catch-all EXIT', () => {
    const strategies = BATCH_STACKS.flatMap((name) =>
      Object.values<Record<string, any>>(sample.stacks[name]!.resource.aws_batch_job_definition).map(
        (definition) => definition.retry_strategy,
      ),
    );
    expect(strategies).toHaveLength(6);
    for (const strategy of strategies) expect(strategy.evaluate_on_exit.at(-1)).toEqual({ action: 'EXIT', on_reason: '*' });
  });

  it('passes the policy pack with no finding and no note', () => {
    const report = checkSynthesizedStacks(sample.output, model);
    expect(report.findings.filter((finding) => BATCH_STACKS.includes(finding.stack))).toEqual([]);
    expect(report.notes.filter((note) => BATCH_STACKS.includes(note.stack))).toEqual([]);
  });

  it('lets the pipeline submit to the queue and job definition resources, and its role only to their named ARNs', () => {
    const stack = sample.stacks['staging-workloads-payments-staging']!;
    const definition = JSON.parse(only(stack, 'aws_sfn_state_machine').definition);
    expect(definition.States.extract.Parameters.JobQueue).toMatch(
      /^\$\{aws_batch_job_queue\.batch-queue-nightly_job-queue_[0-9A-F]{8}\.arn\}$/,
    );
    expect(definition.States.extract.Parameters.JobDefinition).toMatch(
      /^\$\{aws_batch_job_definition\.batch-job-extract_job-definition_[0-9A-F]{8}\.arn_prefix\}$/,
    );
    const policies = Object.values<Record<string, any>>(stack.resource.aws_iam_role_policy).map((policy) => JSON.parse(policy.policy));
    const submit = policies.flatMap((policy) => policy.Statement).find((statement: any) => statement.Sid === 'SubmitPipelineJobs');
    expect(submit.Resource).toContain('arn:aws:batch:eu-central-1:520000000001:job-queue/acme-staging-payments-staging-nightly');
  });

  it('publishes the queue and state machine ARNs', () => {
    const outputs = sample.stacks['prod-workloads-analytics-prod']!.output;
    expect(Object.keys(outputs.batch_job_queue_arns.value)).toEqual(['nightly']);
    expect(Object.keys(outputs.batch_state_machine_arns.value)).toEqual(['nightly']);
  });
});

describe('a blue/green swap of compute environments', () => {
  const addGreen = edit(sampleTextsWithWorkloads(), PROD_BATCH, (doc) => {
    doc.setIn(['batch', 'computeEnvironments', 'spot-green'], { capacity: 'spot', maxVcpus: 256, instanceTypes: ['c7i', 'm7i', 'r7i'] });
    doc.setIn(['batch', 'queues', 'nightly', 'computeEnvironments'], ['spot', 'spot-green', 'on-demand']);
  });
  const swap = edit(addGreen, PROD_BATCH, (doc) =>
    doc.setIn(['batch', 'queues', 'nightly', 'computeEnvironments'], ['spot-green', 'spot', 'on-demand']),
  );
  const before = synthesize(landingZoneFromTexts(addGreen));
  const after = synthesize(landingZoneFromTexts(swap));

  it('changes only the queue order, in no other resource or stack', () => {
    for (const name of Object.keys(before.stacks)) {
      const { resource: beforeResources, ...beforeRest } = before.stacks[name]!;
      const { resource: afterResources, ...afterRest } = after.stacks[name]!;
      expect(afterRest).toEqual(beforeRest);
      const changed = Object.keys(beforeResources ?? {}).flatMap((type) =>
        Object.keys(beforeResources[type])
          .filter((id) => JSON.stringify(beforeResources[type][id]) !== JSON.stringify(afterResources[type]?.[id]))
          .map((id) => `${type}.${id}`),
      );
      expect({ name, changed: changed.map((address) => address.replace(/_[0-9A-F]{8}$/, '')) }).toEqual({
        name,
        changed: name === 'prod-workloads-analytics-prod' ? ['aws_batch_job_queue.batch-queue-nightly_job-queue'] : [],
      });
    }
    const order = (stack: StackJson) =>
      only(stack, 'aws_batch_job_queue').compute_environment_order.map((entry: any) => entry.compute_environment);
    const [beforeOrder, afterOrder] = [
      order(before.stacks['prod-workloads-analytics-prod']!),
      order(after.stacks['prod-workloads-analytics-prod']!),
    ];
    expect(afterOrder).toEqual([beforeOrder[1], beforeOrder[0], beforeOrder[2]]);
  });
});
