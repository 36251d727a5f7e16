import { Token } from 'cdktf';
import type { PolicyDocument, PolicyStatement } from '../shared/policy-document';

/** Prop checks and policy helpers shared by the messaging modules; every message names the prop and the fix. */

export function isKnown(value: string | undefined): value is string {
  return value !== undefined && !Token.isUnresolved(value);
}

/** SQS and SNS names: 1–80 letters, digits, `-` and `_`, and `.fifo` exactly when the queue or topic is FIFO. */
export function checkFifoName(where: string, prop: string, name: string, fifo: boolean): void {
  if (!isKnown(name)) return;
  const base = name.endsWith('.fifo') ? name.slice(0, -'.fifo'.length) : name;
  if (name.length > 80 || !/^[A-Za-z0-9_-]+$/.test(base)) {
    throw new Error(`${where}: ${prop} "${name}" must be 1–80 letters, digits, - and _ (plus .fifo for FIFO)`);
  }
  if (fifo !== name.endsWith('.fifo')) {
    throw new Error(
      fifo
        ? `${where}: ${prop} "${name}" must end in .fifo because fifo is true; add the suffix`
        : `${where}: ${prop} "${name}" ends in .fifo but fifo is false; set fifo: true or drop the suffix`,
    );
  }
}

export function checkAccountIds(where: string, prop: string, ids: Readonly<Record<string, string>>): void {
  for (const [name, id] of Object.entries(ids)) {
    if (isKnown(id) && !/^\d{12}$/.test(id)) throw new Error(`${where}: ${prop}.${name} "${id}" is not a 12-digit AWS account id`);
  }
}

export function checkOrganizationId(where: string, prop: string, id: string | undefined): void {
  if (isKnown(id) && !/^o-[a-z0-9]{10,32}$/.test(id)) throw new Error(`${where}: ${prop} "${id}" is not an organization id (o-…)`);
}

export function checkRange(where: string, prop: string, value: number | undefined, min: number, max: number, fix: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${where}: ${prop} is ${value}; it must be a whole number from ${min} to ${max} — ${fix}`);
  }
}

export function rootArn(accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/**
 * Who may use a resource from outside its account: named accounts (by their roots) and, when given,
 * every principal of the organization. `*` principals appear only with an `aws:PrincipalOrgID` condition.
 */
export interface Grantees {
  /** Account ids keyed by account name. @default {} */
  readonly accountIds?: Readonly<Record<string, string>>;
  /** Every principal of this organization. @default - none */
  readonly organizationId?: string;
}

export function grantStatements(
  sid: string,
  grantees: Grantees | undefined,
  actions: readonly string[],
  resource: string,
): PolicyStatement[] {
  const accounts = Object.entries(grantees?.accountIds ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const statements: PolicyStatement[] = [];
  if (accounts.length > 0) {
    statements.push({
      Sid: `${sid}Accounts`,
      Effect: 'Allow',
      Principal: { AWS: accounts.map(([, id]) => rootArn(id)) },
      Action: actions,
      Resource: resource,
    });
  }
  if (grantees?.organizationId) {
    statements.push({
      Sid: `${sid}Organization`,
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: actions,
      Resource: resource,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': grantees.organizationId } },
    });
  }
  return statements;
}

export function document(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

export function sortedValues(record: Readonly<Record<string, string>> | undefined): string[] {
  return Object.entries(record ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, value]) => value);
}
