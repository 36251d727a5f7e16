/*
 * Child process of the benchmark: synthesizes the organization in LZ_CONFIG_DIR into CDKTF_OUTDIR
 * the way `npm run plan` does (in-process, no cdktf CLI), and prints how long each part took as JSON.
 */
import { configDirFromEnv, loadLandingZone } from '../model/load';
import { decideMode, synthSettingsFromEnv } from '../pipeline/mode';
import { checkSynthesizedStacks } from '../policy/synthesized';
import { buildApp } from '../stacks/app';

const startupSeconds = process.uptime();
const seconds = (since: number) => (performance.now() - since) / 1000;

let started = performance.now();
const model = loadLandingZone(configDirFromEnv());
const modelSeconds = seconds(started);
const settings = synthSettingsFromEnv(process.env, decideMode());
started = performance.now();
buildApp(model, settings).synth();
const synthSeconds = seconds(started);
started = performance.now();
checkSynthesizedStacks(settings.outdir, model);
const policySeconds = seconds(started);
console.log(JSON.stringify({ startupSeconds, modelSeconds, synthSeconds, policySeconds }));
