/*
 * npm run check [-- [--json] <file or folder>...]: the policy pack over Terraform JSON. Files may be
 * stacks' cdk.tf.json or plans' `terraform show -json` output (detected); a folder is a synth output
 * (with manifest.json) or a stack folder. With no arguments, every stack in cdktf.out (CDKTF_OUTDIR).
 * Waivers come from the config (LZ_CONFIG_DIR, default environments/). Exit 1 on any error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { ConfigValidationError } from '../model/problems';
import type { PolicyWaiver } from '../model/types';
import { readSynthOutput } from '../pipeline/synth-output';
import { checkDocuments, errorCount, formatReport } from '../policy/report';
import { readSynthesizedStacks } from '../policy/synthesized';
import { readTerraformJsonFile } from '../policy/terraform-json';
import type { StackDocument } from '../policy/types';
import { installReadableStacks } from '../pipeline/readable-stacks';

installReadableStacks();

function documentsAt(target: string): StackDocument[] {
  if (!fs.existsSync(target)) throw new Error(`${target} does not exist`);
  if (!fs.statSync(target).isDirectory()) return [readTerraformJsonFile(target)];
  if (fs.existsSync(path.join(target, 'manifest.json'))) return readSynthesizedStacks(readSynthOutput(target));
  const stackFile = ['plan.json', 'cdk.tf.json'].map((name) => path.join(target, name)).find((file) => fs.existsSync(file));
  if (!stackFile) throw new Error(`${target} holds no manifest.json, plan.json or cdk.tf.json`);
  return [readTerraformJsonFile(stackFile)];
}

function configuredWaivers(): readonly PolicyWaiver[] {
  const configDir = configDirFromEnv();
  if (!fs.existsSync(configDir)) {
    console.error(`note: no config folder ${configDir} (LZ_CONFIG_DIR); checking without waivers`);
    return [];
  }
  return loadLandingZone(configDir).policyWaivers;
}

function main(): number {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const targets = args.filter((arg) => !arg.startsWith('--'));
  try {
    const waivers = configuredWaivers();
    const documents = (targets.length > 0 ? targets : [process.env.CDKTF_OUTDIR || 'cdktf.out']).flatMap(documentsAt);
    const report = checkDocuments(documents, { waivers });
    if (json) console.log(JSON.stringify(report, null, 2));
    else for (const line of formatReport(report)) console.log(line);
    return errorCount(report) > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof ConfigValidationError ? error.message : `npm run check: ${(error as Error).message}`);
    return 1;
  }
}

process.exit(main());
