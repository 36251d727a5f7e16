import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { Testing } from 'cdktf';
import { GLOBAL_SERVICE_ACTIONS } from '../../modules/organization/guardrail-documents';
import { GuardrailPolicies } from '../../modules/organization/guardrail-policies';
import { MemberAccount } from '../../modules/organization/member-account';
import { OrganizationalUnits } from '../../modules/organization/organizational-units';

type Json = Record<string, any>;

function parse(synthesized: string): Json {
  return JSON.parse(synthesized);
}

describe('member account', () => {
  const synthesized = Testing.synthScope((scope) => {
    new MemberAccount(scope, 'payments', {
      accountName: 'payments',
      email: 'aws+payments@acme.example',
      parentId: 'ou-1',
      roleName: 'OrganizationAccountAccessRole',
    });
  });

  it('can never be closed or destroyed by accident', () => {
    expect(synthesized).toHaveResourceWithProperties(OrganizationsAccount, {
      name: 'payments',
      email: 'aws+payments@acme.example',
      parent_id: 'ou-1',
      role_name: 'OrganizationAccountAccessRole',
      close_on_deletion: false,
      lifecycle: { prevent_destroy: true, ignore_changes: ['role_name', 'iam_user_access_to_billing'] },
    });
  });

  it('writes no import block for a new account', () => {
    expect(parse(synthesized).import).toBeUndefined();
  });

  it('adopts an existing account with an import block', () => {
    const adopted = parse(
      Testing.synthScope((scope) => {
        new MemberAccount(scope, 'payments', {
          accountName: 'payments',
          email: 'a@b.example',
          parentId: 'ou-1',
          roleName: 'r',
          importAccountId: '123456789012',
        });
      }),
    );
    expect(adopted.import).toEqual([{ id: '123456789012', to: expect.stringMatching(/^aws_organizations_account\.payments_account_/) }]);
  });
});

describe('organizational units', () => {
  it('places top-level OUs under the root and children under their parent', () => {
    const json = parse(
      Testing.synthScope((scope) => {
        new OrganizationalUnits(scope, 'ous', { rootId: 'r-ab12', units: [{ name: 'Workloads' }, { name: 'Prod', parent: 'Workloads' }] });
      }),
    );
    const units = Object.values(json.resource.aws_organizations_organizational_unit) as Json[];
    expect(units.find((unit) => unit.name === 'Workloads')!.parent_id).toBe('r-ab12');
    expect(units.find((unit) => unit.name === 'Prod')!.parent_id).toMatch(
      /^\$\{aws_organizations_organizational_unit\.ous_Workloads_[0-9A-F]+\.id\}$/,
    );
  });

  it('refuses a parent listed after its child', () => {
    expect(() =>
      Testing.synthScope(
        (scope) =>
          void new OrganizationalUnits(scope, 'ous', {
            rootId: 'r-ab12',
            units: [{ name: 'Prod', parent: 'Workloads' }, { name: 'Workloads' }],
          }),
      ),
    ).toThrow('OrganizationalUnits: parent Workloads of Prod is unknown or listed after it; list parents first');
  });

  it('is created with the expected resource type', () => {
    const synthesized = Testing.synthScope(
      (scope) => void new OrganizationalUnits(scope, 'ous', { rootId: 'r-ab12', units: [{ name: 'Security' }] }),
    );
    expect(synthesized).toHaveResourceWithProperties(OrganizationsOrganizationalUnit, { name: 'Security', parent_id: 'r-ab12' });
  });
});

describe('guardrail policies', () => {
  const json = parse(
    Testing.synthScope((scope) => {
      new GuardrailPolicies(scope, 'guardrails', {
        targets: { Workloads: 'ou-w', Security: 'ou-s' },
        allowedRegions: ['eu-west-1', 'us-east-1'],
        exemptRoleNames: ['Deployer'],
        namePrefix: 'acme-guardrail',
      });
    }),
  );
  const policies = Object.values(json.resource.aws_organizations_policy) as Json[];
  const policy = (name: string) => JSON.parse(policies.find((candidate) => candidate.name === `acme-guardrail-${name}`)!.content);

  it('creates the three SCPs and attaches each to every target OU', () => {
    expect(policies.map((candidate) => candidate.name).sort()).toEqual([
      'acme-guardrail-deny-leaving-organization',
      'acme-guardrail-protect-security-services',
      'acme-guardrail-restrict-regions',
    ]);
    expect(policies.every((candidate) => candidate.type === 'SERVICE_CONTROL_POLICY')).toBe(true);
    const attachments = Object.values(json.resource.aws_organizations_policy_attachment) as Json[];
    expect(attachments).toHaveLength(6);
    expect(attachments.map((attachment) => attachment.target_id).sort()).toEqual(['ou-s', 'ou-s', 'ou-s', 'ou-w', 'ou-w', 'ou-w']);
  });

  it('denies leaving the organization', () => {
    expect(policy('deny-leaving-organization').Statement).toEqual([
      { Sid: 'DenyLeavingOrganization', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
    ]);
  });

  it('denies stopping or deleting CloudTrail, GuardDuty and Config, except for the deploy role', () => {
    const [statement] = policy('protect-security-services').Statement;
    expect(statement.Effect).toBe('Deny');
    expect(statement.Action).toEqual(
      expect.arrayContaining([
        'cloudtrail:StopLogging',
        'cloudtrail:DeleteTrail',
        'guardduty:DeleteDetector',
        'config:StopConfigurationRecorder',
        'config:DeleteConfigurationRecorder',
      ]),
    );
    expect(statement.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/Deployer'] } });
  });

  it('denies regions outside the allow-list, global services excepted', () => {
    const [statement] = policy('restrict-regions').Statement;
    expect(statement.NotAction).toEqual([...GLOBAL_SERVICE_ACTIONS]);
    expect(statement.NotAction).toEqual(expect.arrayContaining(['iam:*', 'organizations:*', 'sts:*', 'route53:*', 'cloudfront:*']));
    expect(statement.Condition.StringNotEquals).toEqual({ 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] });
  });

  it('keeps every policy under the 5,120-character SCP limit', () => {
    for (const candidate of policies) expect(candidate.content.length).toBeLessThanOrEqual(5120);
  });

  it('creates only the guardrails that are switched on', () => {
    const only = Testing.synthScope((scope) => {
      new GuardrailPolicies(scope, 'guardrails', { targets: { Workloads: 'ou-w' }, protectSecurityServices: false });
    });
    expect(Object.keys(parse(only).resource.aws_organizations_policy)).toHaveLength(1);
    expect(only).toHaveResourceWithProperties(OrganizationsPolicy, { name: 'guardrail-deny-leaving-organization' });
  });
});
