import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const vpc = { main: { cidr_block: '10.0.0.0/16' } };

function inlineGroup(ingress: Record<string, unknown>[]) {
  return cdktfStack({ aws_vpc: vpc, aws_security_group: { web: { vpc_id: '${aws_vpc.main.id}', ingress } } });
}

const tcp = (from: number, to: number, cidrs: string[], ipv6: string[] = []) => ({
  protocol: 'tcp',
  from_port: from,
  to_port: to,
  cidr_blocks: cidrs,
  ipv6_cidr_blocks: ipv6,
});

describe('LZ-NET-001 (CKV_AWS_24): no SSH from anywhere', () => {
  it('passes a security group that allows 22 only from a private range', () => {
    expect(findingsOf('LZ-NET-001', inlineGroup([tcp(22, 22, ['10.0.0.0/8'])]))).toEqual([]);
  });

  it('passes 443 from anywhere', () => {
    expect(findingsOf('LZ-NET-001', inlineGroup([tcp(443, 443, ['0.0.0.0/0'])]))).toEqual([]);
  });

  it('fails inline ingress from 0.0.0.0/0 to 22', () => {
    expect(summarize(findingsOf('LZ-NET-001', inlineGroup([tcp(443, 443, ['10.0.0.0/8']), tcp(22, 22, ['0.0.0.0/0'])])))).toEqual([
      'aws_security_group.web: ingress[1] allows ingress from 0.0.0.0/0 to tcp 22',
    ]);
  });

  it('fails a port range that contains 22, from ::/0', () => {
    expect(findingsOf('LZ-NET-001', inlineGroup([tcp(0, 1024, [], ['::/0'])]))).toHaveLength(1);
  });

  it('fails an aws_security_group_rule of type ingress', () => {
    const stack = cdktfStack({
      aws_security_group_rule: {
        ssh: { type: 'ingress', security_group_id: '${aws_security_group.web.id}', ...tcp(22, 22, ['0.0.0.0/0']) },
        egress: { type: 'egress', security_group_id: '${aws_security_group.web.id}', ...tcp(22, 22, ['0.0.0.0/0']) },
      },
    });
    expect(summarize(findingsOf('LZ-NET-001', stack))).toEqual(['aws_security_group_rule.ssh: allows ingress from 0.0.0.0/0 to tcp 22']);
  });

  it('fails an aws_vpc_security_group_ingress_rule, read from a plan', () => {
    const stack = planStack([
      {
        type: 'aws_vpc_security_group_ingress_rule',
        name: 'ssh',
        values: { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' },
      },
    ]);
    expect(findingsOf('LZ-NET-001', stack).map((finding) => [finding.address, finding.checkov])).toEqual([
      ['aws_vpc_security_group_ingress_rule.ssh', 'CKV_AWS_24'],
    ]);
  });

  it('passes an ICMP rule from anywhere, whose "ports" are type and code', () => {
    expect(findingsOf('LZ-NET-001', inlineGroup([{ protocol: 'icmp', from_port: 8, to_port: 30, cidr_blocks: ['0.0.0.0/0'] }]))).toEqual(
      [],
    );
  });
});

describe('LZ-NET-002 (CKV_AWS_25): no RDP from anywhere', () => {
  it('passes 3389 from a private range', () => {
    expect(findingsOf('LZ-NET-002', inlineGroup([tcp(3389, 3389, ['192.168.0.0/16'])]))).toEqual([]);
  });

  it('fails 3389 from anywhere', () => {
    expect(summarize(findingsOf('LZ-NET-002', inlineGroup([tcp(3389, 3389, ['0.0.0.0/0'])])))).toEqual([
      'aws_security_group.web: ingress[0] allows ingress from 0.0.0.0/0 to tcp 3389',
    ]);
  });

  it('fails 3389 from anywhere in a plan', () => {
    const stack = planStack([{ type: 'aws_security_group', name: 'rdp', values: { ingress: [tcp(3389, 3389, ['0.0.0.0/0'])] } }]);
    expect(findingsOf('LZ-NET-002', stack)).toHaveLength(1);
  });
});

describe('LZ-NET-003 (CKV_AWS_277): no every-port ingress from anywhere', () => {
  it('passes protocol -1 from a private range', () => {
    expect(findingsOf('LZ-NET-003', inlineGroup([{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/8'] }]))).toEqual([]);
  });

  it('fails protocol -1 from anywhere', () => {
    expect(
      summarize(findingsOf('LZ-NET-003', inlineGroup([{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }]))),
    ).toEqual(['aws_security_group.web: ingress[0] allows ingress from 0.0.0.0/0 to every protocol and port']);
  });

  it('fails tcp 0-65535 from anywhere', () => {
    expect(findingsOf('LZ-NET-003', inlineGroup([tcp(0, 65535, ['0.0.0.0/0'])]))).toHaveLength(1);
  });

  it('fails an ingress rule resource with ip_protocol -1 from ::/0 in a plan', () => {
    const stack = planStack([
      { type: 'aws_vpc_security_group_ingress_rule', name: 'all', values: { ip_protocol: '-1', cidr_ipv6: '::/0' } },
    ]);
    expect(findingsOf('LZ-NET-003', stack)).toHaveLength(1);
  });
});

describe('LZ-NET-004 (CKV2_AWS_12): the default security group restricts all traffic', () => {
  const emptyDefault = { vpc_id: '${aws_vpc.main.id}', ingress: [], egress: [] };

  it('passes a VPC whose default security group has no rules', () => {
    expect(findingsOf('LZ-NET-004', cdktfStack({ aws_vpc: vpc, aws_default_security_group: { default: emptyDefault } }))).toEqual([]);
  });

  it('fails a VPC without an aws_default_security_group', () => {
    expect(summarize(findingsOf('LZ-NET-004', cdktfStack({ aws_vpc: vpc })))).toEqual([
      'aws_vpc.main: has no aws_default_security_group, so its default security group keeps the AWS rules (all traffic)',
    ]);
  });

  it('fails a default security group with rules', () => {
    const stack = cdktfStack({
      aws_vpc: vpc,
      aws_default_security_group: { default: { ...emptyDefault, egress: [{ protocol: '-1', from_port: 0, to_port: 0 }] } },
    });
    expect(summarize(findingsOf('LZ-NET-004', stack))).toEqual(['aws_default_security_group.default: has 0 ingress and 1 egress rules']);
  });

  it('fails a rule resource added to the default security group', () => {
    const stack = cdktfStack({
      aws_vpc: vpc,
      aws_default_security_group: { default: emptyDefault },
      aws_vpc_security_group_egress_rule: { out: { security_group_id: '${aws_default_security_group.default.id}', ip_protocol: '-1' } },
    });
    expect(summarize(findingsOf('LZ-NET-004', stack))).toEqual([
      'aws_vpc_security_group_egress_rule.out: adds a rule to the default security group aws_default_security_group.default',
    ]);
  });

  it('reads the VPC reference from a plan (vpc_id is unknown until apply)', () => {
    const compliant = planStack([
      { type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16' } },
      {
        type: 'aws_default_security_group',
        name: 'default',
        values: { ingress: [], egress: [] },
        references: { vpc_id: ['aws_vpc.main'] },
      },
    ]);
    const missing = planStack([{ type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16' } }]);
    expect(findingsOf('LZ-NET-004', compliant)).toEqual([]);
    expect(findingsOf('LZ-NET-004', missing).map((finding) => finding.address)).toEqual(['aws_vpc.main']);
  });
});

describe('ports -1..-1 mean every port, as checkov reads them', () => {
  it('fails LZ-NET-003 (CKV_AWS_277) for tcp from_port = to_port = -1 from anywhere', () => {
    expect(summarize(findingsOf('LZ-NET-003', inlineGroup([tcp(-1, -1, ['0.0.0.0/0'])])))).toEqual([
      'aws_security_group.web: ingress[0] allows ingress from 0.0.0.0/0 to tcp every port (-1--1)',
    ]);
  });

  it('fails LZ-NET-001 and LZ-NET-002 for an aws_vpc_security_group_ingress_rule with ports -1 from ::/0', () => {
    const stack = planStack([
      {
        type: 'aws_vpc_security_group_ingress_rule',
        name: 'all',
        values: { ip_protocol: 'tcp', from_port: -1, to_port: -1, cidr_ipv6: '::/0' },
      },
    ]);
    expect(findingsOf('LZ-NET-001', stack)).toHaveLength(1);
    expect(findingsOf('LZ-NET-002', stack)).toHaveLength(1);
  });

  it('passes tcp -1..-1 from a private range', () => {
    expect(findingsOf('LZ-NET-003', inlineGroup([tcp(-1, -1, ['10.0.0.0/8'])]))).toEqual([]);
  });

  it('passes ICMP with type and code -1 from anywhere, whose "ports" are not ports', () => {
    expect(findingsOf('LZ-NET-003', inlineGroup([{ protocol: 'icmp', from_port: -1, to_port: -1, cidr_blocks: ['0.0.0.0/0'] }]))).toEqual(
      [],
    );
  });
});
