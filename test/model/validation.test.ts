import { edit, problemsOf, replaceText, sampleTexts } from '../support/config';
import { at } from './validate/fixtures';

const sample = sampleTexts();
const DEV = 'environments/dev.yaml';
const PROD = 'environments/prod.yaml';
const ORG = 'environments/org.yaml';
const STAGING = 'environments/staging.yaml';

// Expected locations are computed from the edited text (`at`), so editing the sample moves no expectation.

describe('config validation', () => {
  describe('VPC address ranges', () => {
    it('rejects two VPCs that overlap, naming both', () => {
      const texts = edit(sample, PROD, (doc) => doc.setIn(['accounts', 'orders-prod', 'vpc', 'cidr'], '10.49.128.0/17'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, PROD, 'cidr: 10.49.128.0/17')}: accounts.orders-prod.vpc.cidr 10.49.128.0/17 overlaps accounts.payments-prod.vpc.cidr 10.49.0.0/16 — give each VPC its own range`,
      ]);
    });

    it('rejects a spoke VPC that overlaps a hub VPC', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'payments-dev', 'vpc', 'cidr'], '10.16.0.0/16'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'cidr: 10.16.0.0/16')}: accounts.payments-dev.vpc.cidr 10.16.0.0/16 overlaps networkHub.vpcs.shared-services.cidr 10.16.0.0/20 — give each VPC its own range`,
        `${at(texts, DEV, 'cidr: 10.16.0.0/16')}: accounts.payments-dev.vpc.cidr 10.16.0.0/16 overlaps networkHub.vpcs.egress.cidr 10.16.16.0/24 — give each VPC its own range`,
      ]);
    });

    it('rejects overlaps across environments, naming the other file', () => {
      const texts = edit(sample, PROD, (doc) => {
        doc.setIn(['cidr'], '10.0.0.0/8');
        doc.setIn(['accounts', 'orders-prod', 'vpc', 'cidr'], '10.17.0.0/16');
      });
      expect(problemsOf(texts)).toEqual([
        `${at(texts, PROD, 'cidr: 10.0.0.0/8')}: cidr 10.0.0.0/8 overlaps the range of environments/dev.yaml (10.16.0.0/12) — give each environment its own address range`,
        `${at(texts, PROD, 'cidr: 10.17.0.0/16')}: accounts.orders-prod.vpc.cidr 10.17.0.0/16 overlaps environments/dev.yaml accounts.payments-dev.vpc.cidr 10.17.0.0/16 — give each VPC its own range`,
        `${at(texts, STAGING, 'cidr: 10.32.0.0/12')}: cidr 10.32.0.0/12 overlaps the range of environments/prod.yaml (10.0.0.0/8) — give each environment its own address range`,
      ]);
    });

    it('rejects a VPC outside its environment range', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'payments-dev', 'vpc', 'cidr'], '10.40.0.0/18'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'cidr: 10.40.0.0/18')}: accounts.payments-dev.vpc.cidr 10.40.0.0/18 is outside the environment's range 10.16.0.0/12 — choose a block inside 10.16.0.0/12, or widen cidr at the top of environments/dev.yaml`,
      ]);
    });

    it('rejects subnets that do not fit the VPC at the configured sizes', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'payments-dev', 'vpc', 'subnets', 'app'], 17));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'subnets: { public: 24, app: 17')}: accounts.payments-dev.vpc.subnets need 66560 addresses (2 AZs × public /24, app /17, data /24) but 10.17.0.0/16 holds 65536 — use a larger VPC block, smaller subnets (a higher prefix length) or fewer AZs`,
      ]);
    });

    it('rejects a CIDR with host bits set, showing where the block starts', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'payments-dev', 'vpc', 'cidr'], '10.17.0.1/16'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'cidr: 10.17.0.1/16')}: accounts.payments-dev.vpc.cidr 10.17.0.1/16 has host bits set; the block starts at 10.17.0.0/16 — fix the address or prefix length`,
      ]);
    });
  });

  describe('accounts', () => {
    it('rejects an account name used twice in the organization', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'security'], { email: 'aws+other@acme.example', ou: 'NonProd' }));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'security:')}: accounts.security is also defined in environments/org.yaml accounts.security — account names must be unique in the organization; rename or remove one of them`,
      ]);
    });

    it('rejects an email used twice, case-insensitively', () => {
      const texts = edit(sample, PROD, (doc) => doc.setIn(['accounts', 'orders-prod', 'email'], 'AWS+payments-prod@acme.example'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, PROD, 'email: AWS+payments-prod')}: accounts.orders-prod.email AWS+payments-prod@acme.example is already the email of accounts.payments-prod — every AWS account needs its own root email address`,
      ]);
    });

    it('rejects a malformed email', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'payments-dev', 'email'], 'payments at acme'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'email: payments at acme')}: accounts.payments-dev.email is not a valid email address — use the account root user's address, e.g. aws+payments@example.com`,
      ]);
    });

    it('rejects account ids that are not 12 digits, and unquoted ids', () => {
      const texts = edit(sample, DEV, (doc) => {
        doc.setIn(['accounts', 'payments-dev', 'id'], '5100000001');
        doc.setIn(['accounts', 'orders-dev', 'id'], 510000000002);
      });
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'id: "5100000001"')}: accounts.payments-dev.id must be exactly 12 digits — copy the account id from AWS Organizations`,
        `${at(texts, DEV, 'id: 510000000002')}: accounts.orders-dev.id must be a quoted string of 12 digits — write it as id: "012345678901" (unquoted, YAML reads a number and drops leading zeros)`,
      ]);
    });

    it('rejects an account id used twice', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'orders-dev', 'id'], '222222222222'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'id: "222222222222"')}: accounts.orders-dev.id 222222222222 is already the id of environments/org.yaml accounts.network — check the account id in AWS Organizations`,
      ]);
    });
  });

  describe('references', () => {
    it('rejects an unknown OU and suggests the nearest', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'orders-dev', 'ou'], 'NonPrd'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'ou: NonPrd')}: accounts.orders-dev.ou "NonPrd" is not an organizational unit of environments/org.yaml — use one of: Infrastructure, NonProd, Prod, Security, Workloads (did you mean NonProd?)`,
      ]);
    });

    it('rejects a region outside the allowed regions', () => {
      const moved = edit(sample, DEV, (doc) => {
        doc.setIn(['region'], 'eu-west-3');
        doc.setIn(['availabilityZones'], ['eu-west-3a', 'eu-west-3b']);
      });
      // The AZ-loss experiment of orders-dev moves with the environment's zones.
      const texts = edit(moved, 'environments/dev/orders-dev.yaml', (doc) =>
        doc.setIn(['experiments', 'app-zone-a', 'zone'], 'eu-west-3a'),
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'region: eu-west-3')}: region eu-west-3 is not in organization.allowedRegions of environments/org.yaml — add it there or use one of: eu-central-1, eu-west-1, us-east-1 (did you mean eu-west-1?)`,
      ]);
    });

    it('rejects unknown OU parents, guardrail targets and core account names in org.yaml', () => {
      const texts = edit(sample, ORG, (doc) => {
        doc.setIn(['organizationalUnits', 'Prod', 'parent'], 'Workload');
        doc.setIn(['guardrails', 'attachTo'], ['Security', 'Wrkloads']);
        doc.setIn(['organization', 'networkAccount'], 'netwrk');
      });
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'networkAccount: netwrk')}: organization.networkAccount "netwrk" is not one of the accounts in environments/org.yaml — add it under accounts: or use one of: log-archive, network, security (did you mean network?)`,
        `${at(texts, ORG, 'parent: Workload ')}: organizationalUnits.Prod.parent "Workload" is not an organizational unit — use one of: Infrastructure, NonProd, Prod, Security, Workloads (did you mean Workloads?)`,
        `${at(texts, ORG, 'Wrkloads')}: guardrails.attachTo.1 "Wrkloads" is not an organizational unit — use one of: Infrastructure, NonProd, Prod, Security, Workloads (did you mean Workloads?)`,
      ]);
    });

    it('rejects an OU that is its own ancestor', () => {
      const texts = edit(sample, ORG, (doc) => doc.setIn(['organizationalUnits', 'Workloads'], { parent: 'Prod' }));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, ORG, 'parent: Prod')}: organizationalUnits.Workloads.parent makes Workloads its own ancestor — OU parents must form a tree under the root; break the cycle`,
        `${at(texts, ORG, 'parent: Workloads', { after: 'Prod:' })}: organizationalUnits.Prod.parent makes Prod its own ancestor — OU parents must form a tree under the root; break the cycle`,
      ]);
    });

    it('rejects a segment the hub does not have', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'orders-dev', 'segment'], 'prd'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'segment: prd')}: accounts.orders-dev.segment "prd" is not a segment of this environment's network hub — use one of: nonprod, shared, or add it to networkHub.segments`,
      ]);
    });
  });

  describe('availability zones', () => {
    it('rejects zones that are not in the region, or do not exist', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['availabilityZones'], ['eu-west-1a', 'eu-west-1d', 'eu-central-1a']));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'eu-west-1d')}: availabilityZones.1 eu-west-1d is not an availability zone of eu-west-1 — use one of: eu-west-1a, eu-west-1b, eu-west-1c (did you mean eu-west-1a?)`,
        `${at(texts, DEV, 'eu-central-1a')}: availabilityZones.2 eu-central-1a is not an availability zone of eu-west-1 — use one of: eu-west-1a, eu-west-1b, eu-west-1c`,
      ]);
    });

    it('rejects fewer than 1 or more than 6 zones', () => {
      const none = edit(sample, DEV, (doc) => doc.setIn(['availabilityZones'], []));
      expect(problemsOf(none)).toEqual([
        `${at(none, DEV, 'availabilityZones')}: availabilityZones lists no availability zones — give between 1 and 6`,
      ]);
      const seven = edit(sample, PROD, (doc) =>
        doc.setIn(['accounts', 'orders-prod', 'vpc', 'availabilityZones'], Array(7).fill('eu-west-1a')),
      );
      expect(problemsOf(seven)).toEqual([
        `${at(seven, PROD, 'availabilityZones', { after: 'orders-prod:' })}: accounts.orders-prod.vpc.availabilityZones lists more than 6 availability zones — give between 1 and 6`,
      ]);
    });

    it('rejects a zone listed twice', () => {
      const texts = edit(sample, DEV, (doc) =>
        doc.setIn(['accounts', 'orders-dev', 'vpc', 'availabilityZones'], ['eu-west-1a', 'eu-west-1a']),
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'eu-west-1a', { after: '- eu-west-1a' })}: accounts.orders-dev.vpc.availabilityZones.1 lists eu-west-1a twice — list each availability zone once`,
      ]);
    });
  });

  describe('file format', () => {
    it('rejects unknown keys by name and suggests the nearest known key', () => {
      const texts = edit(sample, DEV, (doc) => doc.setIn(['accounts', 'orders-dev', 'vpc', 'cidrr'], '10.0.0.0/16'));
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'cidrr')}: accounts.orders-dev.vpc.cidrr is not a known key — did you mean \`cidr\`? remove it or rename it; allowed here: cidr, ipamNetmask, availabilityZones, subnets, ipv6, nat64, localInterfaceEndpoints, attachToTransitGateway`,
      ]);
    });

    it('rejects an empty file', () => {
      expect(problemsOf(replaceText(sample, DEV, '# nothing yet\n'))).toEqual([
        'environments/dev.yaml: is empty — add the settings this file needs (see schema/ for the keys) or delete the file',
      ]);
    });

    it("rejects unparsable YAML with the parser's line and column", () => {
      expect(problemsOf(replaceText(sample, DEV, 'region: eu-west-1\naccounts:\n  a: [1, 2\n'))).toEqual([
        'environments/dev.yaml:4:1: cannot be parsed: Flow sequence in block collection must be sufficiently indented and end with a ] — fix the YAML syntax at this line and column',
      ]);
    });

    it('rejects a key written twice', () => {
      const texts = replaceText(sample, DEV, `${sample.find((text) => text.file === DEV)!.text}\nregion: eu-west-1\n`);
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'region: eu-west-1', 2)}: cannot be parsed: Map keys must be unique — fix the YAML syntax at this line and column`,
      ]);
    });

    it('rejects a missing required key and a wrong backend type, listing the options', () => {
      const texts = edit(
        edit(sample, DEV, (doc) => doc.deleteIn(['region'])),
        ORG,
        (doc) => doc.setIn(['stateBackend'], { type: 'gcs' }),
      );
      expect(problemsOf(texts)).toEqual([
        'environments/dev.yaml:1:1: region is required — add region: (string)',
        `${at(texts, ORG, 'type: gcs')}: stateBackend.type has a value that is not allowed here — use one of "local", "s3"`,
      ]);
    });

    it('rejects a missing org.yaml', () => {
      expect(problemsOf(sample.filter((text) => text.file !== ORG))).toEqual([
        'environments/org.yaml: is missing — create org.yaml with the organization-wide settings',
      ]);
    });
  });

  it('reports every problem of every file at once', () => {
    const texts = edit(
      edit(sample, DEV, (doc) => {
        doc.setIn(['accounts', 'orders-dev', 'vpc', 'cidrr'], '10.0.0.0/16');
      }),
      PROD,
      (doc) => {
        doc.setIn(['accounts', 'orders-prod', 'ou'], 'Nope');
        doc.setIn(['accounts', 'orders-prod', 'vpc', 'cidr'], '10.49.0.0/16');
      },
    );
    const problems = problemsOf(replaceText(texts, 'environments/staging.yaml', ''));
    expect(problems).toHaveLength(4);
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'environments/dev.yaml',
      'environments/prod.yaml',
      'environments/prod.yaml',
      'environments/staging.yaml',
    ]);
  });
});
