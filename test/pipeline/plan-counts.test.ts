import { countPlan, formatCounts } from '../../pipeline/plan-counts';
import { checkPlanJson } from '../../pipeline/plan-json';

let index = 0;
const change = (actions: string[], mode = 'managed') => ({ address: `aws_vpc.v${(index += 1)}`, mode, change: { actions } });

describe('plan counts', () => {
  it('counts like Terraform: a replacement is one add and one destroy; reads and no-ops do not count', () => {
    const counts = countPlan({
      format_version: '1.2',
      resource_changes: [
        change(['create']),
        change(['create']),
        change(['update']),
        change(['delete']),
        change(['delete', 'create']),
        change(['create', 'delete']),
        change(['no-op']),
        change(['read'], 'data'),
      ],
    });
    expect(counts).toEqual({ add: 4, change: 1, destroy: 3, replace: 2 });
    expect(formatCounts(counts)).toBe('+4 ~1 -3 (2 replaced)');
  });

  it('counts only what checkPlanJson accepts as a plan', () => {
    expect(() => countPlan(checkPlanJson({}, 'plan.json'))).toThrow('plan.json: is not a Terraform plan in JSON');
  });
});
