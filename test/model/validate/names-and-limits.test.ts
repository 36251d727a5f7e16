import { parseConfig } from '../../../model/load';
import { formatProblem } from '../../../model/problems';
import { CONFIG_RULES, validateConfig } from '../../../model/validate';
import { append, at, baseTexts, change, DEV, ORG, ruleProblems } from './fixtures';

const base = baseTexts();
const cloudWatch = (texts = base) => change(texts, DEV, 'cidr: 10.16.0.0/12\n', 'cidr: 10.16.0.0/12\nflowLogs: cloud-watch-logs\n');

describe('name rules', () => {
  describe('names/unique-stack-names', () => {
    it('passes distinct environment and account names', () => {
      expect(ruleProblems('names/unique-stack-names', base)).toEqual([]);
    });

    it("fails an environment whose hub stack has an account's spoke stack name", () => {
      const texts = [
        ...append(base, DEV, '  x-network-hub:\n    email: x@acme.example\n    ou: Workloads\n    vpc: { cidr: 10.20.0.0/16 }\n'),
        {
          file: 'environments/dev-spoke-x.yaml',
          text: 'region: eu-west-1\navailabilityZones: [eu-west-1a]\ncidr: 10.64.0.0/12\naccounts: {}\n',
        },
      ];
      expect(ruleProblems('names/unique-stack-names', texts)).toEqual([
        'environments/dev-spoke-x.yaml:1:1: makes the stack name dev-spoke-x-network-hub, which an account of environments/dev.yaml has too — rename the environment file; stack names must be unique',
      ]);
    });
  });

  describe('names/flow-log-role-name-length', () => {
    it('passes short names with flow logs to CloudWatch Logs', () => {
      expect(ruleProblems('names/flow-log-role-name-length', cloudWatch())).toEqual([]);
    });

    it('fails a role name over 64 characters once prefixed', () => {
      const account = 'payments-reporting-and-billing';
      const texts = change(change(cloudWatch(), DEV, 'payments-dev:', `${account}:`), ORG, 'name: acme', 'name: acme-platform-engineering');
      const role = `acme-platform-engineering-dev-${account}-flow-logs`;
      expect(ruleProblems('names/flow-log-role-name-length', texts)).toEqual([
        `${at(texts, DEV, `${account}:`)}: accounts.${account} makes the flow-log role name ${role}, ${role.length} characters where IAM allows 64 — shorten the name (or the organization or environment name), or send flow logs to s3`,
      ]);
    });
  });
});

describe('IPAM reservation names', () => {
  const devX = {
    file: 'environments/dev-x.yaml',
    text: 'region: eu-west-1\navailabilityZones: [eu-west-1a]\ncidr: 10.64.0.0/12\naccounts:\n  payments:\n    email: p@acme.example\n    ou: Workloads\n    vpc: { cidr: 10.64.0.0/16 }\n',
  };

  describe('names/unique-ipam-reservations', () => {
    it('passes distinct <environment>-<vpc> names', () => {
      expect(ruleProblems('names/unique-ipam-reservations', [...base, devX])).toEqual([]);
    });

    it('fails environment dev with VPC x-payments beside environment dev-x with VPC payments in one region', () => {
      const texts = [...change(base, DEV, 'payments-dev:', 'x-payments:'), devX];
      expect(ruleProblems('names/unique-ipam-reservations', texts)).toEqual([
        `${at(texts, devX.file, 'payments:')}: accounts.payments reserves its block in IPAM as dev-x-payments, the name environments/dev.yaml accounts.x-payments reserves too, so one reservation would be lost — rename the VPC (or the environment) so that <environment>-<name> differs`,
      ]);
    });
  });
});

describe('tag rules', () => {
  describe('tags/within-limit', () => {
    it('passes a few tags', () => {
      expect(
        ruleProblems('tags/within-limit', change(base, ORG, '  name: acme\n', '  name: acme\n  tags: { CostCenter: platform }\n')),
      ).toEqual([]);
    });

    it('fails an account whose tags, with the organization and landing-zone tags, exceed 50', () => {
      const tags = Array.from({ length: 46 }, (_, i) => `T${i}: v`).join(', ');
      const texts = change(
        base,
        DEV,
        '    ou: Workloads\n    vpc: { cidr: 10.17',
        `    ou: Workloads\n    tags: { ${tags} }\n    vpc: { cidr: 10.17`,
      );
      expect(ruleProblems('tags/within-limit', texts)).toEqual([
        `${at(texts, DEV, 'tags:')}: accounts.payments-dev.tags gives 46 tags of its own; with the organization's 0 and the 5 the landing zone adds, the account would carry 51, over the 50 AWS allows — keep at most 45 account tags, or move shared ones to organization.tags`,
      ]);
    });
  });
});

describe('logging rules', () => {
  describe('logging/cloudwatch-retention', () => {
    it('passes any retention of 90 days or more when flow logs go to S3', () => {
      expect(
        ruleProblems('logging/cloudwatch-retention', change(base, ORG, 'network:\n', 'network:\n  flowLogRetentionDays: 100\n')),
      ).toEqual([]);
    });

    it('fails a retention CloudWatch Logs does not accept when an environment sends flow logs there', () => {
      const texts = cloudWatch(change(base, ORG, 'network:\n', 'network:\n  flowLogRetentionDays: 100\n'));
      expect(ruleProblems('logging/cloudwatch-retention', texts)).toEqual([
        `${at(texts, ORG, 'flowLogRetentionDays')}: network.flowLogRetentionDays 100 is not a retention CloudWatch Logs accepts, and environments/dev.yaml send flow logs there — use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (the nearest is 90)`,
      ]);
    });
  });
});

describe('waiver rules', () => {
  const waiver = (expires: string) =>
    change(
      base,
      ORG,
      'network:\n',
      `policyWaivers:\n  - { rule: LZ-NET-005, resource: aws_vpc.x, reason: legacy VPC being retired, expires: ${expires} }\nnetwork:\n`,
    );
  const onDay = (texts: ReturnType<typeof waiver>, today: string) => {
    const rule = CONFIG_RULES.find((candidate) => candidate.id === 'waivers/not-expired')!;
    return validateConfig(parseConfig(texts).parsed, [rule], { today }).map(formatProblem);
  };

  describe('waivers/not-expired', () => {
    it('passes a waiver through its expiry day', () => {
      expect(onDay(waiver('2026-06-30'), '2026-06-30')).toEqual([]);
    });

    it('fails an expired waiver before anything is synthesized', () => {
      const texts = waiver('2026-06-30');
      expect(onDay(texts, '2026-07-01')).toEqual([
        `${at(texts, ORG, 'expires')}: policyWaivers.0.expires 2026-06-30 has passed: the waiver of LZ-NET-005 for aws_vpc.x no longer applies — renew it with a later expires date after reviewing the exception again, or remove it and fix the finding`,
      ]);
    });
  });
});
