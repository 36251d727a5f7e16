import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  environmentOfStack,
  parsePlanJson,
  PlanFileError,
  readPlanFile,
  renderSummary,
  stackFromPlanPath,
} from '../../../pipeline/summary';
import { created, deleted, plan } from './fixtures';

const ROOT = path.join(__dirname, '..', '..', '..');

function summarize(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'summarize.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('plan files', () => {
  describe('that are not plans', () => {
    it('rejects invalid JSON, naming the file', () => {
      expect(() => parsePlanJson('{"format_version": ', 'out/broken.json')).toThrow(/^out\/broken\.json: is not valid JSON \(/);
    });

    it('rejects JSON without format_version, naming the file', () => {
      expect(() => parsePlanJson('{"hello": 1}', 'a.json')).toThrow(
        'a.json: is not a Terraform plan in JSON (expected the output of `terraform show -json <planfile>`): format_version is missing',
      );
    });

    it('recognizes state JSON and says so', () => {
      expect(() => parsePlanJson(JSON.stringify({ format_version: '1.0', values: {} }), 'state.json')).toThrow(
        /state\.json: .*neither planned_values nor resource_changes — this looks like state/,
      );
    });

    it('rejects a resource change without actions, naming the file and the address', () => {
      const text = JSON.stringify(plan([{ address: 'aws_vpc.a', change: {} } as never]));
      expect(() => parsePlanJson(text, 'p.json')).toThrow('p.json: is not a Terraform plan in JSON');
      expect(() => parsePlanJson(text, 'p.json')).toThrow('resource_changes[0] (aws_vpc.a) has no change.actions');
    });

    it('rejects a missing file with a PlanFileError naming it', () => {
      expect(() => readPlanFile('/nonexistent/plan.json')).toThrow(PlanFileError);
      expect(() => readPlanFile('/nonexistent/plan.json')).toThrow('/nonexistent/plan.json: cannot be read (ENOENT)');
    });

    it('are rejected by renderSummary too, before anything is rendered', () => {
      expect(() => renderSummary([{ file: 'x/plan.json', plan: { resource_changes: [] } }])).toThrow(
        'x/plan.json: is not a Terraform plan',
      );
    });
  });

  describe('paths', () => {
    it('give the stack and environment when they are where the pipeline writes plans', () => {
      expect(stackFromPlanPath('/w/cdktf.out/stacks/prod-spoke-orders-prod/plan.json')).toBe('prod-spoke-orders-prod');
      expect(environmentOfStack('prod-spoke-orders-prod')).toBe('prod');
      expect(environmentOfStack('pre-prod-network-hub')).toBe('pre-prod');
      expect(environmentOfStack('org')).toBe('global');
    });

    it("with the organization's environments, group every other stack as organization-wide", () => {
      expect(environmentOfStack('log-archive', ['dev', 'prod'])).toBe('global');
      expect(environmentOfStack('network-ipam', ['dev', 'prod'])).toBe('global');
      expect(environmentOfStack('dev-workloads-orders-dev', ['dev', 'prod'])).toBe('dev');
      expect(environmentOfStack('pre-prod-network-hub', ['pre', 'pre-prod'])).toBe('pre-prod');
    });

    it('group anything else under "other", named by its path', () => {
      expect(stackFromPlanPath('downloads/plan-7.json')).toBe('downloads/plan-7.json');
      expect(environmentOfStack('downloads/plan-7.json')).toBe('other');
      expect(environmentOfStack('workloads-dev')).toBe('other');
    });
  });

  describe('npm run summarize', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-summarize-'));
    const hubFile = path.join(dir, 'stacks', 'dev-network-hub', 'plan.json');
    fs.mkdirSync(path.dirname(hubFile), { recursive: true });
    fs.writeFileSync(hubFile, JSON.stringify(plan([created('aws_vpc.a'), deleted('aws_route.b')])));
    const badFile = path.join(dir, 'not-a-plan.json');
    fs.writeFileSync(badFile, '{"format_version":"1.0","values":{}}');
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('prints Markdown for plan files given on the command line', () => {
      const result = summarize([hubFile]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^## Terraform plan: 1 to add, 0 to change, 1 to destroy\n/);
      expect(result.stdout).toContain('| `dev-network-hub` | 1 | 0 | ⚠ 1 | 0 | 0 |');
    });

    it('prints JSON with --json', () => {
      const result = summarize([hubFile, '--json']);
      expect(JSON.parse(result.stdout).totals).toEqual(
        expect.objectContaining({ add: 1, change: 0, destroy: 1, replace: 0, unchanged: 0, drifted: 0, incomplete: 0 }),
      );
    });

    it('exits 1 with a message naming a file that is not a plan', () => {
      const result = summarize([hubFile, badFile]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`error: ${badFile}: is not a Terraform plan in JSON`);
    });
  });
});
