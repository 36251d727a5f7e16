import * as fs from 'node:fs';
import type { PlanInput } from './analyze';
import { parsePlanJson, PlanFileError } from '../plan-json';

/** Reads and checks a `terraform show -json` file; PlanFileError naming the file when it cannot. */
export function readPlanFile(file: string, stack?: string): PlanInput {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return { file, plan: parsePlanJson(text, file), ...(stack ? { stack } : {}) };
}
