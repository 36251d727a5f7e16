import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLandingZone, MAX_CONFIG_FILE_BYTES } from '../../../model/load';
import { ConfigValidationError, formatProblem } from '../../../model/problems';
import { SAMPLE_DIR } from '../../support/config';

/* Family 1 of issue 9: config input that would exhaust the machine is rejected fast and located. */

const REPO = path.join(__dirname, '..', '..', '..');

/** A fresh config folder with the sample org.yaml and dev.yaml, plus `extra` files by name. */
function configDir(extra: (dir: string) => void = () => {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-hostile-'));
  for (const file of ['org.yaml', 'dev.yaml']) fs.copyFileSync(path.join(SAMPLE_DIR, file), path.join(dir, file));
  extra(dir);
  return dir;
}

function problemsIn(dir: string): string[] {
  try {
    loadLandingZone(dir);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the config to be rejected, but it loaded');
}

/** Loads the directories in one child process with `maxOldSpaceMb` of heap and a wall-clock limit. */
function loadInChild(dirs: readonly string[], maxOldSpaceMb = 256, timeoutMs = 120_000) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${maxOldSpaceMb}`,
      '-r',
      'ts-node/register/transpile-only',
      path.join(__dirname, 'support', 'load-in-child.ts'),
      ...dirs,
    ],
    { cwd: REPO, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`child failed (status ${child.status}, signal ${child.signal}):\n${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout) as Record<string, { ms: number; problems: string[]; loaded: boolean }>;
}

describe('hostile config files', () => {
  describe('with a file that is not a regular file', () => {
    it('rejects a directory named like a config file', () => {
      const dir = configDir((d) => fs.mkdirSync(path.join(d, 'stage.yaml')));
      expect(problemsIn(dir)).toEqual([
        `${dir}/stage.yaml: is a directory — config files are regular files; rename the directory so it does not end in .yaml, .yml or .json`,
      ]);
    });

    it('rejects a dangling link and a link loop', () => {
      const dir = configDir((d) => {
        fs.symlinkSync(path.join(d, 'missing.yaml'), path.join(d, 'gone.yaml'));
        fs.symlinkSync(path.join(d, 'loop.yaml'), path.join(d, 'loop.yaml'));
      });
      expect(problemsIn(dir)).toEqual([
        `${dir}/gone.yaml: is a link to a file that does not exist — point the link at a config file, or remove it`,
        `${dir}/loop.yaml: is a link that loops — point the link at a config file, or remove it`,
      ]);
    });

    it('rejects a link to a device and a named pipe without reading them', () => {
      const dir = configDir((d) => {
        fs.symlinkSync('/dev/zero', path.join(d, 'zero.yaml'));
        execFileSync('mkfifo', [path.join(d, 'pipe.yaml')]);
      });
      expect(problemsIn(dir)).toEqual([
        `${dir}/pipe.yaml: is not a regular file (a named pipe) — replace it with a regular file, or move it out of the config folder`,
        `${dir}/zero.yaml: is not a regular file (a device) — replace it with a regular file, or move it out of the config folder`,
      ]);
    });

    it('follows a link to a regular config file', () => {
      const dir = configDir((d) => {
        fs.renameSync(path.join(d, 'dev.yaml'), path.join(d, 'dev.real'));
        fs.symlinkSync(path.join(d, 'dev.real'), path.join(d, 'dev.yaml'));
      });
      expect(loadLandingZone(dir).environments.map((environment) => environment.name)).toEqual(['dev']);
    });
  });

  describe('with a file too large or not text', () => {
    it('rejects a file over the size limit without parsing it', () => {
      const dir = configDir((d) => fs.writeFileSync(path.join(d, 'big.yaml'), `# ${'x'.repeat(MAX_CONFIG_FILE_BYTES)}\n`));
      expect(problemsIn(dir)).toEqual([
        `${dir}/big.yaml: is larger than 512 KiB — a config file this large is not a landing-zone config; check what it holds`,
      ]);
    });

    it('rejects a file that is not UTF-8', () => {
      const dir = configDir((d) => fs.writeFileSync(path.join(d, 'latin.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a])));
      expect(problemsIn(dir)).toEqual([`${dir}/latin.yaml: is not UTF-8 text — save it as UTF-8`]);
    });
  });

  describe('with one environment in two files', () => {
    it('rejects dev.yml beside dev.yaml, naming both files', () => {
      const dir = configDir((d) => fs.copyFileSync(path.join(d, 'dev.yaml'), path.join(d, 'dev.yml')));
      expect(problemsIn(dir)).toEqual([
        `${dir}/dev.yml: defines the environment dev a second time (${dir}/dev.yaml defines it too) — keep one file per environment; merge the two, or rename one of them`,
      ]);
    });

    it('reads dev.YAML as the environment dev instead of ignoring it', () => {
      const dir = configDir((d) => fs.renameSync(path.join(d, 'dev.yaml'), path.join(d, 'dev.YAML')));
      expect(loadLandingZone(dir).environments.map((environment) => environment.name)).toEqual(['dev']);
    });
  });

  describe('with pathological YAML, in a child process with 256 MB of heap', () => {
    it('rejects an alias bomb, a 30,000-key map and deep nesting quickly, and loads 100 accounts sharing one anchor', () => {
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
      for (const [name, previous] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((letter, i) => [letter, 'abcdefghi'[i]])) {
        levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
      }
      const bomb = configDir((d) => fs.writeFileSync(path.join(d, 'bomb.yaml'), `${levels.join('\n')}\n`));
      const wide = configDir((d) =>
        fs.writeFileSync(path.join(d, 'wide.yaml'), Array.from({ length: 30_000 }, (_, i) => `k${i}: ${i}`).join('\n')),
      );
      const deep = configDir((d) => fs.writeFileSync(path.join(d, 'deep.yaml'), `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`));
      const shared = configDir((d) => {
        const accounts = Array.from(
          { length: 100 },
          (_, i) => `  team-${i}:\n    email: aws+team-${i}@acme.example\n    ou: NonProd\n    tags: *shared`,
        ).join('\n');
        fs.writeFileSync(
          path.join(d, 'teams.yaml'),
          `region: eu-west-1\navailabilityZones: [eu-west-1a]\ncidr: 10.64.0.0/12\naccounts:\n  team-lead:\n    email: aws+team-lead@acme.example\n    ou: NonProd\n    tags: &shared { CostCenter: teams }\n${accounts}\n`,
        );
      });
      const results = loadInChild([bomb, wide, deep, shared]);
      expect(results[bomb].problems).toEqual([
        `${bomb}/bomb.yaml:9:8: expands to 490329055 values through its aliases, more than the 200000 a config file may hold — reuse anchors for small shared values (such as tags) only, or write the values out`,
      ]);
      expect(results[wide].problems).toHaveLength(4 + 20 + 1);
      expect(results[wide].problems).toContain(
        `${wide}/wide.yaml:1:1: has 29980 more unknown keys — this does not look like a landing-zone config; allowed here: region, availabilityZones, cidr, segment, prodSegments, ipv6, flowLogs, networkHub, peerings, accounts`,
      );
      expect(results[deep].problems).toEqual([
        `${deep}/deep.yaml:1:803: nests values more than 64 levels deep — flatten the structure; no config key nests this deep`,
      ]);
      expect(results[shared]).toMatchObject({ loaded: true, problems: [] });
      // Each takes well under 3 s on an idle machine; quadratic or exponential work would take minutes.
      // The bound is generous so that a busy shared machine does not fail the test.
      for (const dir of [bomb, wide, deep, shared]) expect({ dir, fast: results[dir].ms < 20_000 }).toEqual({ dir, fast: true });
    }, 150_000);
  });
});
