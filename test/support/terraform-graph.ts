import * as path from 'node:path';
import type { Synthesized, StackJson } from './synth';

/** One synthesized resource, addressed across stacks as `<stack>:<type>.<name>`. */
export interface GraphResource {
  readonly key: string;
  readonly stack: string;
  readonly type: string;
  readonly values: Record<string, any>;
}

const REFERENCE = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.(id|arn|[a-z_]+)\}$/;
const REMOTE = /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([a-z_]+)(?:\["([^"]+)"\]|\.([A-Za-z0-9_]+))?\}$/;

/**
 * Resources of every stack with their references resolved to resource keys, including reads of
 * another stack's outputs through terraform_remote_state: enough to follow routes across stacks.
 */
export class TerraformGraph {
  readonly resources = new Map<string, GraphResource>();

  constructor(private readonly synthesized: Synthesized) {
    for (const [stack, json] of Object.entries(synthesized.stacks)) {
      for (const [type, byName] of Object.entries<Record<string, any>>(json.resource ?? {})) {
        for (const [name, values] of Object.entries(byName)) {
          const key = `${stack}:${type}.${name}`;
          this.resources.set(key, { key, stack, type, values });
        }
      }
    }
  }

  ofType(type: string): GraphResource[] {
    return [...this.resources.values()].filter((resource) => resource.type === type);
  }

  /** The resource key an expression in `stack` points at, or undefined for a literal. */
  resolve(stack: string, expression: unknown): string | undefined {
    if (typeof expression !== 'string') return undefined;
    const local = REFERENCE.exec(expression);
    if (local && local[1] !== 'data') return `${stack}:${local[1]}.${local[2]}`;
    const remote = REMOTE.exec(expression);
    if (!remote) return undefined;
    const [, stateName, output, quotedKey, plainKey] = remote;
    const key = quotedKey ?? plainKey;
    const producer = this.producerOf(this.synthesized.stacks[stack], stateName);
    const value = this.synthesized.stacks[producer]?.output?.[output]?.value;
    return this.resolve(producer, key === undefined ? value : value?.[key]);
  }

  private producerOf(json: StackJson, stateName: string): string {
    const config = json.data.terraform_remote_state[stateName].config;
    return path.basename(config.path ?? config.key, '.tfstate');
  }
}
