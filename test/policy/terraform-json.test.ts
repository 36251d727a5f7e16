import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { documentFromPlanJson, readTerraformJsonFile, referencesIn } from '../../policy/terraform-json';
import { cdktfStack, planJson, planStack } from './support';

describe('reading Terraform JSON', () => {
  it('reads the same resource from cdk.tf.json and from a plan into the same shape', () => {
    const fromCdktf = cdktfStack({
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_flow_log: { main: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL', lifecycle: { create_before_destroy: true } } },
    }).resources.find((resource) => resource.type === 'aws_flow_log')!;
    const fromPlan = planStack([
      { type: 'aws_flow_log', name: 'main', values: { traffic_type: 'ALL' }, references: { vpc_id: ['aws_vpc.main'] } },
    ]).resources[0];
    expect(fromCdktf).toMatchObject({ address: 'aws_flow_log.main', type: 'aws_flow_log', references: { vpc_id: ['aws_vpc.main'] } });
    expect(fromPlan).toMatchObject({ address: 'aws_flow_log.main', type: 'aws_flow_log', references: { vpc_id: ['aws_vpc.main'] } });
    expect(fromCdktf.values).toEqual({ vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL' });
  });

  it('finds references inside interpolations only, including data sources, never variables or locals', () => {
    expect(
      referencesIn([
        '${aws_vpc.main.id}',
        'prefix-${data.aws_iam_policy_document.trust.json}-${var.name}-${local.tags}',
        'aws_vpc.literal_text',
        { nested: '${aws_subnet.app-a_1234[0].id}' },
      ]),
    ).toEqual(['aws_vpc.main', 'data.aws_iam_policy_document.trust', 'aws_subnet.app-a_1234']);
  });

  it('reads resources of child modules from a plan, with module-qualified addresses and references', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          child_modules: [
            {
              address: 'module.network',
              resources: [
                { address: 'module.network.aws_vpc.main[0]', mode: 'managed', type: 'aws_vpc', name: 'main', values: {} },
                { address: 'module.network.aws_flow_log.main', mode: 'managed', type: 'aws_flow_log', name: 'main', values: {} },
                { address: 'module.network.data.aws_region.current', mode: 'data', type: 'aws_region', name: 'current', values: {} },
              ],
            },
          ],
        },
      },
      configuration: {
        root_module: {
          module_calls: {
            network: {
              module: {
                resources: [
                  {
                    address: 'aws_flow_log.main',
                    mode: 'managed',
                    expressions: { vpc_id: { references: ['aws_vpc.main[0].id', 'aws_vpc.main'] } },
                  },
                ],
              },
            },
          },
        },
      },
    };
    const document = documentFromPlanJson(plan, 'network');
    expect(document.resources.map((resource) => [resource.address, resource.configAddress])).toEqual([
      ['module.network.aws_vpc.main[0]', 'module.network.aws_vpc.main'],
      ['module.network.aws_flow_log.main', 'module.network.aws_flow_log.main'],
    ]);
    expect(document.resources[1].references.vpc_id).toEqual(['module.network.aws_vpc.main']);
  });

  describe('from files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-policy-json-'));
    const stackDir = path.join(dir, 'stacks', 'dev-spoke-a');
    fs.mkdirSync(stackDir, { recursive: true });
    const cdktf = {
      '//': { metadata: { stackName: 'dev-spoke-a' } },
      resource: { aws_organizations_account: { a: { name: 'a', lifecycle: { prevent_destroy: true } } } },
    };
    fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(cdktf));
    fs.writeFileSync(
      path.join(stackDir, 'plan.json'),
      JSON.stringify(planJson([{ type: 'aws_organizations_account', name: 'a', values: {} }])),
    );

    it('detects a cdk.tf.json and names the stack from its metadata', () => {
      const document = readTerraformJsonFile(path.join(stackDir, 'cdk.tf.json'));
      expect([document.source, document.stack, document.resources[0].lifecycle]).toEqual([
        'cdktf',
        'dev-spoke-a',
        { preventDestroy: true },
      ]);
    });

    it('detects a plan and takes lifecycle from the cdk.tf.json beside it', () => {
      const document = readTerraformJsonFile(path.join(stackDir, 'plan.json'));
      expect([document.source, document.stack, document.resources[0].lifecycle]).toEqual(['plan', 'dev-spoke-a', { preventDestroy: true }]);
    });

    it('leaves lifecycle unknown for a plan on its own', () => {
      const alone = path.join(dir, 'plan.json');
      fs.copyFileSync(path.join(stackDir, 'plan.json'), alone);
      expect(readTerraformJsonFile(alone).resources[0].lifecycle).toBeUndefined();
    });

    it('rejects JSON that is neither, saying what it expected', () => {
      const state = path.join(dir, 'state.json');
      fs.writeFileSync(state, JSON.stringify({ format_version: '1.0', values: { root_module: {} } }));
      expect(() => readTerraformJsonFile(state)).toThrow(/neither a stack's cdk.tf.json nor a plan/);
    });
  });
});
