import { at, baseTexts, change, DEV, ruleProblems } from './fixtures';

const base = baseTexts();
const withSegments = (segments: string) => change(base, DEV, 'networkHub:\n', `networkHub:\n  segments: ${segments}\n`);

describe('hub rules', () => {
  describe('hub/segments-listed-once', () => {
    it('passes distinct segments', () => {
      expect(ruleProblems('hub/segments-listed-once', withSegments('[nonprod, shared]'))).toEqual([]);
    });

    it('fails a segment listed twice', () => {
      const texts = withSegments('[nonprod, shared, nonprod]');
      expect(ruleProblems('hub/segments-listed-once', texts)).toEqual([
        `${at(texts, DEV, 'nonprod', 2)}: networkHub.segments.2 lists nonprod twice — list each segment once`,
      ]);
    });
  });

  describe('hub/segment-names-not-reserved', () => {
    it('passes workload segments with their own names', () => {
      expect(ruleProblems('hub/segment-names-not-reserved', withSegments('[nonprod, shared]'))).toEqual([]);
    });

    it("fails a segment named like the hub's egress route table", () => {
      const texts = withSegments('[nonprod, shared, egress]');
      expect(ruleProblems('hub/segment-names-not-reserved', texts)).toEqual([
        `${at(texts, DEV, 'egress]')}: networkHub.segments.2 names the segment egress, the name of the hub's own egress route table — choose another name for this segment`,
      ]);
    });
  });

  describe('hub/segments-exist', () => {
    it("passes accounts in the environment's default segment", () => {
      expect(ruleProblems('hub/segments-exist', base)).toEqual([]);
    });

    it("fails an account's unknown segment and an unknown connect side, suggesting the nearest", () => {
      const texts = change(
        change(base, DEV, '    ou: Workloads\n    vpc: { cidr: 10.17', '    ou: Workloads\n    segment: prd\n    vpc: { cidr: 10.17'),
        DEV,
        'networkHub:\n',
        'networkHub:\n  connect: [[nonprod, sharde]]\n',
      );
      expect(ruleProblems('hub/segments-exist', texts)).toEqual([
        `${at(texts, DEV, 'segment: prd')}: accounts.payments-dev.segment "prd" is not a segment of this environment's network hub — use one of: nonprod, shared, or add it to networkHub.segments`,
        `${at(texts, DEV, 'sharde')}: networkHub.connect.0.1 "sharde" is not a segment of this environment's network hub — use one of: nonprod, shared (did you mean shared?), or add it to networkHub.segments`,
      ]);
    });

    it('fails a default segment missing from the listed segments once, at the environment segment', () => {
      const texts = withSegments('[prod, shared]');
      expect(ruleProblems('hub/segments-exist', texts)).toEqual([
        `environments/dev.yaml:1:1: segment "nonprod" is not a segment of this environment's network hub — use one of: prod, shared, or add it to networkHub.segments`,
      ]);
    });
  });

  describe('hub/isolated-segments-apart', () => {
    it('passes a connect pair of segments that may meet', () => {
      const texts = change(withSegments('[nonprod, tools, shared]'), DEV, 'networkHub:\n', 'networkHub:\n  connect: [[nonprod, tools]]\n');
      expect(ruleProblems('hub/isolated-segments-apart', texts)).toEqual([]);
    });

    it('fails a pair joining prod and nonprod', () => {
      const texts = change(withSegments('[prod, nonprod, shared]'), DEV, 'networkHub:\n', 'networkHub:\n  connect: [[prod, nonprod]]\n');
      expect(ruleProblems('hub/isolated-segments-apart', texts)).toEqual([
        `${at(texts, DEV, '[prod, nonprod]]')}: networkHub.connect.0 connects prod and nonprod — prod and nonprod can never reach each other; remove this pair`,
      ]);
    });
  });

  describe('hub/service-vpc-roles', () => {
    it('passes egress pointing at an egress VPC', () => {
      expect(ruleProblems('hub/service-vpc-roles', base)).toEqual([]);
    });

    it('fails a service pointing at a missing VPC or one of the wrong role', () => {
      const texts = change(
        base,
        DEV,
        '  egress: { vpc: egress }\n',
        '  egress: { vpc: egres }\n  interfaceEndpoints: { vpc: egress, services: [ssm] }\n',
      );
      expect(ruleProblems('hub/service-vpc-roles', texts)).toEqual([
        `${at(texts, DEV, 'vpc: egres }')}: networkHub.egress.vpc "egres" is not a hub VPC — use one of: egress (did you mean egress?)`,
        `${at(texts, DEV, 'vpc: egress,')}: networkHub.interfaceEndpoints.vpc "egress" is a egress VPC, not shared-services — point it at a hub VPC with role: shared-services`,
      ]);
    });
  });

  describe('hub/inspection-needs-egress', () => {
    it('passes egress without inspection', () => {
      expect(ruleProblems('hub/inspection-needs-egress', base)).toEqual([]);
    });

    it('fails inspection without egress', () => {
      const texts = change(base, DEV, '  egress: { vpc: egress }\n', '  inspection: { vpc: egress }\n');
      expect(ruleProblems('hub/inspection-needs-egress', texts)).toEqual([
        `${at(texts, DEV, 'inspection:')}: networkHub.inspection inspects the path to the internet, but there is no egress — add networkHub.egress`,
      ]);
    });
  });

  describe('hub/role-vpc-used', () => {
    it('passes an egress VPC that networkHub.egress uses', () => {
      expect(ruleProblems('hub/role-vpc-used', base)).toEqual([]);
    });

    it('fails an egress VPC nothing uses', () => {
      const texts = change(base, DEV, '  egress: { vpc: egress }\n', '');
      expect(ruleProblems('hub/role-vpc-used', texts)).toEqual([
        `${at(texts, DEV, 'role: egress')}: networkHub.vpcs.egress.role is egress, but networkHub.egress does not use this VPC — set networkHub.egress.vpc: egress, or change the role`,
      ]);
    });
  });

  describe('hub/role-vpc-tiers', () => {
    it('passes an egress VPC with public and app tiers', () => {
      expect(ruleProblems('hub/role-vpc-tiers', base)).toEqual([]);
    });

    it('fails an egress VPC without a public tier', () => {
      const texts = change(base, DEV, 'subnets: { public: 28, app: 28 }', 'subnets: { app: 28 }');
      expect(ruleProblems('hub/role-vpc-tiers', texts)).toEqual([
        `${at(texts, DEV, 'subnets: { app: 28 }')}: networkHub.vpcs.egress.subnets has no public tier, which holds the NAT gateways of a egress VPC — add subnets.public`,
      ]);
    });
  });
});

describe('endpoint rules', () => {
  const withServices = (services: string) =>
    change(base, DEV, 'vpc: { cidr: 10.17.0.0/16 }', `vpc: { cidr: 10.17.0.0/16, localInterfaceEndpoints: ${services} }`);

  describe('endpoints/services-supported', () => {
    it('passes supported services', () => {
      expect(ruleProblems('endpoints/services-supported', withServices('[ssm, ecr.api]'))).toEqual([]);
    });

    it('fails an unknown service, suggesting the nearest', () => {
      const texts = withServices('[ssm, ecr-api]');
      expect(ruleProblems('endpoints/services-supported', texts)).toEqual([
        `${at(texts, DEV, 'ecr-api')}: accounts.payments-dev.vpc.localInterfaceEndpoints.1 "ecr-api" is not an interface endpoint service the landing zone supports — use one of: ec2, ec2messages, ecr.api, ecr.dkr, ecs, ecs-agent, ecs-telemetry, elasticloadbalancing, events, execute-api, kms, lambda, logs, monitoring, secretsmanager, sns, sqs, ssm, ssmmessages, states, sts, xray (did you mean ecr.api?)`,
      ]);
    });
  });

  describe('endpoints/services-listed-once', () => {
    it('passes each service once', () => {
      expect(ruleProblems('endpoints/services-listed-once', withServices('[ssm, sts]'))).toEqual([]);
    });

    it('fails a service listed twice', () => {
      const texts = withServices('[ssm, ssm]');
      expect(ruleProblems('endpoints/services-listed-once', texts)).toEqual([
        `${at(texts, DEV, 'ssm', 2)}: accounts.payments-dev.vpc.localInterfaceEndpoints.1 lists ssm twice — list each service once`,
      ]);
    });
  });

  describe('endpoints/services-centralizable', () => {
    const hubEndpoints = (services: string) =>
      change(
        base,
        DEV,
        '  egress: { vpc: egress }\n',
        `  egress: { vpc: egress }\n  interfaceEndpoints: { vpc: shared, services: ${services} }\n`,
      );

    it('passes services a hub private hosted zone can serve', () => {
      expect(ruleProblems('endpoints/services-centralizable', hubEndpoints('[ssm, ecr.api]'))).toEqual([]);
    });

    it('fails ecs-agent in the hub', () => {
      const texts = hubEndpoints('[ssm, ecs-agent]');
      expect(ruleProblems('endpoints/services-centralizable', texts)).toEqual([
        `${at(texts, DEV, 'ecs-agent')}: networkHub.interfaceEndpoints.services.1 ecs-agent cannot be centralized with a private hosted zone: its names (ecs-a-*.<region>.amazonaws.com) share the regional domain — remove it here and list it in localInterfaceEndpoints of the spokes that need it`,
      ]);
    });
  });
});
