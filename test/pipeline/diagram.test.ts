import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Environment, LandingZone, VpcPlan } from '../../model/types';
import { renderTopology, renderTopologyMarkdown } from '../../pipeline/diagram';
import { sampleModel } from '../support/config';

const ROOT = path.join(__dirname, '..', '..');

function vpc(name: string, overrides: Partial<VpcPlan> = {}): VpcPlan {
  return {
    name,
    role: 'workload',
    cidr: '10.1.0.0/16',
    ipv6: false,
    segment: 'nonprod',
    attachToTransitGateway: true,
    ...overrides,
  } as VpcPlan;
}

function environment(
  name: string,
  overrides: Partial<Environment['hub']> = {},
  spokes: VpcPlan[] = [],
  peerings: Environment['peerings'] = [],
) {
  return {
    name,
    region: 'eu-west-1',
    cidr: '10.0.0.0/12',
    hub: {
      accountName: 'network',
      amazonSideAsn: 64512,
      segments: ['nonprod', 'shared'],
      routeTables: ['nonprod', 'shared'],
      vpcs: [vpc('shared-services', { role: 'shared-services', segment: 'shared', cidr: '10.0.0.0/20' })],
      sharedWithAccounts: spokes.map((spoke) => spoke.name),
      ...overrides,
    },
    spokes: spokes.map((spokeVpc) => ({ stackName: `${name}-spoke-${spokeVpc.name}`, accountName: spokeVpc.name, vpc: spokeVpc })),
    peerings,
  } as unknown as Environment;
}

const side = (env: string, vpcName: string, cidr: string) => ({
  environment: env,
  vpcName,
  accountName: vpcName,
  region: 'eu-west-1',
  cidr,
});

const model = {
  organization: { name: 'acme' },
  environments: [
    environment(
      'dev',
      { lattice: { serviceNetworkName: 'acme-dev' } },
      [vpc('orders-dev', { cidr: '10.1.0.0/16' }), vpc('legacy-dev', { cidr: '10.2.0.0/20', attachToTransitGateway: false })],
      [
        {
          name: 'legacy-to-orders',
          requester: side('dev', 'legacy-dev', '10.2.0.0/20'),
          accepter: side('dev', 'orders-dev', '10.1.0.0/16'),
          routeTiers: ['app'],
          allowRemoteDnsResolution: false,
        },
      ],
    ),
    environment(
      'prod',
      {
        routeTables: ['egress', 'inspection', 'prod', 'shared'],
        segments: ['prod', 'shared'],
        egress: { vpcName: 'egress', natGateways: 'per-az' },
        inspection: { vpcName: 'inspection' },
        vpcs: [
          vpc('egress', { role: 'egress', segment: 'egress', cidr: '10.48.16.0/24' }),
          vpc('inspection', { role: 'inspection', segment: 'inspection', cidr: '10.48.17.0/24' }),
        ],
      },
      [vpc('payments-prod', { segment: 'prod', cidr: undefined, ipamNetmask: 18, ipv6: true })],
      [
        {
          name: 'prod-to-dev',
          requester: side('prod', 'payments-prod', '10.49.0.0/18'),
          accepter: side('dev', 'orders-dev', '10.1.0.0/16'),
          routeTiers: ['app'],
          allowRemoteDnsResolution: false,
        },
      ],
    ),
  ],
} as unknown as LandingZone;

describe('topology diagram', () => {
  const diagram = renderTopology(model);

  it('draws each environment as a subgraph with its region and range', () => {
    expect(diagram.startsWith('flowchart LR\n')).toBe(true);
    expect(diagram).toContain('subgraph dev__environment["dev · eu-west-1 · 10.0.0.0/12"]');
    expect(diagram).toContain('subgraph prod__environment["prod · eu-west-1 · 10.0.0.0/12"]');
  });

  it('draws the Transit Gateway with a route table per segment', () => {
    expect(diagram).toContain('subgraph dev__tgw["Transit Gateway · ASN 64512 · account network"]');
    expect(diagram).toContain('dev__rt__nonprod(["route table nonprod"])');
    expect(diagram).toContain('prod__rt__inspection(["route table inspection"])');
  });

  it('draws hub VPCs with their role and CIDR, attached to their route table', () => {
    expect(diagram).toContain('dev__vpc__shared_services["shared-services VPC<br/>10.0.0.0/20"]');
    expect(diagram).toContain('dev__vpc__shared_services --- dev__rt__shared');
  });

  it('groups spokes by segment with their CIDR (or IPAM size), and keeps unattached VPCs apart', () => {
    expect(diagram).toContain(
      'subgraph dev__spokes__nonprod["spokes · segment nonprod"]\n      dev__spoke__orders_dev["orders-dev<br/>10.1.0.0/16"]',
    );
    expect(diagram).toContain('dev__spokes__nonprod --- dev__rt__nonprod');
    expect(diagram).toContain(
      'subgraph dev__spokes__detached["spokes · no TGW attachment"]\n      dev__spoke__legacy_dev["legacy-dev<br/>10.2.0.0/20"]',
    );
    expect(diagram).not.toContain('dev__spokes__detached ---');
    expect(diagram).toContain('prod__spoke__payments_prod["payments-prod<br/>IPAM /18 + IPv6"]');
  });

  it('draws the default route through inspection and egress to the internet', () => {
    expect(diagram).toContain('internet(("Internet"))');
    expect(diagram).toContain('prod__tgw -->|"default route"| prod__vpc__inspection');
    expect(diagram).toContain('prod__vpc__inspection -->|"inspected"| prod__vpc__egress');
    expect(diagram).toContain('prod__vpc__egress -->|"NAT gateways (per-az)"| internet');
    expect(diagram).not.toContain('dev__tgw -->');
  });

  it('draws Lattice and peerings', () => {
    expect(diagram).toContain('dev__lattice[["VPC Lattice service network acme-dev<br/>shared with 2 accounts"]]');
    expect(diagram).toContain('dev__spoke__legacy_dev <-.->|"peering legacy-to-orders"| dev__spoke__orders_dev');
    expect(diagram).toContain('prod__spoke__payments_prod <-.->|"peering prod-to-dev"| dev__spoke__orders_dev');
  });

  describe('of some environments only', () => {
    const prodOnly = renderTopology(model, { environments: ['prod'] });

    it('leaves the others out and shows a peer there as a single node', () => {
      expect(prodOnly).not.toContain('subgraph dev__environment');
      expect(prodOnly).toContain('dev__peer__orders_dev["dev / orders-dev<br/>10.1.0.0/16"]');
      expect(prodOnly).toContain('prod__spoke__payments_prod <-.->|"peering prod-to-dev"| dev__peer__orders_dev');
    });

    it('has no internet node when no drawn environment has egress', () => {
      expect(renderTopology(model, { environments: ['dev'] })).not.toContain('internet');
    });
  });

  it('wraps the diagram in a Markdown page', () => {
    expect(renderTopologyMarkdown(model)).toMatch(/^# Network topology of acme\n[\s\S]*```mermaid\nflowchart LR\n[\s\S]*\n```\n$/);
  });

  describe('of the sample organization', () => {
    it('names every environment and every spoke account', () => {
      const sample = sampleModel();
      const text = renderTopology(sample);
      for (const env of sample.environments) {
        expect(text).toContain(`subgraph ${env.name}__environment[`);
        for (const spoke of env.spokes) expect(text).toContain(`["${spoke.accountName}<br/>`);
      }
    });

    it('is written by npm run diagram to the --output file', () => {
      const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-diagram-')), 'topology.md');
      const result = spawnSync(process.execPath, ['dist/scripts/diagram.js', '--output', output], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(fs.readFileSync(output, 'utf8')).toContain('```mermaid\nflowchart LR\n');
      fs.rmSync(path.dirname(output), { recursive: true, force: true });
    });
  });
});
