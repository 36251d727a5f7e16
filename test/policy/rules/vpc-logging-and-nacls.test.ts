import { cdktfStack, findingsOf, planStack, summarize } from '../support';

const vpc = { main: { cidr_block: '10.0.0.0/16' } };

describe('LZ-NET-005 (CKV2_AWS_11): every VPC has flow logs', () => {
  it('passes a VPC with a flow log of ALL traffic', () => {
    const stack = cdktfStack({ aws_vpc: vpc, aws_flow_log: { main: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL' } } });
    expect(findingsOf('LZ-NET-005', stack)).toEqual([]);
  });

  it('passes a VPC with separate ACCEPT and REJECT flow logs', () => {
    const stack = cdktfStack({
      aws_vpc: vpc,
      aws_flow_log: {
        accepted: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ACCEPT' },
        rejected: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'REJECT' },
      },
    });
    expect(findingsOf('LZ-NET-005', stack)).toEqual([]);
  });

  it('fails a VPC without flow logs', () => {
    const stack = cdktfStack({
      aws_vpc: { ...vpc, other: { cidr_block: '10.1.0.0/16' } },
      aws_flow_log: { main: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL' } },
    });
    expect(summarize(findingsOf('LZ-NET-005', stack))).toEqual(['aws_vpc.other: has no aws_flow_log']);
  });

  it('fails a VPC whose flow log records rejected traffic only', () => {
    const stack = cdktfStack({ aws_vpc: vpc, aws_flow_log: { main: { vpc_id: '${aws_vpc.main.id}', traffic_type: 'REJECT' } } });
    expect(summarize(findingsOf('LZ-NET-005', stack))).toEqual(['aws_vpc.main: has flow logs of REJECT traffic only']);
  });

  it('matches flow logs to VPCs through plan references', () => {
    const withLog = planStack([
      { type: 'aws_vpc', name: 'main', values: {} },
      { type: 'aws_flow_log', name: 'main', values: { traffic_type: 'ALL' }, references: { vpc_id: ['aws_vpc.main'] } },
    ]);
    const withoutLog = planStack([{ type: 'aws_vpc', name: 'main', values: {} }]);
    expect(findingsOf('LZ-NET-005', withLog)).toEqual([]);
    expect(findingsOf('LZ-NET-005', withoutLog).map((finding) => [finding.rule, finding.checkov])).toEqual([['LZ-NET-005', 'CKV2_AWS_11']]);
  });
});

describe('LZ-NET-006 (CKV_AWS_352): no NACL allows every port from anywhere', () => {
  const entry = (overrides: Record<string, unknown>) => ({
    rule_no: 100,
    action: 'allow',
    protocol: 'tcp',
    from_port: 443,
    to_port: 443,
    cidr_block: '0.0.0.0/0',
    ...overrides,
  });

  it('passes a NACL that allows 443 and ephemeral ports from anywhere', () => {
    const stack = cdktfStack({
      aws_network_acl: {
        public: { vpc_id: '${aws_vpc.main.id}', ingress: [entry({}), entry({ rule_no: 110, from_port: 1024, to_port: 65535 })] },
      },
    });
    expect(findingsOf('LZ-NET-006', stack)).toEqual([]);
  });

  it('passes a NACL that denies every port from anywhere', () => {
    const stack = cdktfStack({
      aws_network_acl: { public: { ingress: [entry({ action: 'deny', protocol: '-1', from_port: 0, to_port: 0 })] } },
    });
    expect(findingsOf('LZ-NET-006', stack)).toEqual([]);
  });

  it('fails an inline ingress entry allowing protocol -1 from 0.0.0.0/0', () => {
    const stack = cdktfStack({ aws_network_acl: { public: { ingress: [entry({ protocol: '-1', from_port: 0, to_port: 0 })] } } });
    expect(summarize(findingsOf('LZ-NET-006', stack))).toEqual([
      'aws_network_acl.public: ingress[0] allows ingress from 0.0.0.0/0 to every port (protocol -1)',
    ]);
  });

  it('fails an aws_network_acl_rule allowing tcp 0-65535 from ::/0', () => {
    const rule = { network_acl_id: '${aws_network_acl.public.id}', rule_number: 100, egress: false, rule_action: 'allow', protocol: 'tcp' };
    const stack = cdktfStack({
      aws_network_acl_rule: {
        open: { ...rule, from_port: 0, to_port: 65535, ipv6_cidr_block: '::/0' },
        outbound: { ...rule, egress: true, from_port: 0, to_port: 65535, cidr_block: '0.0.0.0/0' },
      },
    });
    expect(findingsOf('LZ-NET-006', stack).map((finding) => finding.address)).toEqual(['aws_network_acl_rule.open']);
  });

  it('fails an inline tcp entry with ports -1..-1 from anywhere, which means every port', () => {
    const stack = cdktfStack({ aws_network_acl: { public: { ingress: [entry({ from_port: -1, to_port: -1 })] } } });
    expect(summarize(findingsOf('LZ-NET-006', stack))).toEqual([
      'aws_network_acl.public: ingress[0] allows ingress from 0.0.0.0/0 to every port (protocol tcp)',
    ]);
  });

  it('passes a tcp entry with ports -1..-1 that denies', () => {
    const stack = cdktfStack({ aws_network_acl: { public: { ingress: [entry({ action: 'deny', from_port: -1, to_port: -1 })] } } });
    expect(findingsOf('LZ-NET-006', stack)).toEqual([]);
  });

  it('fails an aws_network_acl_rule with protocol -1 from anywhere in a plan', () => {
    const stack = planStack([
      {
        type: 'aws_network_acl_rule',
        name: 'open',
        values: { egress: false, rule_action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' },
      },
    ]);
    expect(findingsOf('LZ-NET-006', stack)).toHaveLength(1);
  });
});
