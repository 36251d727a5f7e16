import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LandingZone } from '../../model/types';
import type { StackOutcome } from '../../pipeline/run-plan';
import { PLAN_SUMMARY_FILE, writePlanSummary } from '../../pipeline/summary';
import { created, deleted, plan, unchanged } from './summary/fixtures';

const seconds = { init: 0, plan: 0, show: 0 };

describe('plan summary file of a pipeline run', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-summary-file-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  function planned(stack: string, json: Record<string, unknown>): StackOutcome {
    const planJsonFile = path.join(outdir, 'stacks', stack, 'plan.json');
    fs.mkdirSync(path.dirname(planJsonFile), { recursive: true });
    fs.writeFileSync(planJsonFile, JSON.stringify(json));
    return { stack, ok: true, planJsonFile, seconds };
  }

  const model = {
    organization: { name: 'acme' },
    environments: ['dev', 'prod'].map((name) => ({
      name,
      region: 'eu-west-1',
      cidr: '10.0.0.0/12',
      hub: { accountName: 'network', amazonSideAsn: 64512, segments: [], routeTables: [], vpcs: [], sharedWithAccounts: [] },
      spokes: [],
      peerings: [],
    })),
  } as unknown as LandingZone;

  const file = writePlanSummary({
    outdir,
    mode: 'offline',
    model,
    outcomes: [
      planned('dev-spoke-orders-dev', plan([created('aws_subnet.a'), deleted('aws_subnet.b')])),
      planned('prod-network-hub', plan([unchanged('aws_vpc.v')])),
      { stack: 'dev-network-hub', ok: false, error: { step: 'plan', message: 'Error: Invalid reference' }, seconds },
    ],
    changedSince: {
      ref: 'origin/main',
      comparison: { changed: ['dev-spoke-orders-dev', 'prod-network-hub', 'dev-network-hub'], added: [], unchanged: ['org'], removed: [] },
    },
  });
  const text = fs.readFileSync(file, 'utf8');

  it('is written as plan-summary.md in the synth output', () => {
    expect(file).toBe(path.join(outdir, PLAN_SUMMARY_FILE));
    expect(text.split('\n')[0]).toBe('## Terraform plan: 1 to add, 0 to change, 1 to destroy');
  });

  it('reports failed stacks with their Terraform output', () => {
    expect(text).toContain('❌ `dev-network-hub`: terraform plan failed.');
    expect(text).toContain('Error: Invalid reference');
  });

  it('says which stacks --changed-since skipped, and that the plan is offline', () => {
    expect(text).toContain('Not planned, unchanged since `origin/main`: `org`.');
    expect(text).toContain('_Offline plan (no AWS credentials)');
  });

  it('ends with the topology of only the environments whose stacks change', () => {
    const topology = text.slice(text.indexOf('Topology of the environments this change touches'));
    expect(topology).toContain('```mermaid\nflowchart LR');
    expect(topology).toContain('subgraph dev__environment');
    expect(topology).not.toContain('subgraph prod__environment');
  });
});
