import { spawn } from 'node:child_process';

export interface TerraformRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export class TerraformError extends Error {
  constructor(
    readonly command: string,
    readonly cwd: string,
    readonly output: string,
    /** How long the command ran before it failed. */
    readonly seconds: number = 0,
  ) {
    super(`terraform ${command} failed in ${cwd}:\n${output.trim()}`);
    this.name = 'TerraformError';
  }
}

/** Runs `terraform <args>` in `cwd`; resolves with its output, rejects with it on a non-zero exit. */
export function terraform(args: readonly string[], cwd: string, env: Record<string, string>): Promise<TerraformRun> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', [...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new TerraformError(args[0], cwd, `could not start terraform: ${error.message}`)));
    child.on('close', (code) => {
      const run = {
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      };
      if (code === 0) resolve(run);
      else reject(new TerraformError(args[0], cwd, `${run.stderr}\n${run.stdout}`, run.seconds));
    });
  });
}

/** The message of `terraform init` losing a race for the shared plugin cache to another process. */
const PLUGIN_CACHE_RACE = /failed to create directory[\s\S]*file exists|cannot link[\s\S]*file exists/i;

/**
 * `terraform init` with its flags. Terraform's plugin cache is not safe for concurrent writers: when
 * two processes (two jest workers, two `npm run plan`s) install the same provider at once, one fails
 * with "file exists" after the other has finished. The cache then holds the provider, so that init
 * is run again (at most twice more) instead of failing the stack.
 */
export async function terraformInit(args: readonly string[], cwd: string, env: Record<string, string>): Promise<TerraformRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await terraform(['init', ...args], cwd, env);
    } catch (error) {
      const lostRace = error instanceof TerraformError && PLUGIN_CACHE_RACE.test(error.output);
      if (!lostRace || attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
