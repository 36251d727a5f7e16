/** IAM policy documents as plain data: SCPs, trust and permission policies, resource policies. */

/** One value or a list of them, as IAM accepts for Action, Resource and principals. */
export type OneOrMany<T> = T | readonly T[];

/** `{ Service: 'delivery.logs.amazonaws.com' }`, `{ AWS: 'arn:…' }` or `'*'`. */
export type PolicyPrincipal = '*' | Readonly<Partial<Record<'AWS' | 'Service' | 'Federated' | 'CanonicalUser', OneOrMany<string>>>>;

/** Condition operator → condition key → value(s), e.g. `{ StringEquals: { 'aws:PrincipalOrgID': 'o-…' } }`. */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, OneOrMany<string | boolean | number>>>>>;

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly NotPrincipal?: PolicyPrincipal;
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: PolicyCondition;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}
