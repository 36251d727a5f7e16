import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
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
  ])('%s', (_name, workflow) => {
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
    const job = plan.jobs.plan;
    const script = String(usesOf(job, 'actions/github-script')?.with?.script ?? '');

    it('runs on pull requests with the history --changed-since needs', () => {
      expect(plan.on).toHaveProperty('pull_request');
      expect(usesOf(job, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    });

    it('plans only the stacks changed since the base branch', () => {
      expect(job.steps.some((step) => /npm run plan -- --changed-since "origin\/\$BASE_REF"/.test(step.run ?? ''))).toBe(true);
    });

    it('keeps one sticky comment: finds it by a hidden marker and updates it, else creates it', () => {
      expect(plan.permissions?.['pull-requests']).toBe('write');
      expect(script).toContain("'<!-- landing-zone-plan -->'");
      expect(script).toContain("'cdktf.out/plan-summary.md'");
      expect(script).toContain('github.rest.issues.updateComment');
      expect(script).toContain('github.rest.issues.createComment');
      expect(usesOf(job, 'actions/github-script')?.if).toContain('!cancelled()');
    });

    it('uploads the summary and plans as artifacts, also when the plan fails', () => {
      const upload = usesOf(job, 'actions/upload-artifact');
      expect(upload?.if).toContain('!cancelled()');
      expect(String(upload?.with?.path)).toContain('cdktf.out/stacks/*/plan.json');
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
