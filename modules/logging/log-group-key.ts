import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { checkAccountId, checkName, checkRegion } from '../containers/checks';
import { clusterKeyPolicy } from '../containers/ecs-cluster';

export interface LogGroupKeyProps {
  /** Alias `alias/<aliasPrefix>/<name>`. CAUTION: changing it replaces the alias (the key stays). */
  readonly name: string;
  /** What the logs are, for the key's description ("the FIS experiments of <name>"). CAUTION: changing it updates the key in place. */
  readonly purpose: string;
  /** First part of the alias and of the key's Name tag, e.g. `batch` or `fis`. CAUTION: changing it replaces the alias. */
  readonly aliasPrefix: string;
  /** Account whose IAM administers the key. */
  readonly accountId: string;
  /** Region whose CloudWatch Logs may use the key for this account's log groups. */
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A rotating KMS key that CloudWatch Logs of one account and region may use for its log groups. */
export class LogGroupKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: LogGroupKeyProps) {
    super(scope, id);
    const where = `LogGroupKey ${props.name}`;
    checkName(where, 'name', props.name, 200);
    checkName(where, 'aliasPrefix', props.aliasPrefix, 50);
    checkAccountId(where, 'accountId', props.accountId);
    checkRegion(where, props.region);
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the ${props.purpose}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify(clusterKeyPolicy(props)),
      tags: { Name: `${props.aliasPrefix}-${props.name}`, ...props.tags },
    });
    new KmsAlias(this, 'alias', { name: `alias/${props.aliasPrefix}/${props.name}`, targetKeyId: this.key.keyId });
  }

  get keyArn(): string {
    return this.key.arn;
  }
}
