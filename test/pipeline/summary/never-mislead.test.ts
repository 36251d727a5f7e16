import { countPlan, formatCounts } from '../../../pipeline/plan-counts';
import { checkPlanJson } from '../../../pipeline/plan-json';
import { renderSummary, summaryJson } from '../../../pipeline/summary';
import { created, input, plan, resource, unchanged, updated } from './fixtures';

/* Plans Terraform writes that a naive summary would misread: errored, with imports, forgets, deferred changes. */

describe('plan summary that never misleads', () => {
  describe('with a plan Terraform marked errored and incomplete', () => {
    const errored = input('dev-spoke-orders-dev', plan([unchanged('aws_vpc.vpc')], { errored: true, complete: false }));
    const fine = input('org', plan([unchanged('aws_organizations_account.orders')]));

    it('flags it as failed and incomplete in the headline and its table row, never as "No changes"', () => {
      const text = renderSummary([errored, fine]);
      expect(text.split('\n')[0]).toBe('## Terraform plan: 0 to add, 0 to change, 0 to destroy — ❌ FAILED, INCOMPLETE');
      expect(text).toContain('❌ `dev-spoke-orders-dev`: Terraform marked this plan as errored');
      expect(text).toContain('| `dev-spoke-orders-dev` ❌ failed, incomplete | 0 | 0 | 0 | 0 | 1 |');
      expect(text).not.toMatch(/No changes: `dev-spoke-orders-dev`/);
      expect(text).toContain('No changes: `org` (1).');
    });

    it('says so in --json', () => {
      const json = summaryJson([errored, fine]);
      expect(json.incomplete).toEqual([{ stack: 'dev-spoke-orders-dev', errored: true }]);
      expect(json.totals.incomplete).toBe(1);
      expect(json.stacks.find((stack) => stack.stack === 'dev-spoke-orders-dev')).toMatchObject({ errored: true, incomplete: true });
    });

    it('shows a complete plan without any failure mark', () => {
      const text = renderSummary([fine]);
      expect(text).not.toContain('FAILED');
      expect(text).not.toContain('incomplete');
    });
  });

  describe('with imports and forgets', () => {
    const imported = resource(
      'aws_vpc.adopted',
      ['no-op'],
      { before: { id: 'vpc-1' }, after: { id: 'vpc-1' }, importing: { id: 'vpc-1' } },
      {},
    );
    const importedAndUpdated = updated('aws_subnet.adopted', { tags: {} }, { tags: { Name: 'a' } }, { importing: { id: 'subnet-1' } });
    const forgotten = resource('aws_s3_bucket.kept', ['forget'], { before: { id: 'logs' }, after: null });
    const planJson = plan([imported, importedAndUpdated, forgotten, created('aws_subnet.new')]);

    it('counts them as Terraform does', () => {
      const counts = countPlan(checkPlanJson(planJson, 'plan.json'));
      expect(counts).toEqual({ add: 1, change: 1, destroy: 0, replace: 0, import: 2, forget: 1 });
      expect(formatCounts(counts)).toBe('+1 ~1 -0 ←2 imported .1 forgotten');
    });

    it('puts them in the headline in the words of Terraform\'s "Plan:" line and in the stack table', () => {
      const text = renderSummary([input('dev-network-hub', planJson)]);
      expect(text.split('\n')[0]).toBe('## Terraform plan: 2 to import, 1 to add, 1 to change, 0 to destroy, 1 to forget');
      expect(text).toContain('| stack | import | forget | add | change | destroy | replace | unchanged |');
      expect(text).toContain('| `dev-network-hub` | 2 | 1 | 1 | 1 | 0 | 0 | 1 |');
    });

    it('leaves the import and forget columns out when no stack has them', () => {
      const text = renderSummary([input('dev-network-hub', plan([created('aws_subnet.new')]))]);
      expect(text).toContain('| stack | add | change | destroy | replace | unchanged |');
    });
  });

  describe('with deferred changes', () => {
    const deferred = {
      reason: 'resource_config_unknown',
      resource_change: resource('aws_subnet.later["a"]', ['create'], { after: { cidr_block: null } }),
    };
    const planJson = plan([unchanged('aws_vpc.vpc')], { deferred_changes: [deferred], complete: false });

    it("lists each one with its action and Terraform's reason instead of dropping it", () => {
      const text = renderSummary([input('dev-spoke-orders-dev', planJson)]);
      expect(text).toContain('⏸ 1 change deferred by Terraform to a later plan');
      expect(text).toContain('- ⏸ **deferred** `aws_subnet.later["a"]` (create) — `resource_config_unknown`');
      expect(text).toContain('⚠ `dev-spoke-orders-dev`: Terraform marked this plan as incomplete');
      expect(summaryJson([input('dev-spoke-orders-dev', planJson)]).stacks[0].deferred).toEqual([
        { address: 'aws_subnet.later["a"]', action: 'create', reason: 'resource_config_unknown' },
      ]);
    });

    it('rejects deferred_changes that is not a list, naming the file', () => {
      expect(() => checkPlanJson(plan([], { deferred_changes: {} }), 'p.json')).toThrow(
        /^p\.json: is not a Terraform plan in JSON .*: deferred_changes is not a list$/,
      );
    });
  });

  describe('with output keys known only after apply', () => {
    it('shows keys that exist only in after_unknown as known after apply', () => {
      const planJson = plan([], {
        output_changes: {
          endpoint: { actions: ['update'], before: { host: 'a' }, after: { host: 'a' }, after_unknown: { arn: true } },
          id: { actions: ['create'], before: null, after: null, after_unknown: true },
        },
      });
      const text = renderSummary([input('dev-network-hub', planJson)]);
      expect(text).toContain('  - `endpoint.arn` = `(known after apply)`');
      expect(text).toContain('  - `id`: `null` → `(known after apply)`');
      expect(text).not.toContain('endpoint.host');
    });
  });
});
