import * as path from 'node:path';
import { planAgainstBase } from './pipeline/offline-diff/plan-against-base';
import { writeTerraformCliConfig } from './pipeline/terraform-cli-config';
import { renderSummary, readPlanFile } from './pipeline/summary';
(async () => {
  const outdir = path.resolve('/work/wt-review/cdktf.out');
  const cli = writeTerraformCliConfig(path.join(outdir, '.terraform-cli'));
  const stack = { name: process.argv[2], dir: path.join(outdir, 'stacks', process.argv[2]) };
  const outcome = await planAgainstBase({ stack, basePlanJsonFile: process.argv[3], baseStackDir: process.argv[4] ?? stack.dir, env: cli.env, schemaCacheFile: path.join(outdir, 'provider-schemas.json') });
  console.log(JSON.stringify({ ...outcome, error: outcome.error?.message.slice(0, 3000) }, null, 1));
  if (outcome.ok) console.log(renderSummary([readPlanFile(outcome.planJsonFile!, stack.name)]).slice(0, 4000));
})();
