import type { AccountRef } from '../../stack-plans';
import type { PublishesPlan } from '../messaging/types';

/** FARGATE_SPOT and FARGATE weights, and the tasks always on FARGATE. */
export interface CapacityStrategy {
  readonly fargateSpotWeight: number;
  readonly fargateWeight: number;
  readonly fargateBase: number;
}

export interface RepositoryPlan {
  readonly name: string;
  /** The repository's name in ECR: `<org>/<name>`. */
  readonly repositoryName: string;
  /** Accounts (other environments) allowed to pull. */
  readonly pullAccounts: readonly AccountRef[];
  readonly untaggedExpiryDays: number;
  readonly keepTaggedImages: number;
}

export interface EcsServicePlan {
  readonly name: string;
  /** Task definition family and name prefix of the service's resources. */
  readonly family: string;
  readonly image: {
    readonly account: AccountRef;
    readonly region: string;
    readonly repository: string;
    readonly tag: string;
  };
  readonly imageOwner: 'terraform' | 'ci';
  readonly cpu: number;
  readonly memory: number;
  readonly port?: number;
  readonly desiredCount: number;
  /** Keys of the spoke contract's `subnet_ids` the tasks run in (`<tier>-<zone letter>`). */
  readonly subnetKeys: readonly string[];
  readonly capacity: CapacityStrategy;
  readonly scaling?: {
    readonly minCount: number;
    readonly maxCount: number;
    readonly target:
      | { readonly kind: 'cpu'; readonly percent: number }
      | { readonly kind: 'queue'; readonly queueName: string; readonly messagesPerTask: number };
  };
  readonly callers: { readonly services: readonly string[]; readonly tiers: readonly ('web' | 'app' | 'data')[] };
  readonly secrets: Readonly<Record<string, string>>;
  readonly environment: Readonly<Record<string, string>>;
  /** Queue names the task role may receive and delete from. */
  readonly consumes: readonly string[];
  /** What the task role may send to; undefined: nothing. */
  readonly publishes?: PublishesPlan;
  readonly ephemeralStorageGiB?: number;
  readonly exec: boolean;
  readonly serviceConnect: boolean;
  readonly lattice: boolean;
  readonly logRetentionDays: number;
}

export interface ContainersPlan {
  readonly clusterName: string;
  readonly capacity: CapacityStrategy;
  readonly repositories: readonly RepositoryPlan[];
  readonly services: readonly EcsServicePlan[];
}
