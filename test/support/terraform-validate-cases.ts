import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { App, TerraformStack } from 'cdktf';
import { batchRootJson } from '../../pipeline/plan-batch-json';
import { terraformInit } from '../../pipeline/terraform';
import { writeTerraformCliConfig } from '../../pipeline/terraform-cli-config';
import { addOfflineProviders } from './terraform-validate';

/*
 * `terraform validate` of many module configurations in one Terraform run. Each case is a stack of
 * its own and every stack is a module of one root, as the offline plan batches them
 * (pipeline/plan-batch.ts): one init, one load of the AWS provider schema and one validate walk,
 * instead of one each per case.
 *
 * Every case's stack is synthesized with the offline providers `aws` and `network`
 * (addOfflineProviders), so its build can pass `network` to a module. Those provider blocks are
 * moved to the root and passed to each module (`providers`), so the whole run starts two provider
 * processes, not two per case (each is ~110 MB and a second of CPU to start). A case whose stack
 * declares other providers stays a module with its own provider blocks.
 *
 * Each diagnostic names the file it is about (`stacks/<case>/cdk.tf.json`), so it is charged to its
 * case. A case passes only when it took part in a validate run that reported no error at all: when
 * some cases fail, they are taken out of the root and the others are validated again, so an error
 * that stops Terraform early (before it reached every module) cannot let a case pass unchecked.
 */

export interface ValidateCase {
  /** Module name in the root and folder under stacks/: lowercase letters, digits and hyphens. */
  readonly name: string;
  /** The spec title of the case's test: what is valid for the real provider schema. */
  readonly title: string;
  /** Adds the resources to validate; the stack already has the offline providers `aws` and `network`. */
  readonly build: (stack: TerraformStack) => void;
}

/** One entry of `terraform validate -json`'s `diagnostics`. */
export interface ValidateDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number; readonly column: number } };
  readonly snippet?: { readonly context?: string | null; readonly code?: string; readonly start_line?: number };
}

export interface CasesValidation {
  /** Errors of each failing case, as Terraform prints them; a case missing here is valid. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  /** Warnings of each case that has any, as Terraform prints them. */
  readonly warnings: ReadonlyMap<string, readonly string[]>;
  /** `terraform validate` runs: 1 when every case is valid, one more per round of failing cases taken out. */
  readonly runs: number;
  /** The root module (main.tf.json, stacks/<case>/). */
  readonly dir: string;
}

const CASE_NAME = /^[a-z][a-z0-9-]*$/;
/** The stack holding only the offline providers, whose blocks the root takes; not a valid case name. */
const PROVIDERS_STACK = '_providers';
/** The alias the root passes to each module besides its default `aws`. */
const NETWORK = 'aws.network';

/** The case a diagnostic belongs to, by the file it points at (or its module address); undefined for none. */
export function caseOfDiagnostic(diagnostic: ValidateDiagnostic, names: readonly string[]): string | undefined {
  const file = diagnostic.range?.filename.split(path.sep).join('/');
  const byFile = file?.match(/(?:^|\/)stacks\/([^/]+)\//)?.[1];
  const byAddress = diagnostic.address?.match(/^module\.([^.[]+)/)?.[1];
  const name = byFile ?? byAddress;
  return name !== undefined && names.includes(name) ? name : undefined;
}

/** A diagnostic as Terraform prints it: severity and summary, where, the line, the detail. */
export function formatDiagnostic(diagnostic: ValidateDiagnostic): string {
  const severity = diagnostic.severity === 'error' ? 'Error' : 'Warning';
  const lines = [`${severity}: ${diagnostic.summary}`];
  const { range, snippet } = diagnostic;
  if (range) lines.push(`  on ${range.filename} line ${range.start.line}${snippet?.context ? `, in ${snippet.context}` : ''}:`);
  if (snippet?.code !== undefined) lines.push(`  ${snippet.start_line ?? range?.start.line}: ${snippet.code}`);
  if (diagnostic.detail) lines.push(diagnostic.detail);
  return lines.join('\n');
}

/**
 * Synthesizes every case as a module of one root, runs `terraform init` and `terraform validate
 * -json` there, and charges each diagnostic to its case. A case whose build throws fails with the
 * exception and is left out of the root; an error no case can be charged with fails every case of
 * that run. Rejects only when synth or init fails, or validate prints no JSON.
 */
export async function validateCases(prefix: string, cases: readonly ValidateCase[]): Promise<CasesValidation> {
  const names = cases.map((entry) => entry.name);
  for (const name of names) {
    if (!CASE_NAME.test(name)) throw new Error(`validate case name ${JSON.stringify(name)}: use lowercase letters, digits and hyphens`);
    if (names.indexOf(name) !== names.lastIndexOf(name)) throw new Error(`validate case name ${name} is used twice`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, string[]>();
  const charge = (map: Map<string, string[]>, name: string, text: string) => {
    const list = map.get(name) ?? [];
    if (!list.includes(text)) map.set(name, [...list, text]);
  };

  const app = new App({ outdir: dir, stackTraces: false });
  addOfflineProviders(new TerraformStack(app, PROVIDERS_STACK));
  for (const { name, build } of cases) {
    const stack = new TerraformStack(app, name);
    addOfflineProviders(stack);
    try {
      build(stack);
    } catch (error) {
      app.node.tryRemoveChild(name);
      charge(errors, name, `the case's build threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  app.synth();
  const providers = readStackJson(dir, PROVIDERS_STACK);
  let remaining = names.filter((name) => !errors.has(name));
  const children = new Map(remaining.map((name) => [name, asChildModule(dir, name, providers)]));

  const { env } = writeTerraformCliConfig(path.join(dir, '.terraform-cli'));
  writeRoot(dir, remaining, children, providers);
  if (remaining.length > 0) await terraformInit(['-input=false', '-no-color', '-backend=false'], dir, env);

  let runs = 0;
  while (remaining.length > 0) {
    writeRoot(dir, remaining, children, providers);
    const diagnostics = await validateJson(dir, env);
    runs += 1;
    const unowned: string[] = [];
    const failing = new Set<string>();
    for (const diagnostic of diagnostics) {
      const owner = caseOfDiagnostic(diagnostic, remaining);
      const text = formatDiagnostic(diagnostic);
      if (owner === undefined) {
        if (diagnostic.severity === 'error') unowned.push(text);
      } else if (diagnostic.severity === 'error') {
        failing.add(owner);
        charge(errors, owner, text);
      } else charge(warnings, owner, text);
    }
    if (failing.size === 0 && unowned.length > 0) {
      const note = 'terraform validate failed with errors no case could be charged with, so this case was not fully checked:';
      for (const name of remaining) for (const text of unowned) charge(errors, name, `${note}\n${text}`);
    }
    if (failing.size === 0) break;
    remaining = remaining.filter((name) => !failing.has(name));
  }
  return { errors, warnings, runs, dir };
}

interface StackJson {
  terraform?: { backend?: unknown; required_providers?: Record<string, { configuration_aliases?: string[] }> };
  provider?: Record<string, unknown[]>;
  output?: Record<string, { sensitive?: boolean }>;
}

interface ChildModule {
  readonly json: StackJson;
  /** Whether it takes the root's providers (else it keeps its own provider blocks). */
  readonly sharesProviders: boolean;
}

function readStackJson(dir: string, name: string): StackJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
}

/**
 * Rewrites a case's stack as a child module: no backend (a child module's backend is ignored, with
 * a warning) and, when its provider blocks are exactly the offline ones, none: it declares the
 * `aws.network` alias it is passed instead.
 */
function asChildModule(dir: string, name: string, providers: StackJson): ChildModule {
  const json = readStackJson(dir, name);
  delete json.terraform?.backend;
  const sharesProviders = isDeepStrictEqual(json.provider, providers.provider);
  if (sharesProviders) {
    delete json.provider;
    const aws = json.terraform?.required_providers?.aws;
    if (aws) aws.configuration_aliases = [NETWORK];
  }
  fs.writeFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  return { json, sharesProviders };
}

function writeRoot(dir: string, names: readonly string[], children: ReadonlyMap<string, ChildModule>, providers: StackJson): void {
  const root = batchRootJson(names.map((name) => ({ name, source: `./stacks/${name}`, json: children.get(name)!.json }))) as {
    module?: Record<string, object>;
  };
  for (const name of names) {
    if (children.get(name)!.sharesProviders) root.module![name] = { ...root.module![name], providers: { aws: 'aws', [NETWORK]: NETWORK } };
  }
  const json = {
    ...root,
    '//': 'Written by test/support/terraform-validate-cases.ts: every validate case as a module of one root, sharing its providers.',
    terraform: { required_providers: providers.terraform?.required_providers },
    provider: providers.provider,
  };
  fs.writeFileSync(path.join(dir, 'main.tf.json'), `${JSON.stringify(json, null, 2)}\n`);
}

/** `terraform validate -json`'s diagnostics; it exits 1 when there are errors, and still prints them. */
function validateJson(dir: string, env: Record<string, string>): Promise<ValidateDiagnostic[]> {
  return new Promise((resolve, reject) => {
    const options = { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 };
    execFile('terraform', ['validate', '-json', '-no-color'], options, (error, stdout, stderr) => {
      try {
        const result = JSON.parse(stdout) as { diagnostics?: ValidateDiagnostic[] };
        resolve(result.diagnostics ?? []);
      } catch {
        reject(new Error(`terraform validate -json in ${dir} printed no JSON (${error?.message ?? 'exit 0'}):\n${stderr}${stdout}`));
      }
    });
  });
}
