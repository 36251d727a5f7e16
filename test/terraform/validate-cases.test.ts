import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { buildLambdaFault } from '../modules/resilience/resilience.validate';
import {
  caseOfDiagnostic,
  formatDiagnostic,
  validateCases,
  type CasesValidation,
  type ValidateDiagnostic,
} from '../support/terraform-validate-cases';

const diagnostic = (overrides: Partial<ValidateDiagnostic>): ValidateDiagnostic => ({ severity: 'error', summary: 'Bad', ...overrides });
const at = (filename: string) => ({ filename, start: { line: 12, column: 9 } });

describe('charging terraform validate diagnostics to validate cases', () => {
  const names = ['tiered-vpc', 'ipam'];

  it('charges a diagnostic to the case whose stacks/<case>/ file it points at', () => {
    expect(caseOfDiagnostic(diagnostic({ range: at('stacks/ipam/cdk.tf.json') }), names)).toBe('ipam');
    expect(caseOfDiagnostic(diagnostic({ range: at('/tmp/lz-x/stacks/tiered-vpc/cdk.tf.json') }), names)).toBe('tiered-vpc');
  });

  it('charges a diagnostic with only a module address to that module', () => {
    expect(caseOfDiagnostic(diagnostic({ address: 'module.ipam.aws_vpc_ipam.ipam' }), names)).toBe('ipam');
  });

  it('charges no case with a diagnostic of the root, of an unknown folder, or without a location', () => {
    expect(caseOfDiagnostic(diagnostic({ range: at('main.tf.json') }), names)).toBeUndefined();
    expect(caseOfDiagnostic(diagnostic({ range: at('stacks/egress-vpc/cdk.tf.json') }), names)).toBeUndefined();
    expect(caseOfDiagnostic(diagnostic({}), names)).toBeUndefined();
  });

  it('prints a diagnostic as Terraform does: summary, file and line with context, code, detail', () => {
    const text = formatDiagnostic(
      diagnostic({
        summary: 'Extraneous JSON object property',
        detail: 'No argument or block type is named "bogus_argument".',
        range: at('stacks/ipam/cdk.tf.json'),
        snippet: { context: 'resource.aws_vpc.vpc', code: '        "bogus_argument": 1,', start_line: 12 },
      }),
    );
    expect(text).toBe(
      [
        'Error: Extraneous JSON object property',
        '  on stacks/ipam/cdk.tf.json line 12, in resource.aws_vpc.vpc:',
        '  12:         "bogus_argument": 1,',
        'No argument or block type is named "bogus_argument".',
      ].join('\n'),
    );
  });
});

describe('validate cases in one terraform run, some of them broken', () => {
  let validation: CasesValidation;
  beforeAll(async () => {
    validation = await validateCases('lz-validate-cases', [
      { name: 'valid', title: 'a VPC', build: (stack) => void new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' }) },
      {
        name: 'bogus-argument',
        title: 'a VPC with an argument aws_vpc does not have',
        build: (stack) => new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' }).addOverride('bogus_argument', 1),
      },
      {
        name: 'undeclared-reference',
        title: 'a VPC tagged with an attribute of an undeclared resource',
        build: (stack) => void new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16', tags: { Name: '${aws_vpc.undeclared.id}' } }),
      },
      {
        name: 'build-throws',
        title: 'a build that throws',
        build: () => {
          throw new Error('no such tier: dmz');
        },
      },
      { name: 'lambda-fault', title: 'a FIS Lambda invocation fault', build: buildLambdaFault },
      {
        name: 'own-provider',
        title: 'a VPC on a provider of its own',
        build: (stack) => {
          const provider = new AwsProvider(stack, 'us-east-1', { region: 'us-east-1', alias: 'us-east-1', accessKey: 'x', secretKey: 'x' });
          new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16', provider });
        },
      },
    ]);
  }, 180_000);

  it('fails the case with the bogus argument, with the error on its own cdk.tf.json', () => {
    const [error, ...others] = validation.errors.get('bogus-argument') ?? [];
    expect(others).toEqual([]);
    expect(error).toMatch(
      /^Error: Extraneous JSON object property\n {2}on stacks\/bogus-argument\/cdk\.tf\.json line \d+, in resource\.aws_vpc\.vpc:/,
    );
    expect(error).toContain('"bogus_argument"');
  });

  it('fails a FIS Lambda invocation fault: hashicorp/aws 5.100.0 refuses the Functions target key, so config does not offer it', () => {
    expect(validation.errors.get('lambda-fault')?.join('\n')).toMatch(/expected action\.0\.target\.0\.key to be one of .*got Functions/s);
  });

  it('fails the case with the undeclared reference', () => {
    expect(validation.errors.get('undeclared-reference')).toEqual([
      expect.stringMatching(/^Error: Reference to undeclared resource\n.*stacks\/undeclared-reference\//),
    ]);
  });

  it('fails the case whose build throws with its exception, and validates the others', () => {
    expect(validation.errors.get('build-throws')).toEqual(["the case's build threw: no such tier: dmz"]);
  });

  it('passes the valid cases after validating them again without the failing ones', () => {
    expect(validation.errors.has('valid')).toBe(false);
    expect(validation.errors.has('own-provider')).toBe(false);
    expect(validation.runs).toBe(2);
  });

  it('passes the root providers to the modules that use only the offline ones, and leaves a module with its own providers as it is', () => {
    const root = JSON.parse(fs.readFileSync(path.join(validation.dir, 'main.tf.json'), 'utf8'));
    expect(root.provider.aws.map((provider: { alias?: string }) => provider.alias)).toEqual([undefined, 'network']);
    expect(root.module.valid).toEqual({ source: './stacks/valid', providers: { aws: 'aws', 'aws.network': 'aws.network' } });
    expect(root.module['own-provider']).toEqual({ source: './stacks/own-provider' });
    const own = JSON.parse(fs.readFileSync(path.join(validation.dir, 'stacks', 'own-provider', 'cdk.tf.json'), 'utf8'));
    expect(own.provider.aws.map((provider: { alias?: string }) => provider.alias)).toEqual([undefined, 'network', 'us-east-1']);
    expect(own.terraform.backend).toBeUndefined();
  });
});
