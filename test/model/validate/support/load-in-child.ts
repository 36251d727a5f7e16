/*
 * Loads each config directory given on the command line and prints, as one JSON line, how long
 * it took and the problems it reported. Run in a child process with a memory cap, so a hostile
 * config that exhausts the machine fails the test instead of the test runner.
 */
import { loadLandingZone } from '../../../../model/load';
import { ConfigValidationError, formatProblem } from '../../../../model/problems';

const results: Record<string, { ms: number; problems: string[]; loaded: boolean }> = {};
for (const dir of process.argv.slice(2)) {
  const start = process.hrtime.bigint();
  let problems: string[] = [];
  let loaded = false;
  try {
    loadLandingZone(dir);
    loaded = true;
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    problems = error.problems.map(formatProblem);
  }
  results[dir] = { ms: Number(process.hrtime.bigint() - start) / 1e6, problems, loaded };
}
process.stdout.write(`${JSON.stringify(results)}\n`);
