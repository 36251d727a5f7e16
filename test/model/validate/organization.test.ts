import { at, baseTexts, change, DEV, ORG, ruleProblems, twoEnvironments, PROD } from './fixtures';

const base = baseTexts();

describe('organization rules', () => {
  describe('organization/ou-parent-exists', () => {
    it('passes a parent that is an OU', () => {
      expect(ruleProblems('organization/ou-parent-exists', base)).toEqual([]);
    });

    it('fails an unknown parent and suggests the nearest', () => {
      const texts = change(base, ORG, 'parent: Workloads', 'parent: Workload');
      expect(ruleProblems('organization/ou-parent-exists', texts)).toEqual([
        `${at(texts, ORG, 'parent: Workload')}: organizationalUnits.Prod.parent "Workload" is not an organizational unit — use one of: Infrastructure, Prod, Workloads (did you mean Workloads?)`,
      ]);
    });
  });

  describe('organization/ou-tree-acyclic', () => {
    it('passes a tree', () => {
      expect(ruleProblems('organization/ou-tree-acyclic', base)).toEqual([]);
    });

    it('fails every OU of a cycle', () => {
      const texts = change(base, ORG, 'Workloads: {}', 'Workloads: { parent: Prod }');
      expect(ruleProblems('organization/ou-tree-acyclic', texts)).toEqual([
        `${at(texts, ORG, 'parent: Prod')}: organizationalUnits.Workloads.parent makes Workloads its own ancestor — OU parents must form a tree under the root; break the cycle`,
        `${at(texts, ORG, 'parent: Workloads')}: organizationalUnits.Prod.parent makes Prod its own ancestor — OU parents must form a tree under the root; break the cycle`,
      ]);
    });
  });

  describe('organization/guardrail-targets-exist', () => {
    it('passes guardrails attached to existing OUs', () => {
      const texts = change(base, ORG, 'accounts:\n', 'guardrails:\n  attachTo: [Workloads]\naccounts:\n');
      expect(ruleProblems('organization/guardrail-targets-exist', texts)).toEqual([]);
    });

    it('fails an unknown target', () => {
      const texts = change(base, ORG, 'accounts:\n', 'guardrails:\n  attachTo: [Workloads, Wrkloads]\naccounts:\n');
      expect(ruleProblems('organization/guardrail-targets-exist', texts)).toEqual([
        `${at(texts, ORG, 'Wrkloads')}: guardrails.attachTo.1 "Wrkloads" is not an organizational unit — use one of: Infrastructure, Prod, Workloads (did you mean Workloads?)`,
      ]);
    });
  });

  describe('organization/guardrails-attached', () => {
    it('passes the default: every top-level OU', () => {
      expect(ruleProblems('organization/guardrails-attached', base)).toEqual([]);
    });

    it('fails an empty attachTo', () => {
      const texts = change(base, ORG, 'accounts:\n', 'guardrails:\n  attachTo: []\naccounts:\n');
      expect(ruleProblems('organization/guardrails-attached', texts)).toEqual([
        `${at(texts, ORG, 'attachTo')}: guardrails.attachTo attaches the guardrails nowhere — list at least one OU, e.g. Workloads`,
      ]);
    });
  });
});

describe('region rules', () => {
  describe('regions/home-region-allowed', () => {
    it('passes a home region in the allow-list', () => {
      expect(ruleProblems('regions/home-region-allowed', base)).toEqual([]);
    });

    it('fails a home region outside the allow-list', () => {
      const texts = change(base, ORG, 'homeRegion: eu-west-1', 'homeRegion: eu-central-1');
      expect(ruleProblems('regions/home-region-allowed', texts)).toEqual([
        `${at(texts, ORG, 'homeRegion')}: organization.homeRegion eu-central-1 is not in organization.allowedRegions — add it to allowedRegions`,
      ]);
    });
  });

  describe('regions/environment-region-allowed', () => {
    it('passes environments in allowed regions', () => {
      expect(ruleProblems('regions/environment-region-allowed', twoEnvironments())).toEqual([]);
    });

    it('fails an environment region outside the allow-list, suggesting the nearest', () => {
      const texts = change(change(base, DEV, 'region: eu-west-1', 'region: eu-west-3'), DEV, '[eu-west-1a, eu-west-1b]', '[eu-west-3a]');
      expect(ruleProblems('regions/environment-region-allowed', texts)).toEqual([
        `${at(texts, DEV, 'region')}: region eu-west-3 is not in organization.allowedRegions of environments/org.yaml — add it there or use one of: eu-west-1, us-east-1 (did you mean eu-west-1?)`,
      ]);
    });
  });

  describe('regions/zones-in-region', () => {
    it("passes zones of the environment's region", () => {
      expect(ruleProblems('regions/zones-in-region', twoEnvironments())).toEqual([]);
    });

    it('fails zones of another region or that do not exist, in the environment and in a VPC', () => {
      const texts = change(
        change(base, DEV, '[eu-west-1a, eu-west-1b]', '[eu-west-1a, eu-west-1d]'),
        DEV,
        'vpc: { cidr: 10.17.0.0/16 }',
        'vpc: { cidr: 10.17.0.0/16, availabilityZones: [us-east-1a] }',
      );
      expect(ruleProblems('regions/zones-in-region', texts)).toEqual([
        `${at(texts, DEV, 'eu-west-1d')}: availabilityZones.1 eu-west-1d is not an availability zone of eu-west-1 — use one of: eu-west-1a, eu-west-1b, eu-west-1c (did you mean eu-west-1a?)`,
        `${at(texts, DEV, 'us-east-1a')}: accounts.payments-dev.vpc.availabilityZones.0 us-east-1a is not an availability zone of eu-west-1 — use one of: eu-west-1a, eu-west-1b, eu-west-1c`,
      ]);
    });
  });

  describe('regions/zones-listed-once', () => {
    it('passes distinct zones', () => {
      expect(ruleProblems('regions/zones-listed-once', base)).toEqual([]);
    });

    it('fails a zone listed twice', () => {
      const texts = change(twoEnvironments(), PROD, '[us-east-1a, us-east-1b]', '[us-east-1a, us-east-1a]');
      expect(ruleProblems('regions/zones-listed-once', texts)).toEqual([
        `${at(texts, PROD, 'us-east-1a', 2)}: availabilityZones.1 lists us-east-1a twice — list each availability zone once`,
      ]);
    });
  });
});
