import * as path from 'node:path';
import type { ConfigText } from '../load';
import type { UnparsedPart } from '../parsed-config';
import type { ConfigProblem } from '../problems';
import { checkAgainstSchema } from '../schema-issues';
import { parseYamlSource } from '../yaml-source';
import { WorkloadsConfigSchema } from './schema';
import type { ParsedWorkloads } from './types';

const CONFIG_FILE = /\.(ya?ml|json)$/i;
const ACCOUNT_NAME = /^[a-z][a-z0-9-]{1,30}$/;

export interface WorkloadsParse {
  readonly parsed?: ParsedWorkloads;
  readonly problems: readonly ConfigProblem[];
  readonly unparsed: readonly UnparsedPart[];
}

/** A workloads file, `<env>/<account>.yaml`: the folder names the environment, the file the account. */
export function parseWorkloadsText(text: ConfigText): WorkloadsParse {
  const environment = path.basename(path.dirname(text.file));
  const account = path.basename(text.file).replace(CONFIG_FILE, '');
  if (!ACCOUNT_NAME.test(account)) {
    return {
      problems: [
        {
          file: text.file,
          path: '',
          message: `names an account "${account}" that cannot exist`,
          fix: 'name a workloads file after its account, e.g. environments/prod/orders-prod.yaml',
        },
      ],
      unparsed: [],
    };
  }
  const part = { kind: 'workloads', environment, account } as const;
  if (text.readProblem) return { problems: [text.readProblem], unparsed: [{ ...part, path: [] }] };
  const source = parseYamlSource(text.file, text.text);
  if (Array.isArray(source)) return { problems: source, unparsed: [{ ...part, path: [] }] };
  const result = checkAgainstSchema(source, WorkloadsConfigSchema);
  return {
    parsed: result.value ? { environment, account, source, config: result.value } : undefined,
    problems: result.problems,
    unparsed: result.value ? result.dropped.map((entry) => ({ ...part, path: entry })) : [{ ...part, path: [] }],
  };
}
