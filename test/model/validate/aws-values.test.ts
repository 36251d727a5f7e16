import { problemsOf, sampleModel } from '../../support/config';
import { at, baseTexts, change, DEV, ORG } from './fixtures';

/* Family 2 of issue 9: values Terraform or AWS reject, or read differently, are rejected in the model, located. */

describe('values AWS would reject or read differently', () => {
  describe('regions', () => {
    it('rejects a region typo in allowedRegions, suggesting the real region', () => {
      const texts = change(baseTexts(), ORG, 'allowedRegions: [eu-west-1, us-east-1]', 'allowedRegions: [eu-west-1, us-east-1, eu-wset-2]');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'eu-wset-2')}: organization.allowedRegions.2 is not an AWS region name — did you mean eu-west-2? (schema/ lists every region)`,
      ]);
    });

    it('rejects a well-formed name that is not a region', () => {
      const texts = change(baseTexts(), ORG, 'homeRegion: eu-west-1', 'homeRegion: xx-moon-1');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'homeRegion')}: organization.homeRegion is not an AWS region name — use a name such as eu-west-1 (schema/ lists every region)`,
      ]);
    });

    it('accepts GovCloud and recent regions', () => {
      const texts = change(
        baseTexts(),
        ORG,
        'allowedRegions: [eu-west-1, us-east-1]',
        'allowedRegions: [eu-west-1, us-east-1, us-gov-west-1, mx-central-1]',
      );
      expect(sampleModel(texts).guardrails.allowedRegions).toEqual(['eu-west-1', 'us-east-1', 'us-gov-west-1', 'mx-central-1']);
    });
  });

  describe('CIDR blocks', () => {
    it.each([
      ['010.17.0.0/16', ', e.g. 10.17.0.0/16 if that is what you mean'],
      ['10.17.0.0/016', ', e.g. 10.17.0.0/16 if that is what you mean'],
      ['0x0a.17.0.0/16', ', e.g. 10.0.0.0/16'],
      ['10.17/16', ', e.g. 10.0.0.0/16'],
      ['167837696/16', ', e.g. 10.0.0.0/16'],
    ])('rejects %s, which tools read differently', (cidr, example) => {
      const texts = change(baseTexts(), DEV, 'cidr: 10.17.0.0/16', `cidr: ${cidr}`);
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, `cidr: ${cidr}`)}: accounts.payments-dev.vpc.cidr "${cidr}" is not a plain dotted-decimal CIDR block (leading zeros, hex and short forms are read differently by different tools) — write four decimal numbers and a prefix length${example}`,
      ]);
    });

    it('rejects a zero-padded environment range and peering destination too', () => {
      const texts = change(baseTexts(), DEV, 'cidr: 10.16.0.0/12', 'cidr: 10.016.0.0/12');
      expect(problemsOf(texts)[0]).toBe(
        `${at(texts, DEV, 'cidr: 10.016')}: cidr "10.016.0.0/12" is not a plain dotted-decimal CIDR block (leading zeros, hex and short forms are read differently by different tools) — write four decimal numbers and a prefix length, e.g. 10.16.0.0/12 if that is what you mean`,
      );
    });
  });

  describe('names AWS limits', () => {
    it('rejects an account email over 64 characters', () => {
      const email = `aws+${'x'.repeat(50)}@acme.example`;
      const texts = change(baseTexts(), DEV, 'email: orders-dev@acme.example', `email: ${email}`);
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, `email: ${email}`)}: accounts.orders-dev.email is longer than the 64 characters AWS Organizations accepts for an account email — use a shorter address`,
      ]);
    });

    it('rejects a deploy role name with a path or over 64 characters', () => {
      const texts = change(
        baseTexts(),
        ORG,
        '  name: acme\n',
        `  name: acme\n  deployRoleName: admin/Deployer\n  vendedAccountRoleName: ${'R'.repeat(65)}\n`,
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'deployRoleName')}: organization.deployRoleName is not an IAM role name — use 1–64 letters, digits and + = , . @ _ - (no path)`,
        `${at(texts, ORG, 'vendedAccountRoleName')}: organization.vendedAccountRoleName is not an IAM role name — use 1–64 letters, digits and + = , . @ _ - (no path)`,
      ]);
    });

    it('rejects an organization name that cannot start a bucket name', () => {
      const texts = change(baseTexts(), ORG, 'name: acme', 'name: Acme Corp');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'name: Acme')}: organization.name is not a valid organization name — use lowercase letters, digits and single hyphens, e.g. acme (it starts S3 bucket, IPAM and VPC Lattice names)`,
      ]);
    });

    it('rejects an organization name that makes the flow-log bucket name longer than 63 characters', () => {
      const texts = change(baseTexts(), ORG, 'name: acme', `name: ${'a'.repeat(37)}`);
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'name: aaa')}: organization.name is longer than 36 characters — shorten it: it starts the flow-log bucket name, which S3 limits to 63 characters`,
      ]);
    });

    it('rejects a state bucket name S3 does not accept', () => {
      const texts = change(baseTexts(), ORG, 'network:\n', 'stateBackend: { type: s3, bucket: Acme_State, region: eu-west-1 }\nnetwork:\n');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'bucket:')}: stateBackend.bucket is not a valid S3 bucket name — use 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit`,
      ]);
    });

    it('rejects an environment file name that would make an invalid VPC Lattice name', () => {
      const texts = [...baseTexts(), { file: 'environments/qa-.yaml', text: 'region: eu-west-1\n' }];
      expect(problemsOf(texts)).toEqual([
        'environments/qa-.yaml: names an environment "qa-" that cannot be used in stack names — rename the file to 1–16 lowercase letters, digits and single hyphens, starting with a letter, e.g. prod.yaml',
      ]);
    });
  });

  describe('tags', () => {
    it('rejects a tag key with the reserved aws: prefix, in any case', () => {
      const texts = change(
        baseTexts(),
        DEV,
        '    ou: Workloads\n    vpc: { cidr: 10.17',
        '    ou: Workloads\n    tags: { AWS:team: payments }\n    vpc: { cidr: 10.17',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'AWS:team')}: accounts.payments-dev.tags.AWS:team name "AWS:team" starts with aws:, which AWS reserves for its own tags — choose another key`,
      ]);
    });

    it('rejects a tag the landing zone sets itself, instead of overwriting it', () => {
      const texts = change(baseTexts(), ORG, '  name: acme\n', '  name: acme\n  tags: { ManagedBy: platform-team }\n');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'ManagedBy')}: organization.tags.ManagedBy name "ManagedBy" is a tag the landing zone sets on every resource (ManagedBy, Organization, Stack, Environment, Name), so your value would be overwritten — choose another key`,
      ]);
    });

    it('rejects a tag value that is too long or not a string', () => {
      const texts = change(baseTexts(), ORG, '  name: acme\n', `  name: acme\n  tags: { Owner: ${'o'.repeat(257)}, Budget: 100 }\n`);
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'Owner')}: organization.tags.Owner is longer than the 256 characters AWS allows in a tag value — shorten it`,
        `${at(texts, ORG, 'Budget')}: organization.tags.Budget must be a string — quote it, e.g. "123"`,
      ]);
    });
  });
});

describe('state backend values', () => {
  it('rejects a KMS key and a DynamoDB table name AWS would not accept', () => {
    const texts = change(
      baseTexts(),
      ORG,
      'network:\n',
      'stateBackend: { type: s3, bucket: acme-state, region: eu-west-1, kmsKeyId: my key, dynamodbTable: "locks!" }\nnetwork:\n',
    );
    expect(problemsOf(texts)).toEqual([
      `${at(texts, ORG, 'kmsKeyId')}: stateBackend.kmsKeyId is not a KMS key id, alias or ARN — use e.g. alias/landing-zone-state or the key ARN`,
      `${at(texts, ORG, 'dynamodbTable')}: stateBackend.dynamodbTable is not a DynamoDB table name — use 3–255 letters, digits, _ . and -`,
    ]);
  });
});
