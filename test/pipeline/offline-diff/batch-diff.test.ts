import { combineStates, type StateJson } from '../../../pipeline/offline-diff/batch-diff';

const state = (serial: number, resourceName: string, output: string): StateJson => ({
  version: 4,
  terraform_version: '1.11.4',
  serial,
  lineage: 'test',
  outputs: { [output]: { value: 'vpc-1', type: 'string' } },
  resources: [
    {
      mode: 'managed',
      type: 'aws_vpc',
      name: resourceName,
      provider: 'provider["registry.terraform.io/hashicorp/aws"].network',
      instances: [{ attributes: { id: 'vpc-1' } }],
    },
  ],
  check_results: null,
});

describe('one state for a batch of stacks', () => {
  const combined = combineStates(
    [
      { name: 'dev-spoke-a', dir: '/a' },
      { name: 'dev-spoke-b', dir: '/b' },
      { name: 'new-stack', dir: '/c' },
    ],
    new Map([
      ['dev-spoke-a', state(3, 'main', 'vpc_id')],
      ['dev-spoke-b', state(5, 'main', 'vpc_id')],
    ]),
  );

  it("puts each stack's resources, and their provider configurations, under its module", () => {
    expect(combined.resources.map((resource) => [resource.module, resource.name, resource.provider])).toEqual([
      ['module.dev-spoke-a', 'main', 'module.dev-spoke-a.provider["registry.terraform.io/hashicorp/aws"].network'],
      ['module.dev-spoke-b', 'main', 'module.dev-spoke-b.provider["registry.terraform.io/hashicorp/aws"].network'],
    ]);
  });

  it('names outputs as the batch root re-exports them, and keeps the highest serial', () => {
    expect(Object.keys(combined.outputs)).toEqual(['dev-spoke-a__vpc_id', 'dev-spoke-b__vpc_id']);
    expect(combined.serial).toBe(5);
  });
});
