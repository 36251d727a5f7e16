import { GITHUB_COMMENT_LIMIT, renderSummary } from '../../../pipeline/summary';
import { created, deleted, input, plan, replaced, updated } from './fixtures';

function bigStack(stack: string, counts: { create: number; update: number; replace: number; delete: number }) {
  const range = (count: number) => Array.from({ length: count }, (_, index) => index);
  return input(
    stack,
    plan([
      ...range(counts.create).map((i) =>
        created(`aws_subnet.subnet_${i}`, { cidr_block: `10.${i % 256}.0.0/24`, tags: { Name: `${stack}-subnet-${i}`, Tier: 'app' } }),
      ),
      ...range(counts.update).map((i) => updated(`aws_route_table.rt_${i}`, { tags: { Owner: 'a' } }, { tags: { Owner: 'b' } })),
      ...range(counts.replace).map((i) => replaced(`aws_instance.replaced_${i}`, ['delete', 'create'], '10.0.0.0/24', '10.0.1.0/24')),
      ...range(counts.delete).map((i) => deleted(`aws_route.deleted_${i}`, 'delete_because_no_resource_config')),
    ]),
  );
}

describe('plan summary length', () => {
  describe('with thousands of changes in several stacks', () => {
    const stacks = ['dev-network-hub', 'dev-spoke-orders-dev', 'prod-network-hub', 'prod-spoke-orders-prod'];
    const plans = stacks.map((stack) => bigStack(stack, { create: 1500, update: 600, replace: 100, delete: 50 }));
    const text = renderSummary(plans);

    it('stays under GitHub’s 65,536-character comment limit', () => {
      expect(text.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    });

    it('keeps the exact totals and every table row', () => {
      expect(text.split('\n')[0]).toBe('## Terraform plan: 6400 to add, 2400 to change, 600 to destroy (400 replacements)');
      for (const stack of stacks) expect(text).toContain(`| \`${stack}\` | 1600 | 600 | ⚠ 150 | ⚠ 100 | 0 |`);
    });

    it('keeps every destroyed and replaced address, in a shortened form', () => {
      const destroyList = text.slice(text.indexOf('### ⚠ Destroys and replacements'), text.indexOf('### dev'));
      for (let i = 0; i < 100; i += 1) expect(destroyList).toContain(`\`aws_instance.replaced_${i}\``);
      for (let i = 0; i < 50; i += 1) expect(destroyList).toContain(`\`aws_route.deleted_${i}\``);
      expect(destroyList).toContain('- ⚠ destroy `aws_route.deleted_49` in `prod-spoke-orders-prod`\n');
    });

    it('truncates the details of every stack with a note saying how many changes are not shown', () => {
      for (const stack of stacks) expect(text).toContain(`<code>${stack}</code>`);
      expect(text).toMatch(
        /_… \d+ more changes not shown, to keep the comment under GitHub's 65,536 characters: see `cdktf.out\/stacks\/dev-network-hub\/plan.json`._/,
      );
      expect(text.match(/<details>/g)!.length).toBe(text.match(/<\/details>/g)!.length);
    });
  });

  describe('with more destroys than one comment can name', () => {
    const text = renderSummary([bigStack('prod-network-hub', { create: 10, update: 0, replace: 0, delete: 8000 })], {
      extraSections: ['### Policy waivers\n\nnone'],
    });

    it('still stays under the limit with the totals and extra sections intact', () => {
      expect(text.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
      expect(text.split('\n')[0]).toBe('## Terraform plan: 10 to add, 0 to change, 8000 to destroy');
      expect(text).toContain('| `prod-network-hub` | 10 | 0 | ⚠ 8000 | 0 | 0 |');
      expect(text).toContain('### Policy waivers\n\nnone');
    });

    it('names as many addresses as fit and counts the rest', () => {
      const destroyList = text.slice(text.indexOf('### ⚠ Destroys and replacements'), text.indexOf('### prod'));
      const shown = destroyList.match(/`aws_route\.deleted_\d+`/g)!.length;
      expect(shown).toBeGreaterThan(2000);
      expect(text).toContain(`- … and ${8000 - shown} more addresses too many for one comment`);
    });
  });

  describe('with a smaller limit', () => {
    it('honours maxLength', () => {
      const text = renderSummary([bigStack('dev-network-hub', { create: 300, update: 0, replace: 3, delete: 0 })], { maxLength: 5_000 });
      expect(text.length).toBeLessThanOrEqual(5_000);
      expect(text).toContain('`aws_instance.replaced_2`');
    });
  });
});
