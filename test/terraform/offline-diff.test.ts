import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planModulesAgainstStates } from '../../pipeline/offline-diff/batch-diff';
import { buildBaseStates } from '../../pipeline/offline-diff/plan-against-base';
import type { PlanJson } from '../../pipeline/plan-json';
import { renderSummary, summarizePlan, type StackSummary } from '../../pipeline/summary';
import { synthesizeModel } from '../../pipeline/synth-output';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';
import type { ConfigText } from '../../model/load';
import { edit, sampleModel, sampleTexts } from '../support/config';

/*
 * The offline diff with real Terraform and hashicorp/aws 5.100.0: the sample's offline plan of a
 * stack becomes a state, and an edited sample plans against it. Only the stacks each change
 * touches are planned: the legacy-dev spoke (explicit VPC CIDR), the org stack, and payments-prod's
 * workloads (one REST API method changed: issue 14's redeployment).
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-offline-diff-'));
const cli = writeTerraformCliConfig(path.join(root, '.terraform-cli'));
const schemaCacheFile = path.join(root, 'provider-schemas.json');
const DEV = 'environments/dev.yaml';
const ORG = 'environments/org.yaml';
const SPOKE = 'dev-spoke-legacy-dev';
const PAYMENTS = 'environments/prod/payments-prod.yaml';
const WORKLOADS = 'prod-workloads-payments-prod';

/** Synthesizes only `stacks` of the edited sample (a stack's Terraform does not depend on the others being there). */
function synth(name: string, texts: readonly ConfigText[], stacks: readonly string[]): string {
  const outdir = path.join(root, name);
  const model = sampleModel([...texts]);
  const plans = model.stacks.filter((plan) => stacks.includes(plan.name)).map((plan) => ({ ...plan, dependsOn: [] }));
  synthesizeModel({ ...model, stacks: plans }, { mode: 'offline', outdir, stateDir: path.join(outdir, 'live-state') });
  return outdir;
}

const stackDir = (outdir: string, stack: string) => path.join(outdir, 'stacks', stack);

/** The head plan of each case by case name, its plan JSON kept for the tests that read it. */
const headPlans = new Map<string, PlanJson>();

const actions = (summary: StackSummary) => summary.changes.map((change) => `${change.action} ${change.address}`);

const texts = sampleTexts();
const changed = edit(
  edit(texts, DEV, (doc) => doc.setIn(['accounts', 'legacy-dev', 'vpc', 'cidr'], '10.19.16.0/20')),
  PAYMENTS,
  (doc) => doc.setIn(['serverless', 'restApis', 'payments', 'routes', 'get-payment', 'apiKeyRequired'], false),
);
/** One org plan for three edits: an account tagged, one removed (with its peering) and one added. */
const accountsChanged = edit(
  edit(texts, ORG, (doc) => doc.setIn(['accounts', 'security', 'tags'], { Owner: 'secops' })),
  DEV,
  (doc) => {
    doc.deleteIn(['accounts', 'legacy-dev']);
    doc.deleteIn(['peerings', 'legacy-to-payments']);
    doc.setIn(['accounts', 'sandbox-dev'], { email: 'aws+sandbox-dev@acme.example', ou: 'NonProd' });
  },
);

let results: Record<'noop' | 'cidr' | 'accounts' | 'removedSpoke' | 'method', StackSummary>;

beforeAll(async () => {
  const [base, head, withAccountsChanged] = [
    synth('base', texts, [SPOKE, 'org', WORKLOADS]),
    synth('changed', changed, [SPOKE, WORKLOADS]),
    synth('accounts', accountsChanged, ['org']),
  ];
  // The base stacks in one root, planned and settled together; then every case in one head root,
  // each against a copy of its stack's base state.
  const states = await buildBaseStates({
    dir: path.join(base, 'batches', 'diff-base'),
    modules: [SPOKE, 'org', WORKLOADS].map((name) => ({ name, dir: stackDir(base, name) })),
    env: cli.env,
    schemaCacheFile,
  });
  const cases = [
    { name: 'noop', stack: 'org', dir: stackDir(base, 'org') },
    { name: 'cidr', stack: SPOKE, dir: stackDir(head, SPOKE) },
    { name: 'accounts', stack: 'org', dir: stackDir(withAccountsChanged, 'org') },
    { name: 'removedSpoke', stack: SPOKE, dir: stackDir(base, SPOKE), removed: true },
    { name: 'method', stack: WORKLOADS, dir: stackDir(head, WORKLOADS) },
  ] as const;
  const copyOf = (stack: string) => structuredClone(states.get(stack)!);
  const plan = await planModulesAgainstStates({
    dir: path.join(head, 'batches', 'diff-head'),
    modules: cases,
    states: new Map(cases.map((entry) => [entry.name, copyOf(entry.stack)])),
    env: cli.env,
  });
  for (const entry of cases) headPlans.set(entry.name, plan.plans.get(entry.name)!);
  const summary = (name: string) => summarizePlan({ file: `${name}/plan.json`, plan: headPlans.get(name)!, stack: name });
  results = {
    noop: summary('noop'),
    cidr: summary('cidr'),
    accounts: summary('accounts'),
    removedSpoke: summary('removedSpoke'),
    method: summary('method'),
  };
}, 900_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('offline diff against the base', () => {
  describe('with no change', () => {
    it('plans no changes', () => {
      expect(actions(results.noop)).toEqual([]);
      expect(results.noop.outputs).toEqual([]);
      expect(results.noop.counts).toEqual({ add: 0, change: 0, destroy: 0, replace: 0 });
    });
  });

  describe('with a VPC CIDR change', () => {
    it('replaces the VPC, forced by cidr_block', () => {
      const vpc = results.cidr.changes.find((change) => change.address.startsWith('aws_vpc.'));
      expect(vpc).toMatchObject({ action: 'replace', forcedBy: ['cidr_block'] });
    });

    it('replaces the subnets that reference it, and creates nothing that is not a replacement', () => {
      const subnets = results.cidr.changes.filter((change) => change.address.startsWith('aws_subnet.'));
      expect(subnets.length).toBeGreaterThan(0);
      expect(subnets.every((change) => change.action === 'replace')).toBe(true);
      expect(results.cidr.changes.filter((change) => change.action === 'create')).toEqual([]);
    });

    it('shows the replacement and its forcing attribute in the Markdown summary', () => {
      const markdown = renderSummary([
        {
          file: 'plan.json',
          plan: headPlans.get('cidr')!,
          stack: SPOKE,
        },
      ]);
      expect(markdown).toMatch(/-\/\+.*aws_vpc\.[^`]+` — forced by `cidr_block`/);
    });
  });

  describe('with an account tagged, one removed and one added', () => {
    const changes = (action: string) => results.accounts.changes.filter((change) => change.action === action);

    it('updates the tagged account in place and replaces nothing', () => {
      expect([...changes('update'), ...changes('replace')].map((change) => `${change.action} ${change.address}`)).toEqual([
        expect.stringMatching(/^update aws_organizations_account\.[^ ]*security/),
      ]);
    });

    it('destroys the removed account, listed first', () => {
      expect(results.accounts.changes[0]).toMatchObject({ action: 'delete' });
      expect(changes('delete').some((change) => /^aws_organizations_account\..*legacy/.test(change.address))).toBe(true);
      expect(changes('delete').every((change) => /legacy/.test(change.address))).toBe(true);
    });

    it('only creates for the added account', () => {
      expect(changes('create').some((change) => /^aws_organizations_account\..*sandbox/.test(change.address))).toBe(true);
      expect(changes('create').filter((change) => !/sandbox/.test(change.address))).toEqual([]);
    });
  });

  describe('with an account removed', () => {
    it('lists every resource of its removed spoke stack as a destroy', () => {
      expect(results.removedSpoke.changes.length).toBeGreaterThan(10);
      expect(results.removedSpoke.changes.every((change) => change.action === 'delete')).toBe(true);
    });
  });

  describe('with one REST API method changed (issue 14)', () => {
    const paymentsApi = (type: string) => (change: { address: string }) =>
      change.address.startsWith(`${type}.`) && /payments/.test(change.address);
    const headPlan = () => headPlans.get('method') as any;

    it('updates the method in place', () => {
      const methods = results.method.changes.filter(paymentsApi('aws_api_gateway_method'));
      expect(methods.map((change) => change.action)).toEqual(['update']);
      expect(methods[0].address).toMatch(/get-payment/);
    });

    it('replaces the deployment, the new one created before the old one is destroyed', () => {
      const deployments = results.method.changes.filter(paymentsApi('aws_api_gateway_deployment'));
      expect(deployments.map((change) => change.action)).toEqual(['replace']);
      const planned = headPlan().resource_changes.find((change: { address: string }) => change.address === deployments[0].address);
      expect(planned.change.actions).toEqual(['create', 'delete']);
      expect(planned.change.replace_paths).toContainEqual(['triggers']);
    });

    it('updates the stage to the new deployment instead of leaving it on the old one', () => {
      const stages = results.method.changes.filter(paymentsApi('aws_api_gateway_stage'));
      expect(stages.map((change) => change.action)).toEqual(['update']);
      const planned = headPlan().resource_changes.find((change: { address: string }) => change.address === stages[0].address);
      expect(planned.change.after_unknown.deployment_id).toBe(true);
    });

    it('changes nothing else in the stack', () => {
      const others = results.method.changes.filter(
        (change) =>
          !['aws_api_gateway_method', 'aws_api_gateway_deployment', 'aws_api_gateway_stage'].some((type) => paymentsApi(type)(change)),
      );
      expect(others.map((change) => `${change.action} ${change.address}`)).toEqual([]);
    });
  });
});
