import { renderSummary, summaryJson } from '../../../pipeline/summary';
import { created, deleted, input, plan, replaced, resource, unchanged, updated } from './fixtures';

const hub = input(
  'dev-network-hub',
  plan([
    created('aws_ec2_transit_gateway.tgw'),
    updated('aws_vpc.shared', { enable_dns_hostnames: false, tags: { Name: 'a' } }, { enable_dns_hostnames: true, tags: { Name: 'b' } }),
    replaced('aws_subnet.app_a', ['delete', 'create'], '10.0.0.0/24', '10.0.1.0/24'),
    replaced('aws_subnet.app_b', ['create', 'delete'], '10.0.2.0/24', '10.0.3.0/24'),
    deleted('aws_route.old', 'delete_because_no_resource_config'),
    unchanged('aws_ram_resource_share.tgw'),
    resource('data.aws_iam_policy_document.x', ['read'], {}, { mode: 'data' }),
  ]),
);
const quietSpoke = input('dev-spoke-orders-dev', plan([unchanged('aws_vpc.vpc'), unchanged('aws_subnet.a'), unchanged('aws_subnet.b')]));
const org = input('org', plan([created('aws_organizations_account.inventory', { name: 'inventory', email: 'a@b.c' })]));

describe('plan summary', () => {
  const markdown = renderSummary([hub, quietSpoke, org]);

  describe('with creates, an update, both kinds of replacement, a delete and no-ops', () => {
    it('puts the exact totals in the headline, counting a replacement as one add and one destroy', () => {
      expect(markdown.split('\n')[0]).toBe('## Terraform plan: 4 to add, 1 to change, 3 to destroy (2 replacements)');
      expect(markdown).toContain('3 stacks planned, 2 with changes, 4 resources unchanged.');
    });

    it('has one table row per stack with add, change, destroy, replace and unchanged counts', () => {
      expect(markdown).toContain('| `dev-network-hub` | 3 | 1 | ⚠ 3 | ⚠ 2 | 1 |');
      expect(markdown).toContain('| `org` | 1 | 0 | 0 | 0 | 0 |');
    });

    it('groups stacks by environment: org under global, hub and spokes under their environment', () => {
      expect(markdown.indexOf('### global (organization-wide)')).toBeLessThan(markdown.indexOf('### dev'));
      expect(markdown.indexOf('### dev')).toBeLessThan(markdown.indexOf('| `dev-network-hub`'));
    });

    it('collapses a stack without changes into one line and gives it no details', () => {
      expect(markdown).toContain('No changes: `dev-spoke-orders-dev` (3).');
      expect(markdown).not.toContain('<code>dev-spoke-orders-dev</code>');
    });
  });

  describe('with replacements and a delete', () => {
    const destroySection = markdown.slice(markdown.indexOf('### ⚠ Destroys and replacements'), markdown.indexOf('### global'));

    it('lists them before the tables and the details', () => {
      expect(markdown.indexOf('### ⚠ Destroys and replacements')).toBeGreaterThan(0);
      expect(markdown.indexOf('### ⚠ Destroys and replacements')).toBeLessThan(markdown.indexOf('### global'));
      expect(markdown.indexOf('### global')).toBeLessThan(markdown.indexOf('### Changes per stack'));
    });

    it('flags each one with ⚠, its order and the attribute that forces the replacement', () => {
      expect(destroySection).toContain(
        '- ⚠ **replace** (destroy, then create) `aws_subnet.app_a` in `dev-network-hub` — forced by `cidr_block`',
      );
      expect(destroySection).toContain(
        '- ⚠ **replace** (create, then destroy) `aws_subnet.app_b` in `dev-network-hub` — forced by `cidr_block`',
      );
      expect(destroySection).toContain('- ⚠ **destroy** `aws_route.old` in `dev-network-hub` — removed from the configuration');
    });

    it('leaves creates, updates and no-ops out of the destroy list', () => {
      expect(destroySection).not.toContain('aws_vpc.shared');
      expect(destroySection).not.toContain('aws_ec2_transit_gateway.tgw');
      expect(destroySection).not.toContain('aws_ram_resource_share.tgw');
    });

    it('shows the forcing attribute before → after in the stack details', () => {
      expect(markdown).toContain('- `-/+` **replace** (destroy, then create) `aws_subnet.app_a`');
      expect(markdown).toContain('- `+/-` **replace** (create, then destroy) `aws_subnet.app_b`');
      expect(markdown).toContain('  - `cidr_block`: `"10.0.0.0/24"` → `"10.0.1.0/24"` ⚠ forces replacement');
      expect(markdown).toContain('  - `id`: `"subnet-1"` → `(known after apply)`');
    });
  });

  describe('with an update', () => {
    it('lists only the changed attributes, nested paths included', () => {
      const details = markdown.slice(markdown.indexOf('`aws_vpc.shared`'));
      expect(details).toContain('  - `enable_dns_hostnames`: `false` → `true`');
      expect(details).toContain('  - `tags.Name`: `"a"` → `"b"`');
    });

    it('puts each changed stack in a collapsed <details> block', () => {
      expect(markdown).toContain('<details><summary><code>dev-network-hub</code> +3 ~1 -3 (2 replaced), 1 unchanged</summary>\n\n- ');
    });
  });

  describe('with drift', () => {
    const drifted = input(
      'prod-spoke-payments-prod',
      plan([unchanged('aws_vpc.vpc')], {
        resource_drift: [
          updated('aws_security_group.default', { ingress: [] }, { ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }] }),
          deleted('aws_route.manual'),
        ],
      }),
    );
    const text = renderSummary([drifted]);

    it('reports it in its own section, not as planned changes or destroys', () => {
      expect(text).toContain('⚠ 2 resources changed outside Terraform (drift): see below.');
      expect(text).toContain('### Changed outside Terraform (drift)');
      expect(text).toContain('- `~` **changed** `aws_security_group.default`');
      expect(text).toContain('- `-` **deleted** `aws_route.manual`');
      expect(text).not.toContain('Destroys and replacements');
      expect(text).toContain('No changes: `prod-spoke-payments-prod` (1).');
    });
  });

  describe('with sensitive values', () => {
    const secretPlan = input(
      'org',
      plan(
        [
          updated(
            'aws_iam_access_key.ci',
            { secret: 'old-secret-value', user: 'ci', nested: { token: 'old-token', keep: 'a' } },
            { secret: 'new-secret-value', user: 'ci', nested: { token: 'new-token', keep: 'b' } },
            { before_sensitive: { secret: true, nested: { token: true } }, after_sensitive: { secret: true, nested: { token: true } } },
          ),
          created('aws_secretsmanager_secret_version.db', { secret_string: 'hunter2-created' }, {}),
        ],
        {
          output_changes: {
            password: { actions: ['update'], before: 'pw-before', after: 'pw-after', before_sensitive: true, after_sensitive: true },
          },
        },
      ),
    );
    (secretPlan.plan.resource_changes as any)[1].change.after_sensitive = { secret_string: true };

    it('masks them in Markdown and JSON, but still says they change', () => {
      const text = renderSummary([secretPlan]);
      const json = JSON.stringify(summaryJson([secretPlan]));
      for (const secret of ['old-secret-value', 'new-secret-value', 'old-token', 'new-token', 'hunter2-created', 'pw-before', 'pw-after']) {
        expect(text).not.toContain(secret);
        expect(json).not.toContain(secret);
      }
      expect(text).toContain('  - `secret`: `(sensitive)` → `(sensitive)`');
      expect(text).toContain('  - `nested.token`: `(sensitive)` → `(sensitive)`');
      expect(text).toContain('  - `nested.keep`: `"a"` → `"b"`');
      expect(text).toContain('  - `secret_string` = `(sensitive)`');
      expect(text).toContain('  - `password`: `(sensitive)` → `(sensitive)`');
    });
  });

  describe('with changes decided only at apply time', () => {
    it('shows "(known after apply)" for after_unknown values, also inside lists', () => {
      const text = renderSummary([
        input(
          'dev-network-hub',
          plan([
            updated(
              'aws_route_table.app',
              { route: [{ cidr: '10.0.0.0/8', gateway: 'tgw-1' }] },
              { route: [{ cidr: '10.0.0.0/8', gateway: null }] },
              { after_unknown: { route: [{ gateway: true }] } },
            ),
          ]),
        ),
      ]);
      expect(text).toContain('  - `route[0].gateway`: `"tgw-1"` → `(known after apply)`');
    });
  });

  describe('with moves, imports and extra sections', () => {
    it('shows a moved resource without changes, and appends the extra sections after the details', () => {
      const text = renderSummary(
        [input('dev-network-hub', plan([resource('aws_vpc.new', ['no-op'], {}, { previous_address: 'aws_vpc.old' })]))],
        { extraSections: ['### Policy waivers\n\n- LZ-NET-001 waived'] },
      );
      expect(text).toContain('- `→` **move** `aws_vpc.new` — moved from `aws_vpc.old`');
      expect(text.indexOf('### Changes per stack')).toBeLessThan(text.indexOf('### Policy waivers'));
    });
  });

  describe('planned with --changed-since', () => {
    it('lists skipped and removed stacks per environment and says which ref', () => {
      const text = renderSummary([hub], {
        changedSince: 'origin/main',
        skipped: ['dev-spoke-orders-dev', 'org'],
        removed: ['dev-spoke-legacy-dev'],
      });
      expect(text).toContain(
        'Only stacks whose synthesized Terraform changed since `origin/main` were planned; 2 unchanged stacks skipped.',
      );
      expect(text).toContain('Not planned, unchanged since `origin/main`: `dev-spoke-orders-dev`.');
      expect(text).toContain('Removed since `origin/main`: `dev-spoke-legacy-dev`');
      expect(text).toMatch(/### global \(organization-wide\)\n\nNot planned, unchanged since `origin\/main`: `org`\./);
    });
  });

  describe('as JSON', () => {
    it('carries the same totals and every destroy with its forcing attributes', () => {
      const json = summaryJson([hub, quietSpoke, org]);
      expect(json.totals).toEqual({
        add: 4,
        change: 1,
        destroy: 3,
        replace: 2,
        import: 0,
        forget: 0,
        unchanged: 4,
        drifted: 0,
        deferred: 0,
        incomplete: 0,
      });
      expect(json.destroys.map((destroy) => [destroy.address, destroy.action, destroy.replaceOrder])).toEqual([
        ['aws_subnet.app_a', 'replace', 'delete-before-create'],
        ['aws_subnet.app_b', 'replace', 'create-before-destroy'],
        ['aws_route.old', 'delete', undefined],
      ]);
      expect(json.destroys[0].forcedBy).toEqual(['cidr_block']);
    });
  });
});
