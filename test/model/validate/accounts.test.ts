import { sampleModel } from '../../support/config';
import { at, baseTexts, change, DEV, ORG, PROD, ruleProblems, twoEnvironments } from './fixtures';

const base = baseTexts();

describe('account rules', () => {
  it('loads the base fixture without problems', () => {
    expect(sampleModel(base).accounts.map((account) => account.name)).toEqual(
      expect.arrayContaining(['network', 'payments-dev', 'orders-dev']),
    );
    expect(sampleModel(twoEnvironments()).environments.map((environment) => environment.name)).toEqual(['dev', 'prod']);
  });

  describe('accounts/unique-name', () => {
    it('passes accounts with different names', () => {
      expect(ruleProblems('accounts/unique-name', base)).toEqual([]);
    });

    it('fails an environment account named like an organization-wide one, naming the other file', () => {
      const texts = change(base, DEV, 'orders-dev:', 'security:');
      expect(ruleProblems('accounts/unique-name', texts)).toEqual([
        `${at(texts, DEV, 'security:')}: accounts.security is also defined in environments/org.yaml accounts.security — account names must be unique in the organization; rename or remove one of them`,
      ]);
    });
  });

  describe('accounts/unique-email', () => {
    it('passes different emails', () => {
      expect(ruleProblems('accounts/unique-email', base)).toEqual([]);
    });

    it('fails an email used twice, compared case-insensitively', () => {
      const texts = change(base, DEV, 'email: orders-dev@acme.example', 'email: Payments-Dev@acme.example');
      expect(ruleProblems('accounts/unique-email', texts)).toEqual([
        `${at(texts, DEV, 'email: Payments-Dev')}: accounts.orders-dev.email Payments-Dev@acme.example is already the email of accounts.payments-dev — every AWS account needs its own root email address`,
      ]);
    });
  });

  describe('accounts/unique-id', () => {
    it('passes accounts with different or no ids', () => {
      expect(ruleProblems('accounts/unique-id', base)).toEqual([]);
    });

    it('fails an id used twice across files', () => {
      const texts = change(base, DEV, 'id: "510000000001"', 'id: "222222222222"');
      expect(ruleProblems('accounts/unique-id', texts)).toEqual([
        `${at(texts, DEV, 'id: "222222222222"')}: accounts.payments-dev.id 222222222222 is already the id of environments/org.yaml accounts.network — check the account id in AWS Organizations`,
      ]);
    });
  });

  describe('accounts/ou-exists', () => {
    it('passes accounts whose OU exists', () => {
      expect(ruleProblems('accounts/ou-exists', base)).toEqual([]);
    });

    it('fails an unknown OU and suggests the nearest', () => {
      const texts = change(base, DEV, 'ou: Workloads', 'ou: Wrkloads');
      expect(ruleProblems('accounts/ou-exists', texts)).toEqual([
        `${at(texts, DEV, 'ou: Wrkloads')}: accounts.payments-dev.ou "Wrkloads" is not an organizational unit of environments/org.yaml — use one of: Infrastructure, Prod, Workloads (did you mean Workloads?)`,
      ]);
    });
  });

  describe('accounts/not-management-account', () => {
    it('passes member accounts with their own ids', () => {
      expect(ruleProblems('accounts/not-management-account', base)).toEqual([]);
    });

    it("fails a member account with the management account's id", () => {
      const texts = change(base, DEV, 'id: "510000000001"', 'id: "111111111111"');
      expect(ruleProblems('accounts/not-management-account', texts)).toEqual([
        `${at(texts, DEV, 'id: "111111111111"')}: accounts.payments-dev.id 111111111111 is the management account's id — the management account is not a member account; remove it from accounts`,
      ]);
    });
  });

  describe('accounts/core-accounts-exist', () => {
    it('passes when the network, log-archive and security accounts are defined', () => {
      expect(ruleProblems('accounts/core-accounts-exist', base)).toEqual([]);
    });

    it('fails a core account that is not in org.yaml, including one named only by default', () => {
      const texts = change(change(base, ORG, '  security: {', '  sec: {'), ORG, '  name: acme', '  name: acme\n  networkAccount: netwrk');
      expect(ruleProblems('accounts/core-accounts-exist', texts)).toEqual([
        `${at(texts, ORG, 'networkAccount')}: organization.networkAccount "netwrk" is not one of the accounts in environments/org.yaml — add it under accounts: or use one of: log-archive, network, sec (did you mean network?)`,
        'environments/org.yaml:1:1: organization.securityAccount "security" is not one of the accounts in environments/org.yaml — add it under accounts: or use one of: log-archive, network, sec',
      ]);
    });
  });

  describe('accounts/hub-account-exists', () => {
    it('passes a hub account that is an organization-wide account', () => {
      const texts = change(base, DEV, 'networkHub:\n', 'networkHub:\n  account: network\n');
      expect(ruleProblems('accounts/hub-account-exists', texts)).toEqual([]);
    });

    it('fails a hub account that is not organization-wide', () => {
      const texts = change(twoEnvironments(), PROD, 'segment: prod\n', 'segment: prod\nnetworkHub:\n  account: payments-prod\n');
      expect(ruleProblems('accounts/hub-account-exists', texts)).toEqual([
        `${at(texts, PROD, 'account: payments-prod')}: networkHub.account "payments-prod" is not one of the organization-wide accounts in environments/org.yaml — use one of: log-archive, network, security`,
      ]);
    });
  });
});
