import { createHash } from 'node:crypto';
import { Fn, TerraformOutput, TerraformRemoteState, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { ContractSource } from '../../model/stack-plans';

/*
 * A contract is the single definition of what one producer stack publishes: each output's
 * Terraform name, description, shape and offline placeholder. The producer publishes through it
 * (every output described, none forgotten: the values object is typed by the same keys) and a
 * consumer reads through it (typed, and offline placeholders derived from the keys it reads).
 */

export interface StringOutput {
  readonly shape: 'string';
  readonly name: string;
  readonly description: string;
  readonly placeholder: (source: ContractSource) => string;
}

/** A map of strings keyed by names from config (route tables, services, `<tier>-<zone>`…). */
export interface MapOutput {
  readonly shape: 'map';
  readonly name: string;
  readonly description: string;
  readonly placeholder: (source: ContractSource, key: string) => string;
}

export type OutputSpec = StringOutput | MapOutput;

export const output = {
  string: (name: string, description: string, placeholder: StringOutput['placeholder']): StringOutput => ({
    shape: 'string',
    name,
    description,
    placeholder,
  }),
  map: (name: string, description: string, placeholder: MapOutput['placeholder']): MapOutput => ({
    shape: 'map',
    name,
    description,
    placeholder,
  }),
};

type KeysOfShape<S, Shape> = { [K in keyof S]: S[K] extends { shape: Shape } ? K : never }[keyof S];

/** What a producer publishes: a string per string output, a map per map output. */
export type ContractValues<S extends Record<string, OutputSpec>> = {
  readonly [K in keyof S]: S[K] extends MapOutput ? Readonly<Record<string, string>> : string;
};

/** Opens a `terraform_remote_state` of the producer with the given offline placeholders. */
export type StateOpener = (id: string, source: ContractSource, placeholders: Record<string, unknown>) => TerraformRemoteState;

export class Contract<S extends Record<string, OutputSpec>> {
  constructor(
    /** Kind of the producing stack, for messages. */
    readonly producer: string,
    readonly outputs: S,
  ) {}

  /** The producer's side: one described `output` per key of the contract. */
  publish(scope: Construct, values: ContractValues<S>): void {
    for (const [key, spec] of Object.entries(this.outputs)) {
      new TerraformOutput(scope, spec.name, { value: values[key as keyof S], description: spec.description });
    }
  }

  /** The consumer's side; the state is opened on first use. */
  read(open: StateOpener, id: string, source: ContractSource): ContractReader<S> {
    return new ContractReader(this, open, id, source);
  }
}

/**
 * Typed reads of one producer's outputs. Placeholders list only what this consumer reads, so a
 * change in what another consumer reads never touches this stack.
 */
export class ContractReader<S extends Record<string, OutputSpec>> {
  private readonly used: Record<string, unknown> = {};
  private state?: TerraformRemoteState;

  constructor(
    private readonly contract: Contract<S>,
    private readonly open: StateOpener,
    private readonly id: string,
    private readonly source: ContractSource,
  ) {}

  string(key: KeysOfShape<S, 'string'>): string {
    const spec = this.contract.outputs[key] as StringOutput;
    this.used[spec.name] = spec.placeholder(this.source);
    return this.remote().getString(spec.name);
  }

  /** One entry of a map output. */
  entry(key: KeysOfShape<S, 'map'>, item: string): string {
    const spec = this.contract.outputs[key] as MapOutput;
    const placeholders = (this.used[spec.name] ??= {}) as Record<string, string>;
    placeholders[item] = spec.placeholder(this.source, item);
    return Token.asString(Fn.lookup(this.remote().get(spec.name), item));
  }

  /** The named entries of a map output, keyed by the same names. */
  entries(key: KeysOfShape<S, 'map'>, items: readonly string[]): Record<string, string> {
    return Object.fromEntries(items.map((item) => [item, this.entry(key, item)]));
  }

  private remote(): TerraformRemoteState {
    // `used` is filled as outputs are read; Terraform receives it when the stack is synthesized.
    this.state ??= this.open(this.id, this.source, this.used);
    return this.state;
  }
}

export function defineContract<S extends Record<string, OutputSpec>>(producer: string, outputs: S): Contract<S> {
  return new Contract(producer, outputs);
}

/** A stable hex string per name, so offline plans of different producers and keys differ. */
export function placeholderHex(...parts: string[]): string {
  return createHash('sha256').update(parts.join('/')).digest('hex').slice(0, 17);
}

/** A stable, valid-looking 12-digit account id per name. */
export function placeholderAccountId(name: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 15)}`)
    .toString()
    .padStart(12, '0');
  return digits.slice(-12);
}
