import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { actionlint } from '../support/actionlint';
import { sampleModel } from '../support/config';
import { synthesize, type Synthesized } from '../support/synth';

const ROOT = path.join(__dirname, '..', '..');
const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly if?: string;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly outputs?: Record<string, string>;
  readonly strategy?: { readonly matrix?: Record<string, unknown>; readonly 'max-parallel'?: number; readonly 'fail-fast'?: boolean };
  readonly env?: Record<string, string>;
  readonly environment?: string | { name: string };
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, any>;
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

function load<T>(file: string): T {
  const doc = parseDocument(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  expect(doc.errors.map((error) => error.message)).toEqual([]);
  return doc.toJS() as T;
}

/** The steps of a job with local composite actions (`uses: ./...`) expanded. */
function expandedSteps(job: Job): Step[] {
  return job.steps.flatMap((step) =>
    step.uses?.startsWith('./') ? load<{ runs: { steps: Step[] } }>(path.join(step.uses, 'action.yml')).runs.steps : [step],
  );
}

function npmRuns(workflow: Workflow): string[] {
  const runs = Object.values(workflow.jobs).flatMap((job) => expandedSteps(job).flatMap((step) => (step.run ? [step.run] : [])));
  return runs.flatMap((run) => [...run.matchAll(/npm run(?:\s+-s)?\s+([\w:-]+)/g)].map((match) => match[1]));
}

const usesOf = (job: Job, action: string) => expandedSteps(job).find((step) => step.uses?.startsWith(`${action}@`));

describe('GitHub workflows', () => {
  const plan = load<Workflow>('.github/workflows/plan.yml');
  const deploy = load<Workflow>('.github/workflows/deploy.yml');

  describe.each([
    ['plan.yml', plan],
    ['deploy.yml', deploy],
  ])('%s', (name, workflow) => {
    it('passes actionlint', async () => {
      const file = path.join('.github', 'workflows', name);
      const problems = await actionlint(fs.readFileSync(path.join(ROOT, file), 'utf8'), file);
      expect(problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`)).toEqual([]);
    });

    it('calls only npm scripts that exist in package.json', () => {
      const called = npmRuns(workflow);
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((script) => !(script in scripts))).toEqual([]);
    });

    it('installs from the lockfile with Node.js 20 and Terraform 1.11.4 in every job', () => {
      for (const job of Object.values(workflow.jobs)) {
        expect(usesOf(job, 'actions/checkout')).toBeDefined();
        expect(usesOf(job, 'actions/setup-node')?.with?.['node-version']).toBe(20);
        expect(usesOf(job, 'hashicorp/setup-terraform')?.with?.terraform_version).toBe('1.11.4');
        expect(expandedSteps(job).some((step) => step.run?.startsWith('npm ci'))).toBe(true);
      }
    });
  });

  describe('plan.yml', () => {
    const { stacks, plan: shards, summary } = plan.jobs;
    const script = String(usesOf(summary, 'actions/github-script')?.with?.script ?? '');
    const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

    it('runs on pull requests, with the history --changed-since needs in the job that decides', () => {
      expect(plan.on).toHaveProperty('pull_request');
      expect(usesOf(stacks, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    });

    it('decides once which stacks changed and how many shards plan them, as job outputs', () => {
      expect(runs(stacks)).toMatch(/npm run plan -- --changed-since "origin\/\$BASE_REF" --list/);
      expect(runs(stacks)).toContain('cdktf.out/plan-matrix.json');
      expect(Object.keys(stacks.outputs ?? {}).sort()).toEqual(['matrix', 'shards', 'stacks']);
    });

    it('plans one shard per matrix job, in parallel up to a limit, skipped when nothing changed', () => {
      expect(shards.needs).toBe('stacks');
      expect(shards.if).toContain("needs.stacks.outputs.shards != '0'");
      expect(shards.strategy?.matrix?.shard).toBe('${{ fromJSON(needs.stacks.outputs.matrix) }}');
      expect(shards.strategy?.['max-parallel']).toBeGreaterThan(1);
      expect(shards.strategy?.['fail-fast']).toBe(false);
      expect(runs(shards)).toContain('npm run plan -- --shard "$SHARD" --changed-since "origin/$BASE_REF" $STACKS');
    });

    it('gives each shard the history to plan offline against the base branch', () => {
      expect(usesOf(shards, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    });

    it("uploads each shard's outcomes and plans, also when the shard fails", () => {
      const upload = usesOf(shards, 'actions/upload-artifact');
      expect(upload?.if).toContain('!cancelled()');
      expect(String(upload?.with?.name)).toBe('plan-shard-${{ matrix.shard }}');
      expect(String(upload?.with?.path)).toContain('cdktf.out/plan-outcomes.json');
      expect(String(upload?.with?.path)).toContain('cdktf.out/stacks/*/plan.json');
    });

    it('merges every shard into one summary after all of them, even when one failed', () => {
      expect(summary.needs).toEqual(['stacks', 'plan']);
      expect(summary.if).toContain('!cancelled()');
      expect(usesOf(summary, 'actions/download-artifact')?.with?.pattern).toBe('plan-*');
      expect(runs(summary)).toContain('npm run -s summarize -- --merge plans/* > cdktf.out/plan-summary.md');
    });

    it('keeps one sticky comment: finds it by a hidden marker and updates it, else creates it', () => {
      expect(plan.permissions?.['pull-requests']).toBe('write');
      expect(script).toContain("'<!-- landing-zone-plan -->'");
      expect(script).toContain("'cdktf.out/plan-summary.md'");
      expect(script).toContain('github.rest.issues.updateComment');
      expect(script).toContain('github.rest.issues.createComment');
      expect(usesOf(summary, 'actions/github-script')?.if).toContain('!cancelled()');
    });
  });

  describe('deploy.yml', () => {
    it('runs on pushes to main with an OIDC token', () => {
      expect(deploy.on.push.branches).toEqual(['main']);
      expect(deploy.permissions?.['id-token']).toBe('write');
    });

    it('gives every job a GitHub environment and assumes a role through OIDC', () => {
      for (const job of Object.values(deploy.jobs)) {
        expect(job.environment).toBeDefined();
        expect(usesOf(job, 'aws-actions/configure-aws-credentials')?.with?.['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
      }
    });

    it('deploys org first and prod last, behind the prod environment', () => {
      expect(deploy.jobs.org.needs).toBeUndefined();
      expect(ancestors(deploy, 'prod')).toEqual(expect.arrayContaining(['org', 'dev', 'staging']));
      expect(deploy.jobs.prod.environment).toBe('prod');
    });

    describe('against the synthesized sample organization', () => {
      let app: Synthesized;
      beforeAll(() => {
        app = synthesize(sampleModel());
      });
      afterAll(() => app && fs.rmSync(app.outdir, { recursive: true, force: true }));

      it('names only stacks that exist (cdktf fails on a pattern that matches none)', () => {
        const stacks = Object.keys(app.dependencies);
        const unmatched = deploySteps(deploy).flatMap((step) =>
          step.patterns.filter((pattern) => !stacks.some((stack) => globMatches(pattern, stack))),
        );
        expect(unmatched).toEqual([]);
      });

      it('deploys every stack after the stacks it depends on', () => {
        const steps = deploySteps(deploy);
        const deploys = (step: DeployStep, stack: string) => step.patterns.some((pattern) => globMatches(pattern, stack));
        const problems: string[] = [];
        for (const [stack, dependencies] of Object.entries(app.dependencies)) {
          const places = steps.filter((step) => deploys(step, stack));
          if (places.length === 0) problems.push(`${stack} is never deployed`);
          for (const place of places) {
            for (const dependency of dependencies) {
              const orderedByCdktf = deploys(place, dependency) && !place.ignoresDependencies;
              const earlier = steps.some(
                (step) =>
                  deploys(step, dependency) &&
                  (ancestors(deploy, place.job).includes(step.job) || (step.job === place.job && step.index < place.index)),
              );
              if (!orderedByCdktf && !earlier) problems.push(`${place.job}: ${stack} may be deployed before its dependency ${dependency}`);
            }
          }
        }
        expect(problems).toEqual([]);
      });
    });
  });
});

function ancestors(workflow: Workflow, job: string): string[] {
  const needs = workflow.jobs[job].needs;
  const direct = needs === undefined ? [] : Array.isArray(needs) ? needs : [needs];
  return [...new Set(direct.flatMap((parent) => [parent, ...ancestors(workflow, parent)]))];
}

interface DeployStep {
  readonly job: string;
  readonly index: number;
  /** Stack names and globs, with the workflow's and job's env variables expanded. */
  readonly patterns: string[];
  /** With --ignore-missing-stack-dependencies cdktf runs the stacks without ordering them. */
  readonly ignoresDependencies: boolean;
}

function deploySteps(workflow: Workflow): DeployStep[] {
  return Object.entries(workflow.jobs).flatMap(([job, { steps, env }]) =>
    steps.flatMap((step, index) => {
      const match = /npm run deploy -- (.*)$/m.exec(step.run ?? '');
      if (!match) return [];
      const variables: Record<string, string> = { ...workflow.env, ...env };
      const words = match[1]
        .replace(/\$\{?(\w+)\}?/g, (_, name: string) => variables[name] ?? '')
        .split(/\s+/)
        .filter(Boolean);
      const patterns = words.filter((word) => !word.startsWith('-')).map((word) => word.replace(/^['"]|['"]$/g, ''));
      return [{ job, index, patterns, ignoresDependencies: words.includes('--ignore-missing-stack-dependencies') }];
    }),
  );
}

/** cdktf matches stack names with globs; stack names have no slashes, so `*` and `?` are enough here. */
function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(name);
}
