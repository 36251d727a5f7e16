import { defineContract, output, placeholderAccountId } from './contract';

/** The `org` stack: ids of the accounts it vends. */
export const orgContract = defineContract('org', {
  accountIds: output.map('account_ids', 'Member account ids by account name', (_source, account) => placeholderAccountId(account)),
});
