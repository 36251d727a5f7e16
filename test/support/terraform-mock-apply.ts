import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TerraformStack } from 'cdktf';
import { terraform } from '../../pipeline/terraform';
import { initScratchStack } from './terraform-validate';

/**
 * Synthesizes `build` into a one-stack app (providers `aws` and alias `network`, as in
 * the module validate cases) and runs `terraform test` with `tests`: the body of a `.tftest.hcl` file with
 * `mock_provider "aws"` blocks and `run` blocks using `command = apply`. Both providers are mocked
 * (an empty `mock_provider "aws" { alias = "network" }` is added), so nothing calls AWS.
 *
 * Why not validate alone: `terraform validate` does not type-check the body of a for expression
 * over a computed (unknown) list, so a wrong attribute name there passes. A mocked apply computes
 * every attribute locally and evaluates such expressions on concrete values. About 6 s.
 */
export async function terraformMockApply(build: (stack: TerraformStack) => void, tests: string): Promise<void> {
  const { dir, env } = await initScratchStack('lz-mock-apply', build);
  fs.writeFileSync(path.join(dir, 'check.tftest.hcl'), `mock_provider "aws" {\n  alias = "network"\n}\n\n${tests}\n`);
  await terraform(['test', '-no-color'], dir, env);
}
