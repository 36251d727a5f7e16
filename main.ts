/*
 * The cdktf app: config (environments/) → validated model → stacks. `cdktf synth`, `cdktf deploy`
 * and `npm run plan` all come through here, so every tool sees the same stacks.
 * LZ_CONFIG_DIR picks another config folder; LZ_OFFLINE=1 forces an offline (plan-only) synth.
 */
import { configDirFromEnv } from './model/load';
import { ConfigValidationError } from './model/problems';
import { decideMode, synthSettingsFromEnv } from './pipeline/mode';
import { synthesize } from './pipeline/synth-output';
import { PolicyViolationError } from './policy/synthesized';
import { installReadableStacks } from './pipeline/readable-stacks';

installReadableStacks();

function main(): void {
  const decision = decideMode();
  if (decision.mode === 'offline') console.error(`aws-landing-zone: offline synth (${decision.reason}); plan-only, cannot be deployed`);
  try {
    synthesize(configDirFromEnv(), synthSettingsFromEnv(process.env, decision));
  } catch (error) {
    if (!(error instanceof ConfigValidationError || error instanceof PolicyViolationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

main();
