import { evaluateStack } from '../../../policy/engine';
import { ALL_RULES } from '../../../policy/rules';
import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const account = { name: 'payments-dev', email: 'aws+payments-dev@example.com', parent_id: 'ou-ab12-cdef3456' };

describe('LZ-ORG-001 (own rule): member accounts cannot be closed by Terraform', () => {
  it('passes an account with close_on_deletion false and prevent_destroy', () => {
    const stack = cdktfStack({
      aws_organizations_account: { payments: { ...account, close_on_deletion: false, lifecycle: { prevent_destroy: true } } },
    });
    expect(findingsOf('LZ-ORG-001', stack)).toEqual([]);
  });

  it('fails an account that Terraform would close on destroy', () => {
    const stack = cdktfStack({
      aws_organizations_account: { payments: { ...account, close_on_deletion: true, lifecycle: { prevent_destroy: true } } },
    });
    expect(summarize(findingsOf('LZ-ORG-001', stack))).toEqual(['aws_organizations_account.payments: has close_on_deletion = true']);
  });

  it('fails an account without prevent_destroy', () => {
    const stack = cdktfStack({ aws_organizations_account: { payments: { ...account, close_on_deletion: false } } });
    expect(findingsOf('LZ-ORG-001', stack).map((finding) => [finding.detail, finding.checkov])).toEqual([
      ['has no lifecycle prevent_destroy', undefined],
    ]);
  });

  it('checks close_on_deletion in a plan, and notes that plans do not record prevent_destroy', () => {
    const stack = planStack([{ type: 'aws_organizations_account', name: 'payments', values: { ...account, close_on_deletion: true } }]);
    const rule = ALL_RULES.filter((candidate) => candidate.id === 'LZ-ORG-001');
    const evaluation = evaluateStack(stack, rule);
    expect(summarize(evaluation.findings)).toEqual(['aws_organizations_account.payments: has close_on_deletion = true']);
    expect(evaluation.notes.map((note) => note.message)).toEqual([expect.stringContaining('prevent_destroy is not recorded in plan JSON')]);
  });
});
