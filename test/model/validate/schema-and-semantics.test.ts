import { edit, problemsOf, sampleTexts } from '../../support/config';
import { append, at, baseTexts, change, DEV, ORG, PROD, twoEnvironments } from './fixtures';

describe('schema and semantic problems together', () => {
  describe('with an unknown key, an overlapping CIDR and a duplicate email in different files', () => {
    it('reports all three in one run', () => {
      const texts = append(
        change(
          change(
            twoEnvironments(),
            DEV,
            'vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false }',
            'vpc: { cidr: 10.18.0.0/16, cidrr: 10.18.0.0/16 }',
          ),
          ORG,
          'email: security@acme.example',
          'email: payments-prod@acme.example',
        ),
        PROD,
        '  orders-prod:\n    email: orders-prod@acme.example\n    ou: Prod\n    vpc: { cidr: 10.49.128.0/17 }\n',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'cidrr')}: accounts.orders-dev.vpc.cidrr is not a known key — did you mean \`cidr\`? remove it or rename it; allowed here: cidr, ipamNetmask, availabilityZones, subnets, ipv6, nat64, localInterfaceEndpoints, attachToTransitGateway`,
        `${at(texts, PROD, 'email: payments-prod')}: accounts.payments-prod.email payments-prod@acme.example is already the email of environments/org.yaml accounts.security — every AWS account needs its own root email address`,
        `${at(texts, PROD, 'cidr: 10.49.128.0/17')}: accounts.orders-prod.vpc.cidr 10.49.128.0/17 overlaps accounts.payments-prod.vpc.cidr 10.49.0.0/16 — give each VPC its own range`,
      ]);
    });

    it('reports all three in the sample organization', () => {
      const sample = edit(
        edit(
          edit(sampleTexts(), 'environments/dev.yaml', (doc) => doc.setIn(['accounts', 'orders-dev', 'vpc', 'cidrr'], '10.0.0.0/16')),
          'environments/prod.yaml',
          (doc) => doc.setIn(['accounts', 'orders-prod', 'vpc', 'cidr'], '10.49.128.0/17'),
        ),
        'environments/staging.yaml',
        (doc) => doc.setIn(['accounts', 'orders-staging', 'email'], 'aws+payments-prod@acme.example'),
      );
      const problems = problemsOf(sample);
      expect(problems.map((problem) => problem.split(' — ')[0])).toEqual([
        `${at(sample, 'environments/dev.yaml', 'cidrr')}: accounts.orders-dev.vpc.cidrr is not a known key`,
        `${at(sample, 'environments/prod.yaml', 'cidr: 10.49.128.0/17')}: accounts.orders-prod.vpc.cidr 10.49.128.0/17 overlaps accounts.payments-prod.vpc.cidr 10.49.0.0/16`,
        `${at(sample, 'environments/staging.yaml', 'email: aws+payments-prod')}: accounts.orders-staging.email aws+payments-prod@acme.example is already the email of environments/prod.yaml accounts.payments-prod`,
      ]);
    });
  });

  describe('with a schema problem and a semantic problem in the same file', () => {
    it('reports both', () => {
      const texts = change(
        change(baseTexts(), DEV, 'vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false }', 'vpc: { cidr: 10.18.0.0/16, ipv6: maybe }'),
        DEV,
        'cidr: 10.17.0.0/16',
        'cidr: 10.16.0.0/16',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'cidr: 10.16.0.0/16')}: accounts.payments-dev.vpc.cidr 10.16.0.0/16 overlaps networkHub.vpcs.egress.cidr 10.16.0.0/24 — give each VPC its own range`,
        `${at(texts, DEV, 'ipv6: maybe')}: accounts.orders-dev.vpc.ipv6 must be a boolean — see schema/ for what this key takes`,
      ]);
    });
  });

  describe('when an entry that failed the schema is referenced', () => {
    it('does not report a peering to an account that did not parse', () => {
      const texts = append(
        change(baseTexts(), DEV, 'email: orders-dev@acme.example', 'email: orders at acme'),
        DEV,
        'peerings:\n  link:\n    requester: payments-dev\n    accepter: orders-dev\n',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'email: orders at')}: accounts.orders-dev.email is not a valid email address — use the account root user's address, e.g. aws+payments@example.com`,
      ]);
    });

    it('does not guess the meaning of a misspelt key (which would put the account in the default segment)', () => {
      const texts = append(
        change(
          baseTexts(),
          DEV,
          'vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false }',
          'segmnt: isolated\n    vpc: { cidr: 10.18.0.0/16 }',
        ),
        DEV,
        'peerings:\n  link:\n    requester: payments-dev\n    accepter: orders-dev\n',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'segmnt')}: accounts.orders-dev.segmnt is not a known key — did you mean \`segment\`? remove it or rename it; allowed here: email, id, ou, tags, segment, vpc`,
      ]);
    });

    it('does not report an OU, a hub VPC or a core account that did not parse', () => {
      const texts = change(
        change(
          change(baseTexts(), ORG, 'Workloads: {}', 'Workloads: { parent: 7 }'),
          ORG,
          'security: { email: security@acme.example',
          'security: { email: security@acme.example, region: x',
        ),
        DEV,
        'subnets: { public: 28, app: 28 }',
        'subnets: { public: 28, app: 28, dat: 28 }',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'dat: 28')}: networkHub.vpcs.egress.subnets.dat is not a known key — did you mean \`data\`? remove it or rename it; allowed here: public, app, data`,
        `${at(texts, ORG, 'parent: 7')}: organizationalUnits.Workloads.parent must be a string — see schema/ for what this key takes`,
        `${at(texts, ORG, 'region: x')}: accounts.security.region is not a known key — remove it or rename it; allowed here: email, id, ou, tags`,
      ]);
    });

    it('does not report a peering into an environment file that did not parse', () => {
      const texts = append(
        change(twoEnvironments(), DEV, 'region: eu-west-1', 'region: eu-west1'),
        PROD,
        'peerings:\n  link:\n    requester: payments-prod\n    accepter: dev/payments-dev\n',
      );
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'region')}: region is not an AWS region name — did you mean eu-west-1? (schema/ lists every region)`,
      ]);
    });

    it('still reports a reference to a name that is nowhere', () => {
      const texts = append(
        change(baseTexts(), DEV, 'email: orders-dev@acme.example', 'email: orders at acme'),
        DEV,
        'peerings:\n  link:\n    requester: payments-dev\n    accepter: reports-dev\n',
      );
      expect(problemsOf(texts)).toHaveLength(2);
      expect(problemsOf(texts)[1]).toContain('peerings.link.accepter "reports-dev" is not a VPC of the organization');
    });
  });
});
