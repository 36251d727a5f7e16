import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SAMPLE_DIR } from '../../support/config';

/*
 * Issue 9, end to end: one config folder with a hostile or careless input of every family, run
 * through the real app (`node dist/main.js`, as `npm run synth` runs it) in a child process. Every
 * problem comes out in one run, located, and not a single file is written to the synth output.
 */

const REPO = path.join(__dirname, '..', '..', '..');

function write(dir: string, file: string, edit: (text: string) => string): void {
  const text = fs.readFileSync(path.join(SAMPLE_DIR, file), 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit of ${file} changed nothing; the sample moved`);
  fs.writeFileSync(path.join(dir, file), edited);
}

describe('synthesizing a config with a problem of every family', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-families-'));
  const outdir = path.join(dir, 'out');
  const config = path.join(dir, 'environments');
  fs.mkdirSync(config);
  // 1. input that would exhaust the machine: a directory named like a config file
  fs.mkdirSync(path.join(config, 'stage.yaml'));
  // 2. a value AWS reads differently, and 5. a schema problem in the same file as semantic ones
  write(config, 'org.yaml', (text) => text.replace('allowedRegions: [eu-west-1,', 'allowedRegions: [eu-wset-1, eu-west-1,'));
  // 3. a silent change of meaning (an empty tier) and 4. what used to be a stack trace (peering an IPAM VPC)
  write(config, 'dev.yaml', (text) =>
    text
      .replace('subnets: { app: 22, data: 24 }', 'subnets: { app: 22, data: {} }')
      .replace('accepter: payments-dev', 'accepter: orders-dev'),
  );
  // 5. an unknown key in one file, an overlapping CIDR and a duplicate email in others
  write(config, 'staging.yaml', (text) => text.replace('segment: nonprod', 'segmnt: nonprod'));
  write(config, 'prod.yaml', (text) =>
    text
      .replace('email: aws+orders-prod@acme.example', 'email: aws+payments-dev@acme.example')
      .replace(/cidr: 10\.50\.0\.0\/16/, 'cidr: 10.49.128.0/17'),
  );

  const child = spawnSync(process.execPath, ['dist/main.js'], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LZ_CONFIG_DIR: config, CDKTF_OUTDIR: outdir, LZ_OFFLINE: '1', CHECKPOINT_DISABLE: '1' },
  });
  const lines = child.stderr.split('\n').filter((line) => line.startsWith('  '));

  it('fails without writing anything to the synth output', () => {
    expect(child.status).toBe(1);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  it('reports every family in one run, each located', () => {
    const expected = [
      /stage\.yaml: is a directory/,
      /org\.yaml:\d+:\d+: organization\.allowedRegions\.0 is not an AWS region name — did you mean eu-west-1\?/,
      /dev\.yaml:\d+:\d+: accounts\.orders-dev\.vpc\.subnets\.data gives neither prefixLength nor ipv6Only/,
      /dev\.yaml:\d+:\d+: peerings\.legacy-to-payments\.accepter is orders-dev, whose block comes from IPAM/,
      /staging\.yaml:\d+:\d+: segmnt is not a known key — did you mean `segment`\?/,
      /prod\.yaml:\d+:\d+: accounts\.orders-prod\.email aws\+payments-dev@acme\.example is already the email of .*dev\.yaml accounts\.payments-dev/,
      /prod\.yaml:\d+:\d+: accounts\.orders-prod\.vpc\.cidr 10\.49\.128\.0\/17 overlaps accounts\.payments-prod\.vpc\.cidr 10\.49\.0\.0\/16/,
    ];
    expect(expected.filter((pattern) => !lines.some((line) => pattern.test(line)))).toEqual([]);
    expect(child.stderr).not.toMatch(/\n\s+at .*\.[jt]s:\d+/);
  });
});
