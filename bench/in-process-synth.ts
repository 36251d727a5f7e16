/*
 * Child process of the benchmark: synthesizes the organization in LZ_CONFIG_DIR into CDKTF_OUTDIR
 * the way `npm run plan` does (in-process, no cdktf CLI), and prints how long each part took as JSON.
 */
import { configDirFromEnv } from '../model/load';
import { decideMode, synthSettingsFromEnv } from '../pipeline/mode';
import { synthesize } from '../pipeline/synth-output';

const startupSeconds = process.uptime();
const { seconds } = synthesize(configDirFromEnv(), synthSettingsFromEnv(process.env, decideMode()), { log: () => undefined });
console.log(JSON.stringify({ startupSeconds, modelSeconds: seconds.model, synthSeconds: seconds.synth, policySeconds: seconds.policy }));
