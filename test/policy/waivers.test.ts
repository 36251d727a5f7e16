import type { PolicyWaiver } from '../../model/types';
import { checkDocuments, errorCount, formatReport, formatWaiversMarkdown } from '../../policy/report';
import { globMatches } from '../../policy/waivers';
import { cdktfStack } from './support';

const sshRule = {
  type: 'ingress',
  security_group_id: '${aws_security_group.bastion.id}',
  protocol: 'tcp',
  from_port: 22,
  to_port: 22,
  cidr_blocks: ['0.0.0.0/0'],
};
const stack = cdktfStack({ aws_security_group_rule: { bastion_ssh_1A2B3C4D: sshRule } }, 'dev-spoke-payments-dev');
const waiver = (overrides: Partial<PolicyWaiver> = {}): PolicyWaiver => ({
  rule: 'LZ-NET-001',
  stack: 'dev-spoke-payments-dev',
  resource: 'aws_security_group_rule.bastion_ssh_*',
  reason: 'Vendor appliance needs SSH from its SaaS control plane',
  expires: '2030-06-30',
  ...overrides,
});
const check = (waivers: PolicyWaiver[]) => checkDocuments([stack], { waivers, today: '2030-06-30' });

describe('policy waivers', () => {
  it('without a waiver, the finding is an error', () => {
    const report = check([]);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['LZ-NET-001']);
    expect(errorCount(report)).toBe(1);
  });

  it('waives a matching finding (rule, stack, address glob) and reports it separately', () => {
    const report = check([waiver()]);
    expect(report.findings).toEqual([]);
    expect(report.waived.map(({ finding, waiver }) => [finding.address, waiver.reason])).toEqual([
      ['aws_security_group_rule.bastion_ssh_1A2B3C4D', 'Vendor appliance needs SSH from its SaaS control plane'],
    ]);
    expect(errorCount(report)).toBe(0);
  });

  it('applies a waiver for every stack (*) through its last day', () => {
    expect(errorCount(check([waiver({ stack: '*' })]))).toBe(0);
  });

  it('does not apply a waiver for another stack', () => {
    const report = check([waiver({ stack: 'prod-spoke-payments-prod' })]);
    expect(report.findings.map((finding) => finding.stack)).toEqual(['dev-spoke-payments-dev']);
    expect(report.waived).toEqual([]);
    expect(report.unusedWaivers).toHaveLength(1);
  });

  it('does not apply a waiver for another rule or another resource', () => {
    expect(errorCount(check([waiver({ rule: 'LZ-NET-002' })]))).toBe(1);
    expect(errorCount(check([waiver({ resource: 'aws_security_group_rule.web_*' })]))).toBe(1);
  });

  it('reports an expired waiver as an error telling the user to renew or remove it, and applies it no more', () => {
    const report = checkDocuments([stack], { waivers: [waiver({ expires: '2030-06-29' })], today: '2030-06-30' });
    expect(report.waived).toEqual([]);
    expect(report.findings).toHaveLength(1);
    expect(errorCount(report)).toBe(2);
    expect(formatReport(report)).toContain(
      'org.yaml policyWaivers[0] (LZ-NET-001, stack dev-spoke-payments-dev, resource aws_security_group_rule.bastion_ssh_*): expired on 2030-06-29 and no longer applies — renew it with a later expires date after reviewing the exception again, or remove it and fix the finding',
    );
  });

  it('reports a waiver naming a rule that does not exist', () => {
    const report = check([waiver({ rule: 'LZ-NET-099' })]);
    expect(report.waiverProblems.map((problem) => problem.message)).toEqual(['names LZ-NET-099, which is not a policy rule']);
  });

  it('matches globs on whole addresses, with * spanning dots', () => {
    expect(globMatches('aws_security_group_rule.*', 'aws_security_group_rule.a_1')).toBe(true);
    expect(globMatches('*', 'module.net.aws_vpc.main[0]')).toBe(true);
    expect(globMatches('aws_vpc.main', 'aws_vpc.main_2')).toBe(false);
    expect(globMatches('dev-*', 'prod-dev-x')).toBe(false);
  });

  describe('the "Policy waivers" Markdown section', () => {
    it('lists each waived finding with its reason and expiry', () => {
      expect(formatWaiversMarkdown(check([waiver()]))).toBe(
        [
          '### Policy waivers',
          '',
          '| stack | resource | rule | reason | expires |',
          '|---|---|---|---|---|',
          '| dev-spoke-payments-dev | `aws_security_group_rule.bastion_ssh_1A2B3C4D` | LZ-NET-001 (CKV_AWS_24) | Vendor appliance needs SSH from its SaaS control plane | 2030-06-30 |',
          '',
        ].join('\n'),
      );
    });

    it('says when nothing is waived, and lists expired waivers as failing the run', () => {
      const markdown = formatWaiversMarkdown(
        checkDocuments([stack], { waivers: [waiver({ expires: '2020-01-01' })], today: '2030-06-30' }),
      );
      expect(markdown).toContain('No policy findings are waived.');
      expect(markdown).toContain('**Waivers that fail the run**');
      expect(markdown).toContain(
        '- LZ-NET-001 on `dev-spoke-payments-dev` / `aws_security_group_rule.bastion_ssh_*`: expired on 2020-01-01',
      );
    });

    it('escapes pipes in reasons so the table keeps its columns', () => {
      expect(formatWaiversMarkdown(check([waiver({ reason: 'SSH | needed by the vendor' })]))).toContain('SSH \\| needed by the vendor');
    });
  });
});
