import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/*
 * Runs a child process and measures it: wall time, CPU time (user + system, children included) and
 * peak memory (max RSS). With GNU time (`/usr/bin/time -f`), it reports the whole process tree; without
 * it, /proc/<pid>/status VmHWM and /proc/<pid>/stat are polled, which sees the direct child only.
 */

export interface Measurement {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakMemoryMb: number;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeasureOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  /** Kill the process group after this many seconds. @default no limit */
  readonly timeoutSeconds?: number;
}

let gnuTime: string | undefined | null = null;

/** GNU time's path when it is installed (busybox and shell builtins lack `-f`/`-o`). */
export function findGnuTime(): string | undefined {
  if (gnuTime !== null) return gnuTime;
  const found = spawnSync('sh', ['-c', 'command -v time'], { encoding: 'utf8' }).stdout.trim();
  const candidate = found.startsWith('/') ? found : '/usr/bin/time';
  const works = fs.existsSync(candidate) && spawnSync(candidate, ['-f', '%e', 'true'], { encoding: 'utf8' }).status === 0;
  gnuTime = works ? candidate : undefined;
  return gnuTime;
}

export function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const timeBinary = findGnuTime();
  const reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bench-time-')), 'time.txt');
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%e %U %S %M', '-o', reportFile, command, ...args]] : [command, [...args]];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const poll = timeBinary ? undefined : startPolling(child.pid!);
    let timedOut = false;
    const timer =
      options.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup(child.pid!);
          }, options.timeoutSeconds * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const polled = poll?.stop();
      const timed = timeBinary ? readTimeReport(reportFile) : undefined;
      fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
      resolve({
        wallSeconds,
        cpuSeconds: timed?.cpuSeconds ?? polled?.cpuSeconds ?? 0,
        peakMemoryMb: timed?.peakMemoryMb ?? polled?.peakMemoryMb ?? 0,
        exitCode: code,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Like `measure`, but rejects with the output when the command fails or times out. */
export async function measureOrFail(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const result = await measure(command, args, options);
  if (result.exitCode !== 0 || result.timedOut) {
    const reason = result.timedOut ? `timed out after ${options.timeoutSeconds} s` : `exited with ${result.exitCode}`;
    throw new Error(`${command} ${args.join(' ')} ${reason} in ${options.cwd}:\n${(result.stderr + result.stdout).trim().slice(-3000)}`);
  }
  return result;
}

function readTimeReport(file: string): { cpuSeconds: number; peakMemoryMb: number } | undefined {
  if (!fs.existsSync(file)) return undefined;
  // GNU time writes "Command exited with non-zero status N" or "Command terminated by signal" first.
  const line = fs.readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const [, user, system, maxRssKb] = line.split(/\s+/).map(Number);
  if ([user, system, maxRssKb].some((value) => Number.isNaN(value))) return undefined;
  return { cpuSeconds: user + system, peakMemoryMb: maxRssKb / 1024 };
}

function startPolling(pid: number): { stop(): { cpuSeconds: number; peakMemoryMb: number } } {
  let peakKb = 0;
  let cpuTicks = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime, stime, cutime, cstime are fields 14-17 of stat; index 0 here is field 3.
      cpuTicks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    } catch {
      // The process has exited between polls.
    }
  };
  const interval = setInterval(read, 50);
  return {
    stop: () => {
      clearInterval(interval);
      return { cpuSeconds: cpuTicks / 100, peakMemoryMb: peakKb / 1024 };
    },
  };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Disk used by a folder in KB, not following symlinks (`du -sk`). */
export function diskUsageKb(dir: string): number {
  const result = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Number(result.stdout.split(/\s+/)[0]) || 0;
}

export function loadAverage(): number {
  return Number(os.loadavg()[0].toFixed(2));
}
