import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocuments, errorCount } from '../../policy/report';
import { checkSynthesizedStacks, enforcePolicy, PolicyViolationError, readSynthesizedStacks } from '../../policy/synthesized';
import { sampleModel } from '../support/config';
import { synthesize, type StackJson } from '../support/synth';

const model = sampleModel();

function firstName(stack: StackJson, type: string): string {
  const names = Object.keys(stack.resource?.[type] ?? {});
  if (names.length === 0) throw new Error(`the stack has no ${type}`);
  return names[0];
}

function rewrite(outdir: string, stackName: string, change: (stack: StackJson) => void): void {
  const file = path.join(outdir, 'stacks', stackName, 'cdk.tf.json');
  const stack = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(stack);
  fs.writeFileSync(file, JSON.stringify(stack, null, 2));
}

describe('policy pack on the synthesized sample organization', () => {
  const clean = synthesize(model);

  it('checks every stack', () => {
    expect(checkSynthesizedStacks(clean.output, model).stacks).toEqual(Object.keys(clean.stacks).sort());
  });

  it('passes every rule', () => {
    const report = checkSynthesizedStacks(clean.output, model);
    expect(report.findings).toEqual([]);
    expect(errorCount(report)).toBe(0);
  });
});

describe('violations injected into the synthesized sample', () => {
  const { outdir, output } = synthesize(model);
  const spoke = 'dev-spoke-payments-dev';
  const hub = 'dev-network-hub';

  rewrite(outdir, spoke, (stack) => {
    const vpc = firstName(stack, 'aws_vpc');
    delete stack.resource.aws_default_security_group;
    delete stack.resource.aws_flow_log;
    stack.resource.aws_security_group = {
      ...stack.resource.aws_security_group,
      injected_web: { vpc_id: `\${aws_vpc.${vpc}.id}`, name: 'web' },
    };
    stack.resource.aws_security_group_rule = {
      ...stack.resource.aws_security_group_rule,
      injected_ssh: {
        type: 'ingress',
        security_group_id: '${aws_security_group.injected_web.id}',
        protocol: 'tcp',
        from_port: 22,
        to_port: 22,
        cidr_blocks: ['0.0.0.0/0'],
      },
    };
    stack.resource.aws_network_acl = {
      ...stack.resource.aws_network_acl,
      injected_open: {
        vpc_id: `\${aws_vpc.${vpc}.id}`,
        ingress: [{ rule_no: 100, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' }],
      },
    };
  });
  rewrite(outdir, hub, (stack) => {
    const group = stack.resource.aws_default_security_group[firstName(stack, 'aws_default_security_group')];
    group.ingress = [{ protocol: '-1', from_port: 0, to_port: 0, self: true }];
  });
  rewrite(outdir, 'org', (stack) => {
    const account = stack.resource.aws_organizations_account[firstName(stack, 'aws_organizations_account')];
    account.close_on_deletion = true;
    delete account.lifecycle;
  });
  const report = checkSynthesizedStacks(output, model);
  const fired = (stack: string) =>
    report.findings
      .filter((finding) => finding.stack === stack)
      .map((finding) => `${finding.rule} ${finding.checkov ?? '-'} ${finding.address.split('.')[0]}`)
      .sort();

  it('fires SSH-from-anywhere, default-SG, flow-log and NACL rules with their ids on the spoke', () => {
    expect(fired(spoke)).toEqual([
      'LZ-NET-001 CKV_AWS_24 aws_security_group_rule',
      'LZ-NET-004 CKV2_AWS_12 aws_vpc',
      'LZ-NET-005 CKV2_AWS_11 aws_vpc',
      'LZ-NET-006 CKV_AWS_352 aws_network_acl',
    ]);
  });

  it('fires the default-SG rule on a hub whose default security group has rules', () => {
    expect(fired(hub)).toEqual(['LZ-NET-004 CKV2_AWS_12 aws_default_security_group']);
  });

  it('fires the account rule twice on an account Terraform could close and destroy', () => {
    expect(report.findings.filter((finding) => finding.stack === 'org').map((finding) => finding.detail)).toEqual([
      'has close_on_deletion = true',
      'has no lifecycle prevent_destroy',
    ]);
  });

  it('leaves the stacks it did not touch clean', () => {
    expect(fired('prod-spoke-orders-prod')).toEqual([]);
  });

  it('fails the synth: enforcePolicy prints each finding and throws', () => {
    const lines: string[] = [];
    expect(() => enforcePolicy(output, model, (line) => lines.push(line))).toThrow(PolicyViolationError);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^dev-spoke-payments-dev aws_security_group_rule\.injected_ssh: LZ-NET-001 \(CKV_AWS_24\) No security group ingress from 0\.0\.0\.0\/0 or ::\/0 to port 22 \(SSH\) — /,
      ),
    );
  });

  it('lets a configured waiver accept one finding, which is then reported as waived', () => {
    const waiver = {
      rule: 'LZ-NET-001',
      stack: spoke,
      resource: 'aws_security_group_rule.injected_*',
      reason: 'Test waiver for the injected SSH rule',
      expires: '2999-12-31',
    };
    const waived = checkDocuments(readSynthesizedStacks(output), { waivers: [waiver] });
    expect(waived.waived.map(({ finding }) => finding.address)).toEqual(['aws_security_group_rule.injected_ssh']);
    expect(waived.findings.some((finding) => finding.rule === 'LZ-NET-001')).toBe(false);
  });
});
