import { documentFromCdktfJson, documentFromPlanJson } from '../../../policy/terraform-json';
import { findingsOf, summarize } from '../support';

const cdktfWithData = (data: Record<string, Record<string, object>>) =>
  documentFromCdktfJson({ '//': { metadata: { stackName: 'dev-workloads-orders' } }, resource: {}, data }, 'dev-workloads-orders');

/** A plan JSON lists data blocks in configuration; planned_values holds only the reads deferred to apply. */
const planWithData = (blocks: { type: string; name: string; module?: string }[]) => {
  const root = blocks
    .filter((block) => !block.module)
    .map(({ type, name }) => ({ address: `data.${type}.${name}`, mode: 'data', type, name }));
  const inModule = blocks.filter((block) => block.module);
  return documentFromPlanJson(
    {
      format_version: '1.2',
      planned_values: { root_module: {} },
      configuration: {
        root_module: {
          resources: root,
          module_calls: Object.fromEntries(
            inModule.map(({ module, type, name }) => [
              module,
              { module: { resources: [{ address: `data.${type}.${name}`, mode: 'data', type, name }] } },
            ]),
          ),
        },
      },
    },
    'dev-workloads-orders',
  );
};

describe('LZ-DATA-001: no data source calls AWS at plan time', () => {
  it('passes policy documents and remote state reads in a cdk.tf.json', () => {
    const stack = cdktfWithData({
      aws_iam_policy_document: { trust: { statement: [{ actions: ['sts:AssumeRole'] }] } },
      terraform_remote_state: { spoke: { backend: 'local', config: { path: 'spoke.tfstate' } } },
    });
    expect(findingsOf('LZ-DATA-001', stack)).toEqual([]);
  });

  it('passes a plan whose only data source is a remote state read', () => {
    expect(findingsOf('LZ-DATA-001', planWithData([{ type: 'terraform_remote_state', name: 'spoke' }]))).toEqual([]);
  });

  it('fails caller identity and availability zone lookups in a cdk.tf.json, addressed as data sources', () => {
    const stack = cdktfWithData({ aws_caller_identity: { current: {} }, aws_availability_zones: { available: { state: 'available' } } });
    expect(summarize(findingsOf('LZ-DATA-001', stack))).toEqual([
      'data.aws_caller_identity.current: reads aws_caller_identity when planning, which needs AWS credentials and network',
      'data.aws_availability_zones.available: reads aws_availability_zones when planning, which needs AWS credentials and network',
    ]);
  });

  it('fails a subnet lookup inside a module of a plan', () => {
    const plan = planWithData([
      { type: 'aws_iam_policy_document', name: 'trust' },
      { type: 'aws_subnets', name: 'app', module: 'service' },
    ]);
    expect(summarize(findingsOf('LZ-DATA-001', plan))).toEqual([
      'module.service.data.aws_subnets.app: reads aws_subnets when planning, which needs AWS credentials and network',
    ]);
  });

  it('leaves managed resources alone: data sources are not in the resource list other rules see', () => {
    const stack = cdktfWithData({ aws_caller_identity: { current: {} } });
    expect(stack.resources).toEqual([]);
    expect(stack.dataSources?.map((dataSource) => [dataSource.address, dataSource.mode])).toEqual([
      ['data.aws_caller_identity.current', 'data'],
    ]);
  });
});
