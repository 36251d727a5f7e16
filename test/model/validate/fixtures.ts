import { parseConfig, type ConfigText } from '../../../model/load';
import { formatProblem } from '../../../model/problems';
import { validateConfig, CONFIG_RULES } from '../../../model/validate';

/* Small inline configs for rule tests; expected locations are computed from the text, never pinned. */

export const ORG = 'environments/org.yaml';
export const DEV = 'environments/dev.yaml';
export const PROD = 'environments/prod.yaml';

const ORG_TEXT = `organization:
  name: acme
  id: o-a1b2c3d4e5
  rootId: r-a1b2
  managementAccountId: "111111111111"
  homeRegion: eu-west-1
  allowedRegions: [eu-west-1, us-east-1]
organizationalUnits:
  Infrastructure: {}
  Workloads: {}
  Prod: { parent: Workloads }
accounts:
  network: { email: network@acme.example, id: "222222222222", ou: Infrastructure }
  log-archive: { email: log-archive@acme.example, ou: Infrastructure }
  security: { email: security@acme.example, ou: Infrastructure }
network:
  ipam: { cidr: 10.0.0.0/8 }
`;

const DEV_TEXT = `region: eu-west-1
availabilityZones: [eu-west-1a, eu-west-1b]
cidr: 10.16.0.0/12
networkHub:
  egress: { vpc: egress }
  vpcs:
    egress:
      role: egress
      cidr: 10.16.0.0/24
      subnets: { public: 28, app: 28 }
accounts:
  payments-dev:
    email: payments-dev@acme.example
    id: "510000000001"
    ou: Workloads
    vpc: { cidr: 10.17.0.0/16 }
  orders-dev:
    email: orders-dev@acme.example
    ou: Workloads
    vpc: { cidr: 10.18.0.0/16, attachToTransitGateway: false }
`;

const PROD_TEXT = `region: us-east-1
availabilityZones: [us-east-1a, us-east-1b]
cidr: 10.48.0.0/12
segment: prod
accounts:
  payments-prod:
    email: payments-prod@acme.example
    ou: Prod
    vpc: { cidr: 10.49.0.0/16 }
`;

/** org.yaml and dev.yaml: a valid organization with one environment. */
export function baseTexts(): ConfigText[] {
  return [
    { file: DEV, text: DEV_TEXT },
    { file: ORG, text: ORG_TEXT },
  ];
}

/** The base plus prod.yaml, a second environment in another region. */
export function twoEnvironments(): ConfigText[] {
  return [...baseTexts(), { file: PROD, text: PROD_TEXT }].sort((a, b) => a.file.localeCompare(b.file));
}

/** A copy of `texts` with the first (or every, when `all`) `from` in `file` replaced by `to`; fails when `from` is absent. */
export function change(texts: readonly ConfigText[], file: string, from: string, to: string, all = false): ConfigText[] {
  return texts.map((text) => {
    if (text.file !== file) return text;
    if (!text.text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
    return { file, text: all ? text.text.split(from).join(to) : text.text.replace(from, to) };
  });
}

/** A copy of `texts` with `lines` appended to `file`. */
export function append(texts: readonly ConfigText[], file: string, lines: string): ConfigText[] {
  const exists = texts.some((text) => text.file === file);
  const appended = texts.map((text) => (text.file === file ? { file, text: `${text.text}${lines}` } : text));
  return exists ? appended : [...texts, { file, text: lines }].sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * `file:line:col` of `needle` in `file`: where a problem about that text is reported. `occurrence`
 * picks the n-th match (from 1), or the first match after the text `after`.
 */
export function at(texts: readonly ConfigText[], file: string, needle: string, occurrence: number | { after: string } = 1): string {
  const text = texts.find((candidate) => candidate.file === file)?.text ?? '';
  const after = typeof occurrence === 'number' ? undefined : occurrence.after;
  if (after !== undefined && !text.includes(after)) throw new Error(`${file} has no ${JSON.stringify(after)}`);
  let offset = after === undefined ? -1 : text.indexOf(after) + after.length - 1;
  const count = typeof occurrence === 'number' ? occurrence : 1;
  for (let found = 0; found < count; found++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${file} has no occurrence ${count} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, offset).split('\n');
  return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

/** Formatted problems of one rule (by id) over the parsed config, after schema problems are checked to be none. */
export function ruleProblems(id: string, texts: readonly ConfigText[]): string[] {
  const rule = CONFIG_RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const { parsed, problems } = parseConfig(texts);
  if (problems.length > 0) throw new Error(`the fixture does not parse:\n${problems.map(formatProblem).join('\n')}`);
  return validateConfig(parsed, [rule]).map(formatProblem);
}

/** Formatted problems of every rule, in rule order, for checks that no other rule fires. */
export function allRuleProblems(texts: readonly ConfigText[]): string[] {
  const { parsed } = parseConfig(texts);
  return validateConfig(parsed).map(formatProblem);
}
