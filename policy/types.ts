/*
 * The policy pack's vocabulary. A stack's `cdk.tf.json` and a plan's `terraform show -json` are both
 * normalized into StackDocuments (policy/terraform-json.ts), so every rule is written once.
 */

export type Severity = 'error' | 'warning';

/** Where a document came from: a synthesized `cdk.tf.json`, or a plan's `terraform show -json`. */
export type DocumentSource = 'cdktf' | 'plan';

/** One managed resource, the same shape whichever JSON it came from. */
export interface TerraformResource {
  /** Full address, e.g. `aws_vpc.vpc_6776A399` or `module.net.aws_vpc.main[0]`. */
  readonly address: string;
  /** Address without instance keys (`module.net.aws_vpc.main`): what references point at. */
  readonly configAddress: string;
  readonly type: string;
  readonly name: string;
  /**
   * Known argument values. Nested blocks may be an object (cdk.tf.json, single blocks) or an array
   * (plans): read them through `blocks()`. Values unknown until apply are absent in plans.
   */
  readonly values: Readonly<Record<string, unknown>>;
  /** Config addresses of the resources each top-level argument refers to, e.g. `vpc_id → [aws_vpc.main]`. */
  readonly references: Readonly<Record<string, readonly string[]>>;
  /** Lifecycle meta-arguments; undefined when the source does not record them (plan JSON). */
  readonly lifecycle?: { readonly preventDestroy: boolean };
  /** The cdktf construct path, when the source is a cdk.tf.json. */
  readonly constructPath?: string;
  /** `data` for a data source (address `data.<type>.<name>`). @default 'managed' */
  readonly mode?: 'managed' | 'data';
}

export interface StackDocument {
  readonly stack: string;
  readonly source: DocumentSource;
  /** File the document was read from, when it came from a file. */
  readonly file?: string;
  readonly resources: readonly TerraformResource[];
  /**
   * Data sources (`mode: 'data'`). From a plan they come from `configuration`, which lists every
   * data block, so `values` is empty there. @default []
   */
  readonly dataSources?: readonly TerraformResource[];
}

/** What a rule reports about one resource; the engine adds stack, rule and fix. */
export interface Violation {
  /** What exactly is wrong, e.g. `ingress[0] allows 0.0.0.0/0 to tcp 22`. */
  readonly detail: string;
  /** @default the evaluated resource's address */
  readonly address?: string;
}

export interface RuleContext {
  readonly stack: string;
  readonly source: DocumentSource;
  /** Every managed resource of the stack. */
  readonly resources: readonly TerraformResource[];
  ofType(...types: string[]): TerraformResource[];
  /** Resources of one of `types` whose `argument` refers to `target`, e.g. flow logs whose vpc_id is this VPC. */
  referencing(target: TerraformResource, types: readonly string[], argument: string): TerraformResource[];
  /** Something the rule could not check from this source; printed once per stack and rule. */
  note(message: string): void;
}

export interface PolicyRule {
  /** Our id, `LZ-<DOMAIN>-<NNN>` (letters only in the domain: waivers in org.yaml are validated against that). */
  readonly id: string;
  /** The checkov check this rule corresponds to; undefined for our own rules. */
  readonly checkov?: string;
  /** What compliant looks like, e.g. "No security group ingress from anywhere to port 22". */
  readonly title: string;
  readonly severity: Severity;
  /** Resource types `evaluate` is called for; `data.<type>` names a data source type, `data.*` every data source. */
  readonly resourceTypes: readonly string[];
  evaluate(resource: TerraformResource, context: RuleContext): readonly Violation[];
  /** How to comply, in a sentence. */
  readonly fix: string;
}

export interface Finding {
  readonly stack: string;
  readonly address: string;
  readonly rule: string;
  readonly checkov?: string;
  readonly title: string;
  readonly severity: Severity;
  readonly detail: string;
  readonly fix: string;
  readonly file?: string;
}

export interface PolicyNote {
  readonly stack: string;
  readonly rule: string;
  readonly message: string;
}
